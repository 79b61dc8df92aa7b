import BriefingCore
import Foundation

/// A site rendered into memory by `Pipeline.render(content:templates:search:)`.
public struct RenderedSite: Sendable {
  /// Every file by site-relative path (`index.html`, `people/gen-nakatani.html`, `assets/style.css`);
  /// nil when the content or the theme has errors, and so nothing was rendered.
  public var files: [String: [UInt8]]?
  /// Every problem found, in the order `briefing check` prints them.
  public var diagnostics: [Diagnostic]
  /// How many HTML pages there are.
  public var pages: Int

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.hasErrors }
}

extension Pipeline {
  /// Loads, links and renders the content with the theme into memory, without touching any output
  /// folder: the build `briefing serve` serves. `templates` is a folder whose files replace the
  /// built-in theme's; nil for the built-in theme. `search` adds the search page (its index is made
  /// apart, by `SearchIndexer.index(files:)`). Every problem, a missing folder or a broken
  /// template included, comes back as a diagnostic rather than thrown. With `cache`, the documents
  /// that have not changed since the last render with it are not linked again.
  public func render(
    content: String, templates: String?, search: Bool = false, cache: MemoryLinkCache? = nil
  ) -> RenderedSite {
    var diagnostics: [Diagnostic] = []
    do {
      let (briefing, bodies, found) = try prepare(
        content: content, forCheck: false, cache: false, memory: cache
      ).prepared
      diagnostics = found
      guard !found.hasErrors else { return RenderedSite(files: nil, diagnostics: found, pages: 0) }
      let theme = try timed("templates") { try Theme.load(from: templates, fileSystem: fileSystem) }
      let renderer = SiteRenderer(briefing: briefing, bodies: bodies, theme: theme, search: search)
      let sink = MemorySink()
      let made = try timed("render") { try renderer.render(into: sink) }
      return RenderedSite(
        files: sink.files, diagnostics: found + theme.missingNameWarnings(), pages: made.pages)
    } catch let error as BriefingError {
      let failure = Diagnostic.error(
        "build-failed", error.file ?? content, line: error.line, column: error.column, error.message)
      return RenderedSite(files: nil, diagnostics: diagnostics + error.diagnostics + [failure], pages: 0)
    } catch {
      return RenderedSite(
        files: nil, diagnostics: diagnostics + [.error("build-failed", content, "\(error)")], pages: 0)
    }
  }
}
