/// Something in a sheet that could not be normalized (the value is kept as printed) or that
/// looks wrong. `row` is the 1-based sheet row, `column` the header name.
public struct SheetWarning: Sendable, Hashable, CustomStringConvertible {
    public var row: Int?
    public var column: String?
    public var message: String

    public init(row: Int?, column: String?, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }

    public var description: String {
        var where_: [String] = []
        if let row { where_.append("row \(row)") }
        if let column { where_.append(column) }
        return where_.isEmpty ? message : "\(where_.joined(separator: ", ")): \(message)"
    }
}
