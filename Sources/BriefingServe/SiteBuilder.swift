import BriefingSite

/// Builds the site from the content and the templates into memory: the one function a change on
/// disk goes through to become a new site. What linking found in each document is kept in memory
/// from one build to the next, so a rebuild re-links only the documents that changed; loading,
/// assembling and rendering are done whole every time.
struct SiteBuilder: Sendable {
  let content: String
  let templates: String?
  /// Whether the pages link to a search page (an index will be built for them).
  let search: Bool
  let cache = MemoryLinkCache()

  func build() -> RenderedSite {
    Pipeline(fileSystem: LocalFileSystem()).render(
      content: content, templates: templates, search: search, cache: cache)
  }
}
