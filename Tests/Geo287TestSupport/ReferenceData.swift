import Foundation
import Geo287Data

/// The real data every test suite reads: `$GEO287_DATA`, else `../shared/data` beside the
/// repository (the layout CI gives a clean clone). A missing root makes tests fail, not skip.
public enum ReferenceData {
    /// The repository root, found from this file's place in it.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let path: String = {
        if let env = ProcessInfo.processInfo.environment["GEO287_DATA"], !env.isEmpty { return env }
        return repository.deletingLastPathComponent().appendingPathComponent("shared/data").path
    }()

    public static let root = DataRoot(url: URL(fileURLWithPath: path), source: .environment)
}
