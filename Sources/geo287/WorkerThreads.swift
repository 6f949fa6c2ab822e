import ArgumentParser

/// The bounds of `--threads`, checked by every command that has the option: at least 1, and
/// at most 256 (more only adds waiting; a huge number would overflow the chunk arithmetic).
enum WorkerThreads {
    static let most = 256

    static func validate(_ threads: Int) throws {
        guard (1...most).contains(threads) else {
            throw ValidationError("--threads must be between 1 and \(most) (got \(threads))")
        }
    }
}
