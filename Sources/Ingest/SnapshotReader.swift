import Store
import Foundation

/// Why a file could not be read as a snapshot: what and which file.
enum SnapshotReadError: Error, CustomStringConvertible {
    case unreadable(String, String)
    case pdftotextMissing(String)
    case pdftotextFailed(String, String)
    case pdftotextTimedOut(String, seconds: Double)
    case pdftotextOutOfMemory(String, megabytes: Int)
    /// The load was cancelled (Ctrl-C) while this file was being read.
    case cancelled(String)
    case unknownForm(String)

    /// The file at fault.
    var file: String {
        switch self {
        case let .unreadable(file, _), let .pdftotextMissing(file), let .pdftotextFailed(file, _),
             let .pdftotextTimedOut(file, _), let .pdftotextOutOfMemory(file, _), let .cancelled(file),
             let .unknownForm(file):
            return file
        }
    }

    /// What went wrong, without the file (a load problem names the file once, beside it).
    var reason: String {
        switch self {
        case let .unreadable(_, why): return "cannot read the file (\(why))"
        case .pdftotextMissing:
            return "is a PDF, but pdftotext is not installed (install poppler-utils: apt-get install poppler-utils)"
        case let .pdftotextFailed(_, why): return "pdftotext could not convert the PDF (\(why))"
        case let .pdftotextTimedOut(_, seconds):
            return "pdftotext did not finish within \(Self.seconds(seconds)) s and was stopped (BUDGETQL_PDF_TIMEOUT sets the limit)"
        case let .pdftotextOutOfMemory(_, megabytes):
            return "pdftotext ran out of its \(megabytes) MB of memory and was stopped (BUDGETQL_PDF_MEMORY sets the limit)"
        case .cancelled: return "not loaded (cancelled)"
        case .unknownForm:
            return "not a budget disclosure snapshot (expected a PDF, pdftotext layout text or tab-separated text of a 预算/决算 disclosure)"
        }
    }

    var description: String { "\(file): \(reason)" }

    private static func seconds(_ s: Double) -> String {
        s == s.rounded() ? String(Int(s)) : String(s)
    }
}

/// Detects a snapshot's form and turns it into source lines: PDF -> `pdftotext -layout`,
/// layout text, or tab-separated text.
enum SnapshotReader {
    static func read(path: String) throws(SnapshotReadError) -> SnapshotDocument {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            // Read with POSIX calls: their messages are plain ("Too many levels of symbolic
            // links", "not a regular file" for a FIFO), where Foundation's are not.
            let file = try FileBytes(path: path)
            data = file.withBytes { Data(buffer: $0) }
        } catch {
            throw .unreadable(path, error.reason)
        }
        let id = url.deletingPathExtension().lastPathComponent
        if data.starts(with: Array("%PDF".utf8)) {
            let words = try PdftotextProcess.run(path: path, arguments: ["-bbox-layout", "-enc", "UTF-8"])
            return pdfDocument(id: id, file: path, pages: PDFWords.pages(fromBBoxLayout: Array(words)))
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
            lines.append(FullWidthNumbers.normalise(String(line)))
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

    /// `pdftotext OPTIONS -enc UTF-8 -- FILE -`, limited and cancellable (PdftotextProcess).
    static func pdfText(path: String, arguments: [String]) throws(SnapshotReadError) -> String {
        String(decoding: try PdftotextProcess.run(path: path, arguments: arguments + ["-enc", "UTF-8"]), as: UTF8.self)
    }
}
