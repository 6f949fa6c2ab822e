import Foundation
import Geo287Geometry

/// A typed DBF attribute value.
public enum AttributeValue: Equatable, Sendable {
    case string(String)
    case integer(Int64)
    case double(Double)
    case null

    public var stringValue: String? {
        switch self {
        case let .string(s): return s
        case let .integer(i): return String(i)
        case let .double(d): return String(d)
        case .null: return nil
        }
    }

    public var doubleValue: Double? {
        switch self {
        case let .integer(i): return Double(i)
        case let .double(d): return d
        case let .string(s): return Double(s.trimmingCharacters(in: .whitespaces))
        case .null: return nil
        }
    }
}

/// The DBF field layout of a shapefile, shared by all its features.
public final class ShapefileSchema: Sendable {
    public enum FieldKind: String, Sendable { case string, integer, double, logical, date }
    public struct Field: Sendable {
        public let name: String
        public let kind: FieldKind
        public let width: Int
        public let decimals: Int
    }

    public let fields: [Field]
    private let index: [String: Int]

    init(fields: [Field]) {
        self.fields = fields
        var idx: [String: Int] = [:]
        for (i, f) in fields.enumerated() where idx[f.name] == nil { idx[f.name] = i }
        index = idx
    }

    public func fieldIndex(_ name: String) -> Int? { index[name] }
}

/// One record: its polygons (empty for a null shape) and its attributes.
public struct Feature: Sendable {
    public let recordIndex: Int
    public let geometry: MultiPolygon
    public let values: [AttributeValue]
    public let schema: ShapefileSchema

    public subscript(_ field: String) -> AttributeValue? {
        schema.fieldIndex(field).map { values[$0] }
    }

    public func string(_ field: String) -> String? { self[field]?.stringValue }
}

/// A polygon shapefile read into memory.
public struct Shapefile: Sendable {
    public let path: String
    public let schema: ShapefileSchema
    public let features: [Feature]
    public let encoding: String
}
