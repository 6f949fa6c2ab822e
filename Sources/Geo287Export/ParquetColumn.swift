/// One column of a Parquet table: a name, its values (nil is a null) and whether nulls are
/// allowed (an OPTIONAL column, with definition levels) or not (REQUIRED).
public struct ParquetColumn: Sendable {
    public enum Values: Sendable {
        /// BYTE_ARRAY with the STRING logical type (UTF-8).
        case string([String?])
        /// BYTE_ARRAY without a logical type (WKB geometries).
        case binary([[UInt8]?])
        case int64([Int64?])
        /// INT32 with the DATE logical type: days since 1970-01-01.
        case date([Int32?])
        case double([Double?])
        case boolean([Bool?])

        var count: Int {
            switch self {
            case let .string(v): v.count
            case let .binary(v): v.count
            case let .int64(v): v.count
            case let .date(v): v.count
            case let .double(v): v.count
            case let .boolean(v): v.count
            }
        }

        /// Parquet's physical type (BOOLEAN 0, INT32 1, INT64 2, DOUBLE 5, BYTE_ARRAY 6).
        var physicalType: Int32 {
            switch self {
            case .boolean: 0
            case .date: 1
            case .int64: 2
            case .double: 5
            case .string, .binary: 6
            }
        }

        /// Whether row `i` holds a value.
        func isPresent(_ i: Int) -> Bool {
            switch self {
            case let .string(v): v[i] != nil
            case let .binary(v): v[i] != nil
            case let .int64(v): v[i] != nil
            case let .date(v): v[i] != nil
            case let .double(v): v[i] != nil
            case let .boolean(v): v[i] != nil
            }
        }
    }

    public let name: String
    public let values: Values
    public let nullable: Bool

    public init(_ name: String, _ values: Values, nullable: Bool = false) {
        self.name = name
        self.values = values
        self.nullable = nullable
    }
}
