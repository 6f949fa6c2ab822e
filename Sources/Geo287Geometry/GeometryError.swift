import Geo287Core

/// Errors raised by the geometry layer. GEOS and PROJ messages are captured from their
/// contexts and carried here, so callers get one line that says what went wrong.
public enum GeometryError: Error, Equatable, CustomStringConvertible, Sendable {
    case geos(operation: String, message: String)
    case proj(operation: String, message: String)
    case invalidInput(String)
    /// Two geometries of different GEOS contexts met in one operation (a programming error
    /// GEOS would not detect: each context belongs to one thread).
    case contextMismatch(String)

    public var description: String {
        switch self {
        case let .geos(op, msg): return "GEOS \(op) failed: \(msg.isEmpty ? "no message" : msg)"
        case let .proj(op, msg): return "PROJ \(op) failed: \(msg.isEmpty ? "no message" : msg)"
        case let .invalidInput(msg): return msg
        case let .contextMismatch(op): return "GEOS \(op): the geometries belong to different GEOS contexts (threads)"
        }
    }
}

extension GeometryError {
    /// `body`, with a GEOS or PROJ failure inside it reported as bad data in the record the
    /// geometry came from: "FILE: record N (GEOID X): GEOS intersection failed: ...". Without a
    /// source (a geometry built in code) the error passes unchanged.
    public static func attributed<T>(to source: RecordSource?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GeometryError {
            guard let source else { throw error }
            throw source.error(error.description)
        }
    }
}
