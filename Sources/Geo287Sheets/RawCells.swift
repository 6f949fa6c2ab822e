/// The cells of one sheet row by 0-based column: a dictionary's semantics (one cell per column,
/// the last one set wins) kept as a column-sorted array, which a row of a dozen cells reads and
/// fills faster than a hash table (cells usually arrive in column order: appended).
struct RawCells: Sequence {
    private var entries: [(key: Int, value: RawCell)] = []

    init() { entries.reserveCapacity(16) }

    /// Cells given as (column, cell) pairs; a repeated column keeps the last.
    init<S: Sequence>(_ pairs: S) where S.Element == (Int, RawCell) {
        for (column, cell) in pairs { self[column] = cell }
    }

    var count: Int { entries.count }
    var keys: [Int] { entries.map(\.key) }
    var values: [RawCell] { entries.map(\.value) }

    /// (column, cell) in column order.
    func makeIterator() -> IndexingIterator<[(key: Int, value: RawCell)]> { entries.makeIterator() }

    subscript(column: Int) -> RawCell? {
        get {
            let i = slot(column)
            return i < entries.count && entries[i].key == column ? entries[i].value : nil
        }
        set {
            let i = slot(column)
            let present = i < entries.count && entries[i].key == column
            switch (newValue, present) {
            case let (cell?, true): entries[i].value = cell
            case let (cell?, false): entries.insert((column, cell), at: i)
            case (nil, true): entries.remove(at: i)
            case (nil, false): break
            }
        }
    }

    /// `body` of the cell at `column`, read where it is stored (no copy of its strings); nil
    /// when the row has no cell there.
    @inline(__always)
    func withCell<R>(at column: Int, _ body: (RawCell) -> R) -> R? {
        let i = slot(column)
        guard i < entries.count, entries[i].key == column else { return nil }
        return entries.withUnsafeBufferPointer { body($0[i].value) }
    }

    subscript(column: Int, default fallback: @autoclosure () -> RawCell) -> RawCell {
        get { self[column] ?? fallback() }
        set { self[column] = newValue }
    }

    /// The index of `column`, or where it would be inserted (binary search; the end first).
    private func slot(_ column: Int) -> Int {
        guard let last = entries.last, column <= last.key else { return entries.count }
        var low = 0, high = entries.count
        while low < high {
            let mid = low + (high - low) / 2
            if entries[mid].key < column { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
