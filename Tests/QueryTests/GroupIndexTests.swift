import Testing
import Store
@testable import Query

@Suite struct GroupIndexTests {
    @Test func equalTuplesGetOneGroupAcrossBatchesAndModes() {
        let index = GroupIndex(types: [.integer, .integer, .integer])
        let a = Vector(.integer([1, 2, 1, 2]), nulls: nil, count: 4)
        let b = Vector(.integer([5, 5, 5, 6]), nulls: nil, count: 4)
        let c = Vector(.integer([7, 7, 7, 7]), nulls: nil, count: 4)
        #expect(index.groupIDs([a, b, c]) == [0, 1, 0, 2])
        #expect(index.groupIDs([b, a, c]).count == 4)
        #expect(index.groupIDs([a, b, c]) == [0, 1, 0, 2])
    }

    @Test func aKeyOutgrowingItsBitsKeepsTheGroupIds() {
        let index = GroupIndex(types: [.integer, .integer, .integer, .integer])
        let n = 70_000
        let first = Vector(.integer((0..<Int64(n)).map { $0 % 10 }), nulls: nil, count: n)
        let zeros = Vector(.integer([Int64](repeating: 0, count: n)), nulls: nil, count: n)
        let before = index.groupIDs([first, zeros, zeros, zeros])
        #expect(index.groupCount == 10)
        // Now 70,000 distinct values in the last key: more than 16 bits of ids.
        let many = Vector(.integer((0..<Int64(n)).map { $0 + 1_000_000 }), nulls: nil, count: n)
        let after = index.groupIDs([first, zeros, zeros, many])
        #expect(index.groupCount == 10 + n)
        #expect(Set(after).count == n)
        // The old groups are still found under their old ids.
        #expect(index.groupIDs([first, zeros, zeros, zeros]) == before)
        #expect(index.keyVectors()[3].value(at: 10) == .integer(1_000_000))
    }

    @Test func hashTableFindsWhatItStored() {
        var table = IntegerHashTable()
        var next: Int32 = 0
        for k in 0..<50_000 { _ = table.id(for: UInt64(k) << 48 | 7) { defer { next += 1 }; return next } }
        #expect(table.count == 50_000)
        #expect(table.lookup(UInt64(123) << 48 | 7) == 123)
        #expect(table.lookup(99) == nil)
    }
}
