import Testing
@testable import Store

@Suite struct PackedIntegersTests {
    @Test func choosesTheNarrowestWidth() {
        #expect(PackedIntegers([1, -5, 99]).width == 1)
        #expect(PackedIntegers([208, 229]).width == 2)
        #expect(PackedIntegers([2080101]).width == 4)
        #expect(PackedIntegers([Int64.max, 0]).width == 8)
        #expect(PackedIntegers([]).width == 1)
    }

    @Test func keepsEveryValue() {
        let values: [Int64] = [-32769, 0, 2080101, 70000]
        let packed = PackedIntegers(values)
        #expect(packed.widened == values)
        #expect(packed[2] == 2080101)
    }
}

@Suite struct NullMaskTests {
    @Test func wordsAreTakenWholeAndStrayBitsCleared() {
        var appended = NullMask()
        for row in 0..<70 { appended.append(row % 3 == 0) }
        let fromWords = NullMask(words: appended.words + [0xFFFF], count: 70)
        #expect(fromWords == appended)
        let stray = NullMask(words: [UInt64.max], count: 3)
        #expect(stray.words == [0b111] && stray[2] && stray.count == 3)
        #expect(NullMask(words: [], count: 65).words == [0, 0])
    }
}

@Suite struct UTF8SearchTests {
    @Test func findsChineseAndASCIINeedles() {
        #expect("其他就业补助支出".containsUTF8("就业"))
        #expect(!"其他人力资源".containsUTF8("就业"))
        #expect("单位：万元".containsUTF8("单位"))
        #expect("abc".containsUTF8(""))
        #expect(!"ab".containsUTF8("abc"))
    }
}
