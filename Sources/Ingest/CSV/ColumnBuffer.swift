/// An append-only buffer of plain values with manual storage: the hot loop of a CSV load appends
/// about a hundred million cells, and Swift arrays would check uniqueness and bounds on each.
/// The owner calls `release()` exactly once; `array()` copies the values out in one go.
struct ColumnBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { reserve(capacity * 2) }
        (base + count).initialize(to: value)
        count += 1
    }

    mutating func reserve(_ wanted: Int) {
        guard wanted > capacity else { return }
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: wanted)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = wanted
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    func array() -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let destination = buffer.baseAddress { destination.initialize(from: base, count: count) }
            initialized = count
        }
    }

    /// Values converted element-wise into a new array (e.g. codes narrowed to their packed width).
    func map<T>(_ transform: (Element) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let destination = buffer.baseAddress else { initialized = 0; return }
            for i in 0..<count { (destination + i).initialize(to: transform(base[i])) }
            initialized = count
        }
    }

    func release() { base.deallocate() }
}
