import BriefingCore
import BriefingSite

/// What the server serves at one moment. Replaced whole on every rebuild, so a request sees one
/// build's files, never a mix of two.
struct ServedSite: Sendable {
  /// The last build that had no errors, its pages rendered as they are asked for; nil before there
  /// was one.
  var pages: SiteOnDemand?
  /// Pagefind's files (`pagefind/…`) for the newest site indexed so far.
  var search: [String: [UInt8]] = [:]
  /// The errors of the latest build: empty when it succeeded.
  var errors: [Diagnostic] = []
  /// Changes whenever what a page shows changes; a served page reloads when it no longer matches.
  var version: String

  /// The file at a site-relative path, the search index's included.
  func file(_ path: String) -> [UInt8]? {
    pages?.file(path) ?? search[path]
  }
}
