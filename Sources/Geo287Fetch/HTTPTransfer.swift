import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Why one attempt failed, and whether trying again may help.
struct TransferFailure: Error {
    let message: String
    let transient: Bool
}

/// One GET, run synchronously: a URLSession data task whose delegate gathers the body (and
/// reports progress); the caller waits on a semaphore.
enum HTTPTransfer {
    static func get(_ url: URL, settings: FetchSettings, progress: (any TransferProgress)?) -> Result<Data, TransferFailure> {
        var request = URLRequest(url: url)
        request.setValue(settings.userAgent, forHTTPHeaderField: "User-Agent")
        request.timeoutInterval = settings.timeout
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = settings.timeout
        config.timeoutIntervalForResource = 6 * 3600
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        let delegate = TransferDelegate(maxBytes: settings.maxBytes, timeout: settings.timeout, progress: progress)
        let session = URLSession(configuration: config, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: request)
        task.resume()
        if delegate.done.wait(timeout: .now() + config.timeoutIntervalForResource + 10) == .timedOut {
            task.cancel()
            return .failure(TransferFailure(message: "timed out", transient: true))
        }
        progress?.finish()
        return delegate.outcome()
    }
}

/// Gathers one response; touched by URLSession's delegate queue and by the waiting caller, so
/// every field is behind the lock.
final class TransferDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private let maxBytes: Int
    private let progress: (any TransferProgress)?
    private var body = Data()
    private var response: HTTPURLResponse?
    private var failure: Error?
    private var overLimit = false

    private let timeout: Double

    init(maxBytes: Int, timeout: Double, progress: (any TransferProgress)?) {
        self.maxBytes = maxBytes
        self.timeout = timeout
        self.progress = progress
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let (count, expected, tooBig) = lock.withLock { () -> (Int, Int64, Bool) in
            if body.count + data.count > maxBytes { overLimit = true } else { body.append(data) }
            return (body.count, dataTask.response?.expectedContentLength ?? -1, overLimit)
        }
        if tooBig { dataTask.cancel(); return }
        progress?.update(received: Int64(count), expected: expected > 0 ? expected : nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        lock.withLock {
            response = task.response as? HTTPURLResponse
            failure = error
        }
        done.signal()
    }

    func outcome() -> Result<Data, TransferFailure> {
        lock.withLock {
            if overLimit {
                return .failure(TransferFailure(message: "response is larger than \(maxBytes) bytes", transient: false))
            }
            if let failure { return .failure(Self.describe(failure, timeout: timeout)) }
            guard let response else {
                return .failure(TransferFailure(message: "no HTTP response", transient: true))
            }
            let status = response.statusCode
            guard (200..<300).contains(status) else {
                let text = HTTPURLResponse.localizedString(forStatusCode: status)
                return .failure(TransferFailure(
                    message: "HTTP \(status) (\(text))", transient: status >= 500 || status == 429 || status == 408))
            }
            let expected = response.expectedContentLength
            if expected > 0, Int64(body.count) < expected {
                return .failure(TransferFailure(
                    message: "truncated body: received \(body.count) of \(expected) bytes", transient: true))
            }
            return .success(body)
        }
    }

    /// Connection-level errors: only malformed or unsupported requests are not worth a retry.
    static func describe(_ error: Error, timeout: Double) -> TransferFailure {
        guard let e = error as? URLError else {
            return TransferFailure(message: "\(error.localizedDescription)", transient: true)
        }
        let text = e.localizedDescription
        switch e.code {
        case .timedOut:
            return TransferFailure(message: "no answer within \(timeout.formatted()) s (timed out)", transient: true)
        case .networkConnectionLost:
            return TransferFailure(message: "connection lost before the body was complete", transient: true)
        case .cannotConnectToHost: return TransferFailure(message: "cannot connect to host", transient: true)
        case .badURL, .unsupportedURL, .cancelled, .userAuthenticationRequired, .fileDoesNotExist:
            return TransferFailure(message: "request failed (\(text))", transient: false)
        default:
            // libcurl's "transfer closed with N bytes remaining to read": fewer bytes than Content-Length.
            if text.contains("remaining to read") || text.contains("transfer closed") {
                return TransferFailure(message: "truncated body (\(text))", transient: true)
            }
            return TransferFailure(message: "request failed (\(text))", transient: true)
        }
    }
}
