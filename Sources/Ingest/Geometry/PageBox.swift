/// A rectangle on a PDF page, in points from the page's top-left corner (poppler's word boxes):
/// where a figure, a label or a whole row was printed.
public struct PageBox: Sendable, Equatable, Hashable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    var width: Double { x1 - x0 }
    var height: Double { y1 - y0 }
    var midX: Double { (x0 + x1) / 2 }
    var midY: Double { (y0 + y1) / 2 }

    func union(_ other: PageBox) -> PageBox {
        PageBox(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    /// Length of the horizontal overlap (negative: the gap between them).
    func overlapX(_ other: PageBox) -> Double { min(x1, other.x1) - max(x0, other.x0) }
    /// Length of the vertical overlap (negative: the gap between them).
    func overlapY(_ other: PageBox) -> Double { min(y1, other.y1) - max(y0, other.y0) }

    static func enclosing(_ boxes: [PageBox]) -> PageBox? {
        guard var b = boxes.first else { return nil }
        for o in boxes.dropFirst() { b = b.union(o) }
        return b
    }
}

/// Where one source line of a PDF snapshot was printed: its page and, cell by cell (the
/// line's tab-separated cells), the box of the words that made the cell (nil for a blank cell).
public struct LineGeometry: Sendable {
    public let page: Int
    public let cells: [PageBox?]

    /// The box around every printed cell of the line (a row's box).
    public var box: PageBox? { PageBox.enclosing(cells.compactMap { $0 }) }

    public func cell(_ index: Int) -> PageBox? { index >= 0 && index < cells.count ? cells[index] : nil }
}
