import Foundation

/// The agreements already built from a row's cells, shared by the sheets of one read (a folder
/// of sheets repeats almost every row from one sheet to the next; only the row number changes).
///
/// An entry is keyed by everything the agreement and its warnings depend on: the sheet kind, the
/// header layout (which column holds what) and, for each
/// column the builder reads, the cell's value and hyperlink, byte for byte (two texts Swift
/// deems equal but spelled with other bytes are two entries). It holds the agreement, the row's
/// warnings without their row number, the duplicate key and the SIGNED date as read: the row
/// number, the date's plausibility (the sheet's date bounds it) and duplicate rows are decided
/// per sheet.
///
/// Safe to use from several threads: a sheet takes a `Shard` (a plain table) for itself while
/// its rows are built and gives it back after, so rows are looked up without a lock and the
/// entries' strings are not retained from two threads at once (that contention cost more than
/// the lookups). A read on `n` threads makes at most `n` shards, each learning the rows of the
/// sheets it served.
public final class AgreementMemo: @unchecked Sendable {
    // @unchecked: `idle` and `shards` are only read or written while `lock` is held; a shard is
    // used by one sheet at a time (taken from `idle`, given back after).
    private let lock = NSLock()
    private var idle: [Shard] = []
    private var shards: [Shard] = []

    public init() {}

    /// Rows built so far, over all shards. Only meaningful while no sheet is being read.
    public var count: Int { lock.withLock { shards.reduce(0) { $0 + $1.entries.count } } }

    /// Runs `body` with a shard no other sheet is using.
    func withShard<R>(_ body: (Shard) throws -> R) rethrows -> R {
        let shard = lock.withLock { () -> Shard in
            if let free = idle.popLast() { return free }
            let made = Shard()
            shards.append(made)
            return made
        }
        defer { lock.withLock { idle.append(shard) } }
        return try body(shard)
    }

    /// One table of rows, used by one sheet at a time.
    final class Shard {
        var entries: [RowKey: Entry] = [:]
    }

    /// A row as built from its cells alone: what depends on the sheet (the row number, whether
    /// the signed date is plausible for the sheet's date, duplicates) is added per use.
    struct Entry {
        /// `signed` nil: set per sheet from `signedCandidate`.
        var agreement: Agreement
        /// The row's warnings in order (column, message); the row is the row being read.
        var warnings: [(column: String?, message: String)]
        var duplicateKey: String
        /// The SIGNED date read, before the plausibility check.
        var signedCandidate: SignedDate?
        /// Where among `warnings` an implausible date's warning goes (after SIGNED's own).
        var signedCheckAt: Int
    }

    /// What a row is known by (see the type's comment): the sheet's context and the cells of the
    /// header's columns, compared byte for byte. `digest` hashes each text's length and at most
    /// its first and last 32 bytes (long hyperlinks differ in their ends), once per row; keys
    /// with another digest are told apart without reading their cells.
    struct RowKey: Hashable {
        /// Kind and header columns (`context(kind:header:)`).
        let context: [Int]
        /// The cells of the header's columns, in `HeaderMap.Column` order (absent: nil).
        let cells: [RawCell?]
        let digest: Int

        static func == (a: RowKey, b: RowKey) -> Bool {
            guard a.digest == b.digest, a.context == b.context, a.cells.count == b.cells.count else { return false }
            for (x, y) in zip(a.cells, b.cells) where !RawCell.sameBytes(x, y) { return false }
            return true
        }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }

        static func digest(context: [Int], cells: [RawCell?]) -> Int {
            var hasher = Hasher()
            hasher.combine(context)
            for cell in cells {
                guard let cell else { hasher.combine(0 as UInt8); continue }
                switch cell.value {
                case nil: hasher.combine(1 as UInt8)
                case .text(let s)?: hasher.combine(2 as UInt8); Self.combine(s, into: &hasher)
                case .number(let s)?: hasher.combine(3 as UInt8); Self.combine(s, into: &hasher)
                case .error(let s)?: hasher.combine(4 as UInt8); Self.combine(s, into: &hasher)
                case .bool(let b)?: hasher.combine(b ? 5 : 6 as UInt8)
                }
                if let link = cell.link { Self.combine(link, into: &hasher) } else { hasher.combine(7 as UInt8) }
            }
            return hasher.finalize()
        }

        private static func combine(_ s: String, into hasher: inout Hasher) {
            var s = s
            s.withUTF8 { b in
                hasher.combine(b.count)
                let raw = UnsafeRawBufferPointer(b)
                if b.count <= 64 {
                    hasher.combine(bytes: raw)
                } else {
                    hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[0..<32]))
                    hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[(b.count - 32)..<b.count]))
                }
            }
        }
    }
}

extension AgreementMemo.RowKey {
    /// The part of every key that one sheet's builder shares: kind and header columns.
    static func context(kind: SheetKind, header: HeaderMap) -> [Int] {
        [kind == .participating ? 1 : 2] + HeaderMap.Column.allCases.map { header[$0] ?? -1 }
    }

    /// The key of `row` in a sheet of `context`.
    init(context: [Int], row: RawRow, header: HeaderMap) {
        self.context = context
        var cells: [RawCell?] = []
        cells.reserveCapacity(HeaderMap.Column.allCases.count)
        for column in HeaderMap.Column.allCases {
            if let index = header[column] { cells.append(row.cells[index]) }
        }
        self.cells = cells
        digest = Self.digest(context: context, cells: cells)
    }
}

extension RawCell {
    /// Both absent, or the same value and hyperlink with the same bytes.
    static func sameBytes(_ a: RawCell?, _ b: RawCell?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        guard sameBytes(a.link, b.link) else { return false }
        switch (a.value, b.value) {
        case (nil, nil): return true
        case let (.text(x)?, .text(y)?), let (.number(x)?, .number(y)?), let (.error(x)?, .error(y)?): return sameBytes(x, y)
        case let (.bool(x)?, .bool(y)?): return x == y
        default: return false
        }
    }

    private static func sameBytes(_ a: String?, _ b: String?) -> Bool {
        guard var a, var b else { return a == nil && b == nil }
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.count == y.count else { return false }
                guard let p = x.baseAddress, let q = y.baseAddress else { return true }   // both empty
                return memcmp(p, q, x.count) == 0
            }
        }
    }
}
