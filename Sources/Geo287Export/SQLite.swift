import CSQLite
import Geo287Core

/// The few SQLite calls the GeoPackage writer makes, each failure a `DataError` naming the file
/// and SQLite's message.
struct SQLite {
    enum Value {
        case null, int(Int64), real(Double), text(String), blob([UInt8])
    }

    let db: OpaquePointer
    let path: String

    /// SQLITE_TRANSIENT: SQLite copies bound text and blobs before the call returns.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func failure(_ what: String) -> DataError {
        DataError.io(path, "SQLite: \(what): \(String(cString: sqlite3_errmsg(db)))")
    }

    func exec(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw failure("statement failed") }
    }

    func prepare(_ sql: String) throws -> OpaquePointer {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else { throw failure("cannot prepare") }
        return stmt
    }

    func run(_ sql: String, _ values: [Value]) throws {
        let stmt = try prepare(sql)
        defer { sqlite3_finalize(stmt) }
        try step(stmt, values)
    }

    /// Binds `values` to the statement's parameters, runs it once and resets it.
    func step(_ stmt: OpaquePointer, _ values: [Value]) throws {
        sqlite3_reset(stmt)
        sqlite3_clear_bindings(stmt)
        for (k, v) in values.enumerated() {
            let i = Int32(k + 1)
            let rc: Int32
            switch v {
            case .null: rc = sqlite3_bind_null(stmt, i)
            case let .int(x): rc = sqlite3_bind_int64(stmt, i, x)
            case let .real(x): rc = sqlite3_bind_double(stmt, i, x)
            case let .text(s): rc = sqlite3_bind_text(stmt, i, s, -1, SQLite.transient)
            case let .blob(b): rc = b.withUnsafeBytes { sqlite3_bind_blob64(stmt, i, $0.baseAddress, sqlite3_uint64($0.count), SQLite.transient) }
            }
            guard rc == SQLITE_OK else { throw failure("cannot bind value \(k + 1)") }
        }
        guard sqlite3_step(stmt) == SQLITE_DONE else { throw failure("insert failed") }
    }
}
