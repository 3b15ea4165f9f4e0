import CityPressCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What one HTTP request brought back.
package enum ProbeOutcome: Sendable, Equatable {
    /// A status line, and the `Location` header of a redirect.
    case response(status: Int, location: String?)
    /// No answer within the timeout.
    case timedOut
    /// No answer at all: the connection was refused, the name does not resolve… (the system's words).
    case failed(String)
}

/// Sends single HTTP requests with URLSession and reports the first response as it is: redirects are not
/// followed (the caller counts them) and a body is not downloaded (the task is cancelled once the status
/// line and headers have arrived).
package final class HTTPProbe: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [Int: CheckedContinuation<ProbeOutcome, Never>] = [:]
    private var session: URLSession?
    private let timeout: TimeInterval

    /// A probe whose requests give up after `timeout` seconds without an answer.
    package init(timeout: TimeInterval) {
        self.timeout = timeout
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        configuration.httpMaximumConnectionsPerHost = 8
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }

    /// Ends the session (its delegate, this object, is released with it).
    package func close() { session?.invalidateAndCancel() }

    /// Sends `method` (`HEAD`, `GET`) to `url` and waits for the response's head.
    package func send(_ method: String, to url: URL) async -> ProbeOutcome {
        guard let session else { return .failed("the HTTP session is closed") }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("CityPress/\(CityPressVersion.string) link check", forHTTPHeaderField: "User-Agent")
        request.setValue("*/*", forHTTPHeaderField: "Accept")
        return await withCheckedContinuation { continuation in
            let task = session.dataTask(with: request)
            lock.withLock { waiting[task.taskIdentifier] = continuation }
            task.resume()
        }
    }

    package func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                            newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)  // the redirect itself is the answer; the caller follows it and counts
    }

    package func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                            completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        finish(dataTask.taskIdentifier, with: Self.outcome(of: response))
        completionHandler(.cancel)  // the head is all the check needs
    }

    package func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        if let response = task.response, Self.outcome(of: response) != nil {
            finish(task.taskIdentifier, with: Self.outcome(of: response))
        } else if let error {
            let code = (error as NSError).code
            finish(task.taskIdentifier, with: code == NSURLErrorTimedOut ? .timedOut : .failed(Self.describe(error)))
        } else {
            finish(task.taskIdentifier, with: .failed("no response"))
        }
    }

    /// Resumes the request's waiter once (the first of the delegate's calls wins).
    private func finish(_ identifier: Int, with outcome: ProbeOutcome?) {
        guard let outcome else { return }
        let continuation = lock.withLock { waiting.removeValue(forKey: identifier) }
        continuation?.resume(returning: outcome)
    }

    private static func outcome(of response: URLResponse) -> ProbeOutcome? {
        guard let http = response as? HTTPURLResponse else { return nil }
        return .response(status: http.statusCode, location: http.value(forHTTPHeaderField: "Location"))
    }

    private static func describe(_ error: any Error) -> String {
        switch (error as NSError).code {
        case NSURLErrorCannotConnectToHost: "the connection was refused"
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: "the host name does not resolve"
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted, NSURLErrorServerCertificateHasBadDate,
             NSURLErrorServerCertificateNotYetValid, NSURLErrorServerCertificateHasUnknownRoot:
            "the secure connection failed (certificate or TLS)"
        case NSURLErrorNetworkConnectionLost: "the connection was lost"
        case NSURLErrorNotConnectedToInternet: "there is no network"
        default: error.localizedDescription
        }
    }
}
