import Foundation
import Geo287Core

/// A small Parquet writer (format 2 footer, data pages v1): enough for flat tables of strings,
/// binaries, integers, dates, doubles and booleans, read by pyarrow, DuckDB, Spark and GDAL.
///
/// Layout: `PAR1`, then per row group and per column one column chunk holding one data page
/// (a Thrift `PageHeader` and the PLAIN-encoded, uncompressed values, `ParquetPage`), then the
/// `FileMetaData` in Thrift's compact protocol (`ThriftCompactWriter`), its length (4 bytes,
/// little-endian) and `PAR1`. No statistics, no dictionary, no compression: the files are
/// larger than a tuned writer's, and every byte depends only on the rows (deterministic).
///
/// Row groups of `rowGroupRows` rows are the unit a parallel reader (dask, Spark, DuckDB)
/// hands to one worker: a file of several groups is read by several workers at once.
public struct ParquetWriter: Sendable {
    public let columns: [ParquetColumn]
    public let rowGroupRows: Int
    /// Key-value metadata of the file (GeoParquet's `geo`), in the order given.
    public let metadata: [(key: String, value: String)]

    public init(columns: [ParquetColumn], rowGroupRows: Int, metadata: [(key: String, value: String)] = []) {
        self.columns = columns
        self.rowGroupRows = max(1, rowGroupRows)
        self.metadata = metadata
    }

    public var rows: Int { columns.first?.values.count ?? 0 }

    struct Chunk {
        let offset: Int64
        let size: Int64
        let values: Int64
    }

    /// The file's bytes. Throws when the columns differ in length, a REQUIRED column holds a
    /// null, or a page would exceed Parquet's 2 GiB page size.
    public func data(name: String) throws -> Data {
        for c in columns where c.values.count != rows {
            throw DataError.io(name, "column \(c.name) has \(c.values.count) values, the table \(rows) rows")
        }
        for c in columns where !c.nullable {
            if let i = (0..<rows).first(where: { !c.values.isPresent($0) }) {
                throw DataError.io(name, "column \(c.name) is required but row \(i + 1) is null")
            }
        }
        var out: [UInt8] = Array("PAR1".utf8)
        var groups: [(rows: Int, chunks: [Chunk])] = []
        var start = 0
        repeat {
            let range = start..<min(rows, start + rowGroupRows)
            var chunks: [Chunk] = []
            for c in columns {
                let body = ParquetPage.body(c, rows: range)
                guard body.count < Int(Int32.max) else { throw DataError.io(name, "column \(c.name): page over 2 GiB") }
                var header = ThriftCompactWriter()
                header.structBody { h in
                    h.i32(1, 0)                           // type: DATA_PAGE
                    h.i32(2, Int32(body.count))           // uncompressed_page_size
                    h.i32(3, Int32(body.count))           // compressed_page_size
                    h.structure(5) { d in                 // data_page_header
                        d.i32(1, Int32(range.count))      // num_values (nulls included)
                        d.i32(2, 0)                       // encoding: PLAIN
                        d.i32(3, 3)                       // definition_level_encoding: RLE
                        d.i32(4, 3)                       // repetition_level_encoding: RLE
                    }
                }
                let offset = Int64(out.count)
                out += header.bytes
                out += body
                chunks.append(Chunk(offset: offset, size: Int64(out.count) - offset, values: Int64(range.count)))
            }
            groups.append((range.count, chunks))
            start = range.upperBound
        } while start < rows
        let footer = self.footer(groups)
        out += footer
        ParquetPage.littleEndian(UInt32(footer.count), into: &out)
        out += Array("PAR1".utf8)
        return Data(out)
    }

    /// FileMetaData: version, schema (a root and one leaf per column), rows, row groups with
    /// their column chunks' metadata, key-value metadata, created_by.
    func footer(_ groups: [(rows: Int, chunks: [Chunk])]) -> [UInt8] {
        var t = ThriftCompactWriter()
        t.structBody { f in
            f.i32(1, 1)
            f.listHeader(2, count: columns.count + 1, of: .structure)
            f.structBody { root in
                root.string(4, "schema")
                root.i32(5, Int32(columns.count))
            }
            for c in columns {
                f.structBody { s in
                    s.i32(1, c.values.physicalType)
                    s.i32(3, c.nullable ? 1 : 0)          // repetition: OPTIONAL / REQUIRED
                    s.string(4, c.name)
                    switch c.values {
                    case .string:
                        s.i32(6, 0)                       // converted_type UTF8
                        s.structure(10) { l in l.structure(1) { _ in } }   // logicalType STRING
                    case .date:
                        s.i32(6, 6)                       // converted_type DATE
                        s.structure(10) { l in l.structure(6) { _ in } }   // logicalType DATE
                    default:
                        break
                    }
                }
            }
            f.i64(3, Int64(rows))
            f.structList(4, groups) { g, group in
                g.structList(1, Array(zip(columns, group.chunks))) { cc, pair in
                    let (column, chunk) = pair
                    cc.i64(2, chunk.offset)               // file_offset
                    cc.structure(3) { m in               // meta_data
                        m.i32(1, column.values.physicalType)
                        m.i32List(2, column.nullable ? [0, 3] : [0])   // PLAIN (and RLE levels)
                        m.stringList(3, [column.name])
                        m.i32(4, 0)                       // codec: UNCOMPRESSED
                        m.i64(5, chunk.values)
                        m.i64(6, chunk.size)
                        m.i64(7, chunk.size)
                        m.i64(9, chunk.offset)            // data_page_offset
                    }
                }
                let size = group.chunks.reduce(Int64(0)) { $0 + $1.size }
                g.i64(2, size)                            // total_byte_size
                g.i64(3, Int64(group.rows))
                g.i64(5, group.chunks.first?.offset ?? 4) // file_offset
                g.i64(6, size)                            // total_compressed_size
            }
            if !metadata.isEmpty {
                f.structList(5, metadata) { kv, item in
                    kv.string(1, item.key)
                    kv.string(2, item.value)
                }
            }
            f.string(6, "geo287 version \(Geo287Version.string)")
        }
        return t.bytes
    }
}
