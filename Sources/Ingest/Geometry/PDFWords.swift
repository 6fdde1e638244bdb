import Foundation

/// One word poppler found on a page: its text and box.
struct PDFWord: Sendable {
    var text: String
    /// Where the word stands for reading the table: the page turned upright.
    var box: PageBox
    /// Where the word is printed as a viewer shows the page (provenance points here).
    var printed: PageBox

    init(text: String, box: PageBox) {
        self.text = text
        self.box = box
        self.printed = box
    }
}

/// One page of a PDF as positioned words.
struct PDFPage: Sendable {
    let number: Int
    var width: Double
    var height: Double
    var words: [PDFWord]

    /// A page displayed turned a quarter (/Rotate 90 or 270: a portrait page shown landscape)
    /// reaches poppler with its text running down or up the page. Its words are turned upright
    /// for reading (their printed boxes stay as displayed). Which way: the page's first words
    /// in poppler's order are its head (title, unit line), on the side the page's top went to.
    mutating func turnUpright() {
        let multi = words.filter { $0.text.count >= 2 }
        let vertical = multi.filter { $0.box.height > 1.3 * $0.box.width }.count
        let horizontal = multi.filter { $0.box.width > 1.3 * $0.box.height }.count
        guard vertical > 2 * horizontal, vertical >= 3 else { return }
        let head = words.prefix(5).map(\.box.midX)
        let topOnTheRight = head.reduce(0, +) / Double(max(head.count, 1)) > width / 2
        let (w, h) = (width, height)
        for i in words.indices {
            let b = words[i].box
            words[i].box = topOnTheRight
                ? PageBox(x0: b.y0, y0: w - b.x1, x1: b.y1, y1: w - b.x0)   // shown turned clockwise
                : PageBox(x0: h - b.y1, y0: b.x0, x1: h - b.y0, y1: b.x1)   // shown turned anticlockwise
        }
        (width, height) = (h, w)
    }
}

/// Reads `pdftotext -bbox-layout` output (XHTML: page > flow > block > line > word, each word
/// with xMin/yMin/xMax/yMax) into pages of words. Only `<page` and `<word` elements matter:
/// poppler's own blocks and lines are a reading-order guess, not the table's rows.
enum PDFWords {
    static func pages(fromBBoxLayout data: [UInt8]) -> [PDFPage] {
        var pages: [PDFPage] = []
        var i = 0
        let n = data.count
        while i < n {
            guard data[i] == UInt8(ascii: "<") else { i += 1; continue }
            if matches(data, i, "<page ") {
                let end = firstIndex(of: UInt8(ascii: ">"), in: data, from: i) ?? n
                let attributes = data[i..<end]
                pages.append(PDFPage(number: pages.count + 1, width: attribute("width", in: attributes) ?? 0,
                                     height: attribute("height", in: attributes) ?? 0, words: []))
                i = end
            } else if matches(data, i, "<word ") {
                guard let tagEnd = firstIndex(of: UInt8(ascii: ">"), in: data, from: i),
                      let close = firstIndex(of: UInt8(ascii: "<"), in: data, from: tagEnd) else { break }
                let attributes = data[i..<tagEnd]
                if !pages.isEmpty, let x0 = attribute("xMin", in: attributes), let y0 = attribute("yMin", in: attributes),
                   let x1 = attribute("xMax", in: attributes), let y1 = attribute("yMax", in: attributes) {
                    // Full-width digits and separators (４７７．６８) read as the figures they are.
                    let text = FullWidthNumbers.normalise(unescape(String(decoding: data[(tagEnd + 1)..<close], as: UTF8.self)))
                    if !text.isEmpty {
                        pages[pages.count - 1].words.append(PDFWord(text: text, box: PageBox(x0: x0, y0: y0, x1: x1, y1: y1)))
                    }
                }
                i = close
            } else {
                i += 1
            }
        }
        for i in pages.indices { pages[i].turnUpright() }
        return pages
    }

    private static func matches(_ data: [UInt8], _ at: Int, _ literal: String) -> Bool {
        let bytes = literal.utf8
        guard at + bytes.count <= data.count else { return false }
        return data[at..<(at + bytes.count)].elementsEqual(bytes)
    }

    private static func firstIndex(of byte: UInt8, in data: [UInt8], from: Int) -> Int? {
        var k = from
        while k < data.count { if data[k] == byte { return k }; k += 1 }
        return nil
    }

    /// The numeric value of `name="…"` inside a tag.
    private static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> Double? {
        let key = Array((" " + name + "=\"").utf8)
        var k = tag.startIndex
        while k + key.count <= tag.endIndex {
            if tag[k] == key[0] && tag[k..<(k + key.count)].elementsEqual(key) {
                var e = k + key.count
                let start = e
                while e < tag.endIndex && tag[e] != UInt8(ascii: "\"") { e += 1 }
                return Double(String(decoding: tag[start..<e], as: UTF8.self))
            }
            k += 1
        }
        return nil
    }

    private static func unescape(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "&")) else { return s }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
