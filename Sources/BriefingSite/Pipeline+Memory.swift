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

/// A site prepared by `Pipeline.site(content:templates:search:cache:)`, its pages rendered on demand.
public struct PreparedSite: Sendable {
  /// The site; nil when the content or the theme has errors.
  public var site: SiteOnDemand?
  /// Every problem found in the content, in the order `briefing check` prints them.
  public var diagnostics: [Diagnostic]
  /// How many documents (articles and notes) the briefing has.
  public var documents: Int

  public var hasErrors: Bool { diagnostics.hasErrors }
}

extension Pipeline {
  /// Loads, links and assembles the content with the theme, and hands back a site that renders
  /// each page when it is asked for: what `briefing serve` serves. Arguments as for
  /// `render(content:templates:search:cache:)`. Template warnings come as pages are rendered
  /// (`SiteOnDemand.templateWarnings`).
  public func site(
    content: String, templates: String?, search: Bool = false, cache: MemoryLinkCache? = nil
  ) -> PreparedSite {
    var diagnostics: [Diagnostic] = []
    do {
      let (briefing, bodies, found) = try prepare(
        content: content, forCheck: false, cache: false, memory: cache
      ).prepared
      diagnostics = found
      let documents = briefing.articles.count + briefing.entities.count
      guard !found.hasErrors else { return PreparedSite(site: nil, diagnostics: found, documents: documents) }
      let theme = try timed("templates") { try Theme.load(from: templates, fileSystem: fileSystem) }
      let renderer = SiteRenderer(briefing: briefing, bodies: bodies, theme: theme, search: search)
      return PreparedSite(site: SiteOnDemand(renderer: renderer), diagnostics: found, documents: documents)
    } catch let error as BriefingError {
      let failure = Diagnostic.error(
        "build-failed", error.file ?? content, line: error.line, column: error.column, error.message)
      return PreparedSite(site: nil, diagnostics: diagnostics + error.diagnostics + [failure], documents: 0)
    } catch {
      return PreparedSite(
        site: nil, diagnostics: diagnostics + [.error("build-failed", content, "\(error)")], documents: 0)
    }
  }

  /// Loads, links and renders the content with the theme into memory, without touching any output
  /// folder: the build `briefing serve` serves. `templates` is a folder whose files replace the
  /// built-in theme's; nil for the built-in theme. `search` adds the search page (its index is made
  /// apart, by `SearchIndexer.index(files:)`). Every problem, a missing folder or a broken
  /// template included, comes back as a diagnostic rather than thrown. With `cache`, the documents
  /// that have not changed since the last render with it are not linked again.
  public func render(
    content: String, templates: String?, search: Bool = false, cache: MemoryLinkCache? = nil
  ) -> RenderedSite {
    let prepared = site(content: content, templates: templates, search: search, cache: cache)
    guard let site = prepared.site else {
      return RenderedSite(files: nil, diagnostics: prepared.diagnostics, pages: 0)
    }
    do {
      let files = try timed("render") { try site.all() }
      return RenderedSite(
        files: files, diagnostics: prepared.diagnostics + site.templateWarnings,
        pages: files.keys.filter { $0.hasSuffix(".html") }.count)
    } catch let error as BriefingError {
      let failure = Diagnostic.error(
        "build-failed", error.file ?? content, line: error.line, column: error.column, error.message)
      return RenderedSite(
        files: nil, diagnostics: prepared.diagnostics + error.diagnostics + [failure], pages: 0)
    } catch {
      return RenderedSite(
        files: nil, diagnostics: prepared.diagnostics + [.error("build-failed", content, "\(error)")],
        pages: 0)
    }
  }
}
