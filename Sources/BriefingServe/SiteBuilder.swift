import BriefingSite

/// Builds the site from the content and the templates into memory: the one function a change on
/// disk goes through to become a new site. What reading and linking made of each document is kept
/// in memory from one build to the next, so a rebuild re-reads and re-links only the documents that
/// changed; assembling is done whole every time, and pages are rendered when they are asked for.
struct SiteBuilder: Sendable {
  let content: String
  let templates: String?
  /// Whether the pages link to a search page (an index will be built for them).
  let search: Bool
  let cache = MemoryLinkCache()

  func build() -> PreparedSite {
    Pipeline(fileSystem: LocalFileSystem()).site(
      content: content, templates: templates, search: search, cache: cache)
  }
}
