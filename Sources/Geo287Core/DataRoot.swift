import Foundation

/// The folder that holds the data sets (see shapefiles/README.md for the layout).
/// Resolution order: an explicit `--data DIR`, then `$GEO287_DATA`, then `./shapefiles`.
public struct DataRoot: Sendable {
    public let url: URL
    public let source: Source

    public enum Source: String, Sendable { case option = "--data", environment = "GEO287_DATA", defaultFolder = "./shapefiles" }

    public init(url: URL, source: Source) {
        self.url = url.standardizedFileURL
        self.source = source
    }

    public static func resolve(explicit: String?, environment: [String: String]) throws -> DataRoot {
        let (path, source): (String, Source)
        if let explicit, !explicit.isEmpty {
            (path, source) = (explicit, .option)
        } else if let env = environment["GEO287_DATA"], !env.isEmpty {
            (path, source) = (env, .environment)
        } else {
            (path, source) = (defaultFolder(), .defaultFolder)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
            throw DataError.missing(path, "data root (from \(source.rawValue)) is not a folder; point --data or GEO287_DATA at the data root")
        }
        return DataRoot(url: URL(fileURLWithPath: path), source: source)
    }

    /// `./shapefiles`; when the working folder has none, the `shapefiles` folder of the checkout
    /// the running binary was built in (`<checkout>/.build/release/geo287`), so the tool works
    /// from any folder after `make setup`.
    static func defaultFolder() -> String {
        let fm = FileManager.default
        if fm.fileExists(atPath: "shapefiles") { return "shapefiles" }
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            dir = dir.deletingLastPathComponent()
            let candidate = dir.appendingPathComponent("shapefiles")
            if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
               fm.fileExists(atPath: candidate.appendingPathComponent("README.md").path) { return candidate.path }
        }
        return "shapefiles"
    }

    /// Absolute path of a file given relative to the root.
    public func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    public func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }
}
