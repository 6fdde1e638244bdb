import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Text snapshots come from many extractors: UTF-8 (with or without a byte-order mark),
/// UTF-16 from Windows tools, and GB18030/GBK from Chinese ones. Decoded to a Swift string,
/// or nil when the bytes are none of these.
enum TextDecoding {
    static func decode(_ data: Data) -> String? {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return String(decoding: bytes.dropFirst(3), as: UTF8.self)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return String(data: data, encoding: .utf16)
        }
        if let text = String(data: data, encoding: .utf8) { return text }
        return gb18030(bytes)
    }

    /// GB18030 (a superset of GBK and GB2312) through the C library's iconv.
    static func gb18030(_ bytes: [UInt8]) -> String? {
        #if canImport(Glibc)
        let cd = iconv_open("UTF-8", "GB18030")
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var outLeft = outBuf.count
                let result = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if result == -1 || inLeft != 0 { return false }
                let written = outBuf.count - outLeft
                outBuf[written < outBuf.count ? written : outBuf.count - 1] = 0
                return true
            }
        }
        guard ok else { return nil }
        let produced = output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(validating: produced, as: UTF8.self)
        #else
        return nil
        #endif
    }
}
