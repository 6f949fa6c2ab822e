/// Record sources in `DerivedCache` tables.
extension RecordSource {
    public func encode(to w: inout BinaryWriter) {
        w.string(path); w.int(record); w.optionalString(id)
    }

    public static func decode(from r: inout BinaryReader) throws -> RecordSource {
        RecordSource(path: try r.string(), record: try r.int(), id: try r.optionalString())
    }
}
