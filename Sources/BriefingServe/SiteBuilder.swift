import BriefingSite

/// Builds the site from the content and the templates into memory: the one function a change on
/// disk goes through to become a new site. Every build is a full build for now; keeping what a
/// change did not touch belongs here.
struct SiteBuilder: Sendable {
  let content: String
  let templates: String?
  /// Whether the pages link to a search page (an index will be built for them).
  let search: Bool

  func build() -> RenderedSite {
    Pipeline(fileSystem: LocalFileSystem()).render(content: content, templates: templates, search: search)
  }
}
