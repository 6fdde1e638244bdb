import Foundation

/// A small PDF that makes pdftotext work for minutes and grow without bound: each form XObject
/// draws the next one `fan` times, `depth` levels deep (fan^depth drawings of one glyph). Written
/// by the tests, so no hostile file lives in the repository.
enum NestedFormPDF {
    static func bytes(depth: Int, fan: Int) -> Data {
        var objects: [Int: String] = [
            1: "<< /Type /Catalog /Pages 2 0 R >>",
            2: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X 10 0 R >> /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            4: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        func stream(_ dictionary: String, _ body: String) -> String {
            "\(dictionary) /Length \(body.utf8.count) >>\nstream\n\(body)\nendstream"
        }
        objects[5] = stream("<<", "/X Do")
        for level in 0..<depth {
            let last = level == depth - 1
            let body = last ? "BT /F1 12 Tf 10 10 Td (x) Tj ET" : Array(repeating: "/X Do", count: fan).joined(separator: " ")
            let resources = last ? "<< /Font << /F1 4 0 R >> >>" : "<< /XObject << /X \(11 + level) 0 R >> /Font << /F1 4 0 R >> >>"
            objects[10 + level] = stream("<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources \(resources)", body)
        }
        return document(objects)
    }

    /// A page that draws a filled square and prints no text: what a scanned disclosure is to
    /// poppler (an image of the page, no text layer).
    static func drawingOnly() -> Data {
        document([
            1: "<< /Type /Catalog /Pages 2 0 R >>",
            2: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            4: "<< /Length 24 >>\nstream\n100 100 300 300 re f\n\nendstream",
        ])
    }

    /// The objects numbered as given, with their cross-reference table.
    static func document(_ objects: [Int: String]) -> Data {
        var out = "%PDF-1.4\n"
        var offsets: [Int: Int] = [:]
        for number in objects.keys.sorted() {
            offsets[number] = out.utf8.count
            out += "\(number) 0 obj\n\(objects[number] ?? "")\nendobj\n"
        }
        let size = (objects.keys.max() ?? 0) + 1
        let xref = out.utf8.count
        out += "xref\n0 \(size)\n0000000000 65535 f \n"
        for number in 1..<size {
            if let offset = offsets[number] {
                let digits = String(offset)
                out += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
            } else {
                out += "0000000000 65535 f \n"
            }
        }
        out += "trailer\n<< /Size \(size) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }

    /// Writes the PDF into `directory` under `name` and returns its path.
    static func write(into directory: String, name: String, depth: Int = 30, fan: Int = 4) throws -> String {
        let path = directory + "/" + name
        try bytes(depth: depth, fan: fan).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Whether any process's command line mentions `text` (a pdftotext left running on our file).
    static func processRunning(mentioning text: String) -> Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for pid in entries where Int(pid) != nil {
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { continue }
            let commandLine = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            if commandLine.contains(text) { return true }
        }
        return false
    }
}
