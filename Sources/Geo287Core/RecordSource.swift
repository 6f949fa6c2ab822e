/// Where a geometry or a row came from: the file and its record (0-based here, 1-based in
/// messages, as every reader's error says it), and the record's identifier when it has one.
/// Errors raised far from the reader (GEOS, PROJ) use it to name the file and the record.
public struct RecordSource: Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let record: Int
    public let id: String?

    public init(path: String, record: Int, id: String? = nil) {
        self.path = path
        self.record = record
        self.id = id
    }

    /// "record 12 (GEOID 12057)", the part after the path.
    public var recordDescription: String { "record \(record + 1)" + (id.map { " (GEOID \($0))" } ?? "") }

    public var description: String { "\(path): \(recordDescription)" }

    /// A malformed-data error about this record.
    public func error(_ message: String) -> DataError { DataError(path, "\(recordDescription): \(message)") }
}
