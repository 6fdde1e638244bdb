import Store
import Foundation

/// Why a file could not be read as a snapshot: what and which file.
enum SnapshotReadError: Error, CustomStringConvertible {
    case unreadable(String, String)
    case pdftotextMissing(String)
    case pdftotextFailed(String, String)
    case unknownForm(String)

    var description: String {
        switch self {
        case let .unreadable(file, why): return "\(file): cannot read the file (\(why))"
        case let .pdftotextMissing(file):
            return "\(file): is a PDF, but pdftotext is not installed (install poppler-utils: apt-get install poppler-utils)"
        case let .pdftotextFailed(file, why): return "\(file): pdftotext could not convert the PDF (\(why))"
        case let .unknownForm(file):
            return "\(file): not a budget disclosure snapshot (expected a PDF, pdftotext layout text or tab-separated text of a 预算/决算 disclosure)"
        }
    }
}

/// Detects a snapshot's form and turns it into source lines: PDF -> `pdftotext -layout`,
/// layout text, or tab-separated text.
enum SnapshotReader {
    static func read(path: String) throws(SnapshotReadError) -> SnapshotDocument {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path, error.localizedDescription)
        }
        let id = url.deletingPathExtension().lastPathComponent
        if data.starts(with: Array("%PDF".utf8)) {
            let words = try pdfText(path: path, arguments: ["-bbox-layout"])
            return pdfDocument(id: id, file: path, pages: PDFWords.pages(fromBBoxLayout: Array(words.utf8)))
        }
        guard let text = TextDecoding.decode(data) else {
            throw .unknownForm(path)
        }
        let format = detectTextForm(text)
        guard let format else { throw .unknownForm(path) }
        return document(id: id, file: path, format: format, text: text)
    }

    /// Tab text when many lines carry tabs; layout text when many lines carry wide space runs
    /// between cells. Either way the text must look like a disclosure (CJK table words).
    static func detectTextForm(_ text: String) -> SnapshotFormat? {
        var tabLines = 0, gapLines = 0, lines = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(4000) {
            lines += 1
            if line.utf8.contains(0x09) { tabLines += 1 } else if String(line).containsUTF8("   ") { gapLines += 1 }
        }
        let looksLikeDisclosure = (text.containsUTF8("预算") || text.containsUTF8("决算")) && text.containsUTF8("表")
        guard lines > 0, looksLikeDisclosure else { return nil }
        if tabLines * 10 >= lines { return .tabText }
        if gapLines * 10 >= lines { return .layoutText }
        return nil
    }

    static func document(id: String, file: String, format: SnapshotFormat, text: String) -> SnapshotDocument {
        var lines: [String] = []
        var pages = 1
        lines.reserveCapacity(2048)
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.utf8.contains(0x0C) {
                pages += line.reduce(0) { $0 + ($1 == "\u{0C}" ? 1 : 0) }
                line = Substring(line.replacingOccurrences(of: "\u{0C}", with: ""))
            }
            lines.append(String(line))
        }
        if lines.last == "" { lines.removeLast() }
        var doc = SnapshotDocument(id: id, file: file, format: format == .pdf ? .layoutText : format, lines: lines)
        if format == .pdf { doc = SnapshotDocument(id: id, file: file, format: .pdf, lines: lines) }
        DocumentMetadata.fill(&doc)
        doc.pages = format == .tabText ? DocumentMetadata.pageMarkers(in: lines) : (pages > 1 ? pages - (text.hasSuffix("\u{0C}") ? 1 : 0) : 0)
        return doc
    }

    /// A PDF read by geometry: its pages' words laid out as source lines with their placement.
    static func pdfDocument(id: String, file: String, pages: [PDFPage]) -> SnapshotDocument {
        let layout = GeometricLayout.layout(pages)
        var doc = SnapshotDocument(id: id, file: file, format: .pdf, lines: layout.lines)
        doc.geometry = layout.geometry
        DocumentMetadata.fill(&doc)
        doc.pages = pages.count
        return doc
    }

    /// `pdftotext OPTIONS FILE -` through Foundation's Process.
    static func pdfText(path: String, arguments: [String]) throws(SnapshotReadError) -> String {
        guard let tool = findTool("pdftotext") else { throw .pdftotextMissing(path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments + ["-enc", "UTF-8", "--", path, "-"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw .pdftotextFailed(path, error.localizedDescription)
        }
        // Read before waiting: a large PDF fills the pipe buffer otherwise.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let why = String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .pdftotextFailed(path, why.isEmpty ? "exit status \(process.terminationStatus)" : why)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Looks the tool up on PATH only, as a shell would: a PATH without it means it is missing
    /// (the standard directories stand in only when there is no PATH at all).
    static func findTool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin:/usr/local/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
