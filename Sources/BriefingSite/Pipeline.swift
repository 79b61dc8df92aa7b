import BriefingCore
import Foundation

/// What a build did.
public struct BuildReport: Sendable {
  public var diagnostics: [Diagnostic]
  public var pages: Int
  public var files: Int
  public var output: String
  /// What else the build has to say (search skipped or written).
  public var notes: [String] = []

  /// One line for the terminal.
  public var summary: String {
    "built \(pages) pages (\(files) files) into \(output)"
  }
}

/// What `briefing check` found.
public struct CheckResult: Sendable {
  public var diagnostics: [Diagnostic]
  public var briefing: Briefing?
}

/// The build as its stages: load → read → resolve → link → assemble → render → write.
public struct Pipeline: Sendable {
  let fileSystem: FileSystem
  let log: @Sendable (String) -> Void

  public init(fileSystem: FileSystem, log: @escaping @Sendable (String) -> Void = { _ in }) {
    self.fileSystem = fileSystem
    self.log = log
  }

  /// Reads, resolves and links the content; every problem found is in the result.
  public func check(content: String) -> CheckResult {
    do {
      let (briefing, _, diagnostics) = try prepare(content: content, forCheck: true)
      return CheckResult(diagnostics: diagnostics, briefing: briefing)
    } catch let error as BriefingError {
      return CheckResult(
        diagnostics: error.diagnostics + [.error(error.file ?? content, error.message)], briefing: nil)
    } catch {
      return CheckResult(diagnostics: [.error(content, "\(error)")], briefing: nil)
    }
  }

  /// Builds the site into `output`, which is replaced only if everything succeeded. With `search`,
  /// a Pagefind index is built too when Pagefind is installed (the report says when it is not).
  /// `templates` is a folder whose files replace the built-in theme's; nil for the built-in theme.
  public func build(
    content: String, templates: String?, output: String, strict: Bool = false, search: Bool = false
  ) throws -> BuildReport {
    // One build at a time per output folder, from reading the content to the swap.
    let writer = try SiteWriter(fileSystem: fileSystem, output: output)
    return try writer.claim {
      try build(content: content, templates: templates, writer: writer, strict: strict, search: search)
    }
  }

  private func build(
    content: String, templates: String?, writer: SiteWriter, strict: Bool, search: Bool
  ) throws -> BuildReport {
    let output = writer.output
    let (briefing, bodies, diagnostics) = try prepare(content: content)
    if diagnostics.hasErrors || (strict && diagnostics.hasWarnings) {
      let count = diagnostics.filter { $0.severity == .error || strict && $0.severity == .warning }.count
      throw BriefingError(
        stage: .read, "the content has \(count) problem\(count == 1 ? "" : "s"); the site was not changed",
        diagnostics: diagnostics)
    }
    // A content folder that reads as empty is more likely a wrong path than an empty briefing.
    if briefing.articles.isEmpty && briefing.entities.isEmpty
      && fileSystem.exists(output + "/" + SiteWriter.marker)
    {
      throw BriefingError(
        stage: .load, file: content.hasSuffix("/") ? String(content.dropLast()) : content,
        "the content has no articles and no notes; not replacing the site in '\(output)' (remove it to build an empty site)"
      )
    }
    let indexer = search ? SearchIndexer.locate() : nil
    let theme = try timed("templates") { try Theme.load(from: templates, fileSystem: fileSystem) }
    let renderer = SiteRenderer(briefing: briefing, bodies: bodies, theme: theme, search: indexer != nil)
    var made = (pages: 0, files: 0)
    try writer.write { sink in
      made = try timed("render and write") { try renderer.render(into: sink) }
    } finish: { staging in
      if let indexer { try timed("search index") { try indexer.index(staging) } }
    }
    var report = BuildReport(
      diagnostics: diagnostics, pages: made.pages, files: made.files + 1, output: output)
    if search && indexer == nil {
      report.notes.append("search skipped: Pagefind is not installed (pip install pagefind-bin)")
    } else if indexer != nil {
      report.notes.append("search index written to \(output)/pagefind")
    }
    return report
  }

  /// Load, read, resolve, link and assemble: everything up to rendering. For `briefing check`
  /// (`forCheck`) no body is rendered: `RenderedBodies` is empty.
  func prepare(content: String, forCheck: Bool = false) throws -> (Briefing, RenderedBodies, [Diagnostic]) {
    let loaded = try timed("load") { try ContentLoader(fileSystem: fileSystem).load(content) }
    var diagnostics = loaded.diagnostics

    let index = NameIndex(loaded.entities)
    diagnostics += ReferenceResolver.duplicates(entities: loaded.entities, articles: loaded.articles)
    let (relations, problems) = ReferenceResolver.relations(of: loaded.entities, index: index)
    diagnostics += problems
    for entity in loaded.entities {
      diagnostics += ReferenceResolver.checkWikilinks(
        in: entity.body, firstLine: entity.bodyLine, file: entity.file, index: index)
    }
    for article in loaded.articles where article.format == .markdown {
      diagnostics += ReferenceResolver.checkWikilinks(
        in: article.markdown, firstLine: article.bodyLine, file: article.file, index: index)
    }
    if let intro = loaded.introduction, let file = loaded.introductionFile {
      diagnostics += ReferenceResolver.checkWikilinks(in: intro, firstLine: 1, file: file, index: index)
    }

    let linker = BodyLinker(
      linker: DocumentLinker(
        entities: loaded.entities, policy: loaded.config.linkPolicy, collectUnknownNames: forCheck),
      rendersHTML: !forCheck)
    let (bodies, findings) = timed("link") { () -> (RenderedBodies, Findings) in
      let articles = parallelMap(loaded.articles) { (article: Article) in (article.id, linker.link(article)) }
      let notes = parallelMap(loaded.entities) { (entity: Entity) in
        let context = DocumentLinker.Context(document: entity.id, file: entity.file, date: entity.date)
        return (
          entity.id, linker.markdown(entity.body, firstLine: entity.bodyLine, context: context, root: "../")
        )
      }
      var bodies = RenderedBodies()
      for (id, linked) in articles + notes where !forCheck { bodies.html[id] = linked.html }
      var findings = Findings.merged((articles + notes).map(\.1.findings))
      if forCheck { findings.diagnostics += UnknownNames.report(findings.unknownNames) }
      if let intro = loaded.introduction, let file = loaded.introductionFile, !forCheck {
        let context = DocumentLinker.Context(document: "index", file: file, date: nil)
        bodies.introduction = linker.markdown(intro, firstLine: 1, context: context, root: "").html
      }
      return (bodies, findings)
    }
    diagnostics += findings.diagnostics
    let briefing = timed("assemble") {
      Briefing(
        config: loaded.config, entities: loaded.entities, articles: loaded.articles, relations: relations,
        findings: findings)
    }
    return (briefing, bodies, diagnostics.sorted())
  }

  func timed<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    log("\(stage): \(String(format: "%.1f", ms)) ms")
    return result
  }
}

/// Bodies rendered to HTML by the link stage, by document id.
struct RenderedBodies: Sendable {
  var html: [String: String] = [:]
  var introduction: String?
}
