import BriefingSite
import FlyingFox
import Foundation
import Synchronization

/// The site being served and the pages listening for its changes, shared by the server's requests
/// and its rebuilds.
final class SiteStore: Sendable {
  private let site: Mutex<ServedSite>
  let events = ReloadEvents()

  init(_ site: ServedSite) { self.site = Mutex(site) }

  /// The site as it is now: a value, unchanged by a rebuild that swaps in another.
  var current: ServedSite { site.withLock { $0 } }

  /// Changes the site in one step: a request sees the site before or after, never between.
  func update(_ change: (inout ServedSite) -> Void) {
    site.withLock { change(&$0) }
  }
}

/// Answers a request from the site in memory: a file, `index.html` for a folder, the site's
/// 404 page, or the live-reload event stream. HTML pages get the live-reload script, and the
/// latest build's errors while it has some.
struct SiteHandler: HTTPHandler {
  let store: SiteStore

  func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
    guard request.method == .GET || request.method == .HEAD else {
      let headers: HTTPHeaders = [.allow: "GET, HEAD"]
      return HTTPResponse(statusCode: .methodNotAllowed, headers: headers)
    }
    let site = store.current
    if request.path == LiveReload.eventsPath {
      let version = request.query.first { $0.name == "version" }?.value
      let stream = store.events.subscribe(version: version, current: site.version)
      let headers: HTTPHeaders = [.contentType: "text/event-stream", .cacheControl: "no-store"]
      return HTTPResponse(
        statusCode: .ok, headers: headers,
        body: HTTPBodySequence(from: EventStream(messages: stream)))
    }
    guard let pages = site.pages else {
      return respond(
        request, status: .internalServerError, path: "error.html",
        LiveReload.errorPage(site.errors, version: site.version))
    }
    // FlyingFox's `path` is decoded and standardized, without a final slash; the target says
    // whether there was one.
    let folder = request.target.path().hasSuffix("/")
    var path = String((request.path.removingPercentEncoding ?? request.path).drop { $0 == "/" })
    if path.isEmpty {
      path = "index.html"
    } else if folder {
      path += "/index.html"
    }
    if let bytes = site.file(path) {
      return respond(request, status: .ok, path: path, decorate(bytes, path: path, site: site))
    }
    if site.file(path + "/index.html") != nil {
      // A folder asked for without its slash: its page's relative links need the slash.
      let headers: HTTPHeaders = [.location: request.target.path() + "/"]
      return HTTPResponse(statusCode: .movedPermanently, headers: headers)
    }
    guard let notFound = pages.file("404.html") else {
      return respond(request, status: .notFound, path: "404.txt", Array("Not found\n".utf8))
    }
    return respond(
      request, status: .notFound, path: "404.html",
      LiveReload.decorate(notFound, version: site.version, errors: site.errors, rootBase: true))
  }

  private func decorate(_ bytes: [UInt8], path: String, site: ServedSite) -> [UInt8] {
    guard path.hasSuffix(".html") else { return bytes }
    return LiveReload.decorate(bytes, version: site.version, errors: site.errors)
  }

  private func respond(
    _ request: HTTPRequest, status: HTTPStatusCode, path: String, _ bytes: [UInt8]
  ) -> HTTPResponse {
    // Every response is fresh: a page reloaded after a rebuild must not get an old stylesheet.
    let headers: HTTPHeaders = [.contentType: ContentType.of(path), .cacheControl: "no-store"]
    if request.method == .HEAD {
      var response = HTTPResponse(statusCode: status, headers: headers)
      response.headers[.contentLength] = String(bytes.count)
      return response
    }
    return HTTPResponse(statusCode: status, headers: headers, body: Data(bytes))
  }
}

extension HTTPHeader {
  fileprivate static let allow = HTTPHeader("Allow")
}
