import Foundation
import Testing

/// Pages rendered by headless Chromium, for the HTML reports (look at the screenshots).
enum Chromium {
    /// Renders a page in headless Chromium into budgetql-reports/NAME.png under the temporary
    /// folder (kept, to be looked at) and checks it is a real picture.
    static func screenshot(_ html: String, named name: String, size: String = "1200,1600") throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("budgetql-reports")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let page = directory.appendingPathComponent("\(name).html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("skipped the Chromium screenshot: no chromium installed (apt-get install -y chromium)")
            return
        }
        // Without a font that has Chinese glyphs the page would show boxes.
        let fonts = try Binary.run(["-c", "fc-list :lang=zh family"], shell: true)
        #expect(!fonts.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                "no font with Chinese glyphs: ./ensure-deps installs fonts-noto-cjk where Chromium is installed")
        let screenshot = directory.appendingPathComponent("\(name).png")
        try? FileManager.default.removeItem(at: screenshot)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                             "--window-size=\(size)", "--screenshot=\(screenshot.path)", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let data = try Data(contentsOf: screenshot)
        // A PNG, and a large one: a blank page compresses to a few kilobytes.
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(data.count > 30_000, "screenshot only \(data.count) bytes")
        print("screenshot: \(screenshot.path)")
    }
}
