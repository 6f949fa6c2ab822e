import Foundation
import Geo287Core

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
    public var count: Int { lock.withLock { shards.reduce(0) { $0 + $1.count } } }

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

    /// A row as built from its cells alone: what depends on the sheet (the row number, whether
    /// the signed date is plausible for the sheet's date, duplicates) is added per use. A class:
    /// a lookup hands out one reference, not a copy of every field.
    final class Entry: DigestChained {
        /// The row's key (`RowKey`: the sheet context and the cells of the header's columns).
        let key: [UInt8]
        let digest: UInt64
        /// `signed` is the SIGNED date read (`signedCandidate`): cleared per sheet when implausible.
        let agreement: Agreement
        /// The row's warnings in order (column, message); the row is the row being read.
        let warnings: [(column: String?, message: String)]
        /// The duplicate key (agency and support type) as a number of the shard
        /// (`Shard.duplicateIDs`).
        let duplicateID: Int
        /// The SIGNED date read, before the plausibility check.
        let signedCandidate: SignedDate?
        /// Where among `warnings` an implausible date's warning goes (after SIGNED's own).
        let signedCheckAt: Int
        /// The next entry whose digest is this one's (another row: a collision).
        var next: Entry?

        init(key: [UInt8], digest: UInt64, agreement: Agreement, warnings: [(column: String?, message: String)],
             duplicateID: Int, signedCandidate: SignedDate?, signedCheckAt: Int) {
            self.key = key
            self.digest = digest
            self.agreement = agreement
            self.warnings = warnings
            self.duplicateID = duplicateID
            self.signedCandidate = signedCandidate
            self.signedCheckAt = signedCheckAt
        }
    }

    /// An agreement with its record (`Agreement.record()`): sheet entries of the derived cache
    /// hold records, so a row the read already met is encoded and decoded by one lookup.
    final class Record: DigestChained {
        let bytes: [UInt8]
        let digest: UInt64
        /// Its row number is whichever row first had it.
        let agreement: Agreement
        /// The next record whose digest is this one's.
        var next: Record?
        init(bytes: [UInt8], digest: UInt64, agreement: Agreement) {
            self.bytes = bytes
            self.digest = digest
            self.agreement = agreement
        }
    }

    /// One table of rows, used by one sheet at a time.
    final class Shard {
        /// Entries by the digest of their cells; more than one row per digest are chained.
        private var buckets: [UInt64: Entry] = [:]
        /// A digest shared by this many rows takes no more (a crafted sheet cannot make a
        /// lookup compare more rows than this; a row not kept is built each time, the same).
        static let maxChain = 8
        private(set) var count = 0
        /// Each sheet context (kind and header layout) by number.
        private var contexts: [[Int]: Int] = [:]
        /// Each duplicate key (agency and support type) by number.
        var duplicateIDs = DuplicateIDs()

        /// The number of the context of a sheet of `kind` with `header`.
        func context(kind: SheetKind, header: HeaderMap) -> Int {
            let key = [kind == .participating ? 1 : 2] + HeaderMap.Column.allCases.map { header[$0] ?? -1 }
            if let known = contexts[key] { return known }
            contexts[key] = contexts.count
            return contexts.count - 1
        }

        /// The entry of the row whose key is `key`.
        func entry(_ key: RowKey, digest: UInt64) -> Entry? {
            var entry = buckets[digest]
            while let e = entry {
                if key.matches(e.key) { return e }
                entry = e.next
            }
            return nil
        }

        /// Records by digest (chained as `buckets` are), and by the storage of their agreement.
        private var records: [UInt64: Record] = [:]
        private var recordsByStorage: [ObjectIdentifier: Record] = [:]

        /// The record of `a`, made once per row storage (`Agreement.storageIdentity`; the
        /// record holds `a`, so the identity stays its own).
        func record(of a: Agreement) -> [UInt8] {
            let storage = a.storageIdentity
            if let known = recordsByStorage[storage] { return known.bytes }
            let bytes = a.record()
            let made = Record(bytes: bytes, digest: bytes.withUnsafeBytes { ByteDigest.of($0) }, agreement: a)
            recordsByStorage[storage] = made
            keep(made)
            return bytes
        }

        /// The agreement of `record` on row `row`, sharing the storage of an equal record met before.
        func agreement(record: UnsafeRawBufferPointer, row: Int) throws -> Agreement {
            let digest = ByteDigest.of(record)
            var known = records[digest]
            while let r = known {
                if r.bytes.count == record.count, r.bytes.withUnsafeBytes({ $0.elementsEqual(record) }) {
                    var a = r.agreement
                    a.row = row
                    return a
                }
                known = r.next
            }
            let a = try Agreement(record: record, row: row)
            keep(Record(bytes: Array(record), digest: digest, agreement: a))
            return a
        }

        /// Keeps `record` by digest, `maxChain` per digest at most.
        private func keep(_ record: Record) { records.chain(record, limit: Self.maxChain) }

        /// Keeps `entry` (not already kept: `entry(_:digest:)` was nil).
        func insert(_ entry: Entry) {
            if buckets.chain(entry, limit: Self.maxChain) { count += 1 }
        }
    }
}

/// A memo node found by its digest (`AgreementMemo`'s entries and records); the nodes of one
/// digest are chained.
protocol DigestChained: AnyObject {
    var digest: UInt64 { get }
    var next: Self? { get set }
}

extension Dictionary where Key == UInt64, Value: DigestChained {
    /// Chains `node` after the nodes of its digest, unless they are `limit` already (a crafted
    /// sheet cannot make a lookup compare more); whether it was kept.
    @discardableResult
    mutating func chain(_ node: Value, limit: Int) -> Bool {
        var length = 0
        var last = self[node.digest]
        while let n = last, n.next != nil { length += 1; last = n.next }
        guard length + 1 < limit else { return false }
        if let last { last.next = node } else { self[node.digest] = node }
        return true
    }
}

/// Numbers for strings, in order of first use: a row's duplicate key is looked up once, when
/// the row is built; duplicates are then found by number.
struct DuplicateIDs {
    private var ids: [String: Int] = [:]

    var count: Int { ids.count }

    mutating func id(_ key: String) -> Int {
        if let known = ids[key] { return known }
        ids[key] = ids.count
        return ids.count - 1
    }
}
