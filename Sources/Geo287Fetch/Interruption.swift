import Dispatch
import Foundation
import Geo287Core

/// Ctrl-C and SIGTERM during a fetch: the temporary files still open are removed before the
/// process exits (130 for SIGINT, 143 for SIGTERM), so an interrupted fetch leaves nothing
/// behind. Downloads themselves are held in memory until complete.
public final class Interruption: @unchecked Sendable {
    public static let shared = Interruption()

    private let lock = NSLock()
    private var temporaries: Set<String> = []
    private var sources: [DispatchSourceSignal] = []

    /// Routes SIGINT and SIGTERM to the cleanup (once per process).
    public func install() {
        lock.withLock {
            guard sources.isEmpty else { return }
            // A parent may have started us with these signals blocked.
            var unblock = sigset_t()
            sigemptyset(&unblock)
            sigaddset(&unblock, SIGINT)
            sigaddset(&unblock, SIGTERM)
            pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
            for (sig, code) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler { [unowned self] in
                    self.removeAll()
                    ProcessExit.now(code)   // the fetch is still running on other threads
                }
                source.resume()
                sources.append(source)
            }
        }
    }

    func register(_ path: String) { _ = lock.withLock { temporaries.insert(path) } }
    func unregister(_ path: String) { _ = lock.withLock { temporaries.remove(path) } }

    private func removeAll() {
        let paths = lock.withLock { temporaries }
        for p in paths { unlink(p) }
    }
}
