import Foundation
import Geo287Core

/// One file of a dataset, relative to the data root, with its SHA-256 where known.
public struct DataFile: Sendable {
    public let path: String
    public let sha256: String?
    public init(_ path: String, sha256: String? = nil) { self.path = path; self.sha256 = sha256 }
}

/// A dataset the engine uses: where it lives in the data root and where it comes from.
public struct Dataset: Sendable {
    public let id: String
    public let title: String
    public let vintage: String
    public let source: String
    public let required: Bool
    public let note: String
    public let files: [DataFile]
    /// For open-ended sets (ICE sheets): a glob `folder/prefix*suffix` that must match at least one file.
    public let pattern: String?
    /// Datasets that stand in for this one when it is absent (the compact place layer for the
    /// full TIGER/Line zips): a required dataset is satisfied when one of them is usable.
    public let satisfiedBy: [String]

    public init(id: String, title: String, vintage: String, source: String, required: Bool, note: String,
                satisfiedBy: [String] = [], files: [DataFile], pattern: String? = nil) {
        self.id = id; self.title = title; self.vintage = vintage; self.source = source
        self.required = required; self.note = note; self.satisfiedBy = satisfiedBy; self.files = files; self.pattern = pattern
    }
}

/// The catalog of datasets and the check behind `geo287 data status`.
public enum DataCatalog {
    public enum FileState: String, Sendable { case present, missing, checksumMismatch = "checksum mismatch" }

    public struct FileStatus: Sendable {
        public let path: String
        public let state: FileState
    }

    public struct DatasetStatus: Sendable {
        public let dataset: Dataset
        public let files: [FileStatus]
        public var state: FileState {
            if files.isEmpty || files.contains(where: { $0.state == .missing }) { return .missing }
            if files.contains(where: { $0.state == .checksumMismatch }) { return .checksumMismatch }
            return .present
        }
        public var isUsable: Bool { state == .present }
    }

    public static func dataset(_ id: String) -> Dataset? { datasets.first { $0.id == id } }

    /// Required datasets that are neither usable nor stood in for by a usable alternative.
    public static func unmet(_ statuses: [DatasetStatus]) -> [DatasetStatus] {
        let usable = Set(statuses.filter(\.isUsable).map(\.dataset.id))
        return statuses.filter { s in
            s.dataset.required && !s.isUsable && !s.dataset.satisfiedBy.contains(where: usable.contains)
        }
    }

    /// Checks every dataset in `root`; `verifyChecksums` hashes each file that has a known SHA-256.
    public static func status(of root: DataRoot, verifyChecksums: Bool = true) -> [DatasetStatus] {
        datasets.map { ds in
            var files: [FileStatus] = ds.files.map { f in
                guard root.exists(f.path) else { return FileStatus(path: f.path, state: .missing) }
                if verifyChecksums, let expected = f.sha256,
                   (try? SHA256.hex(ofFile: root.path(f.path))) != expected {
                    return FileStatus(path: f.path, state: .checksumMismatch)
                }
                return FileStatus(path: f.path, state: .present)
            }
            if let pattern = ds.pattern {
                let matches = glob(pattern, in: root)
                files += matches.map { FileStatus(path: $0, state: .present) }
                if matches.isEmpty { files.append(FileStatus(path: pattern, state: .missing)) }
            }
            return DatasetStatus(dataset: ds, files: files)
        }
    }

    /// Files matching `folder/prefix*suffix` under the root, sorted by name.
    public static func glob(_ pattern: String, in root: DataRoot) -> [String] {
        let folder = (pattern as NSString).deletingLastPathComponent
        let name = (pattern as NSString).lastPathComponent
        let parts = name.split(separator: "*", maxSplits: 1).map(String.init)
        let prefix = parts.first ?? "", suffix = parts.count > 1 ? parts[1] : ""
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root.path(folder))) ?? []
        return entries.filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }.sorted().map { "\(folder)/\($0)" }
    }
}

/// The command that gets a dataset, for messages about missing data.
public enum FetchHint {
    public static func command(for datasetID: String) -> String {
        switch datasetID {
        case "ice-sheets": return "`geo287 data fetch ice`"
        case "places": return "`geo287 data fetch places --state XX` (or --state all)"
        case "places-compact", "county-subdivisions": return "`geo287 data derive --from <root with the official files>`"
        case "place-county-crosswalk":
            return "a copy of shapefiles/census/crosswalks/ from the geo287 repository (Geocorr 2022 is a web form, not a download)"
        default: return "`geo287 data fetch census`"
        }
    }
}

extension DataRoot {
    /// Throws, naming the dataset and the command that gets it, when `relative` is absent.
    public func require(_ relative: String) throws {
        guard !exists(relative) else { return }
        let dataset = DataCatalog.datasets.first { $0.files.contains { $0.path == relative } }
        let what = dataset.map { "\($0.title), \($0.vintage)" } ?? "a file geo287 needs"
        throw DataError.missing(path(relative), "missing: \(what); get it with \(FetchHint.command(for: dataset?.id ?? ""))")
    }
}
