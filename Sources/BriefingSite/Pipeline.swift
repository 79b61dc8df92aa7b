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
  /// For a process that ends with the build: what the build made is left to the system rather
  /// than freed piece by piece (about half a second at 10,000 articles).
  public var leavesMemoryToTheSystem = false

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
        diagnostics: error.diagnostics + [.error("build-failed", error.file ?? content, error.message)],
        briefing: nil)
    } catch {
      return CheckResult(diagnostics: [.error("build-failed", content, "\(error)")], briefing: nil)
    }
  }

  /// Builds the site into `output`, which is replaced only if everything succeeded. With `search`,
  /// a Pagefind index is built too when Pagefind is installed (the report says when it is not).
  /// `templates` is a folder whose files replace the built-in theme's; nil for the built-in theme.
  /// With `cache`, what linking found in each document is kept in `.briefing-cache/` beside the
  /// content and reused for the documents that have not changed.
  /// With `since` (a previous `data/briefing.json`, a site or content folder, or a git revision),
  /// the site also says what changed since then.
  public func build(
    content: String, templates: String?, output: String, strict: Bool = false, search: Bool = false,
    cache: Bool = false, since: String? = nil
  ) throws -> BuildReport {
    // One build at a time per output folder, from reading the content to the swap.
    let writer = try SiteWriter(fileSystem: fileSystem, output: output)
    return try writer.claim {
      try build(
        content: content, templates: templates, writer: writer, strict: strict, search: search, cache: cache,
        since: since)
    }
  }

  private func build(
    content: String, templates: String?, writer: SiteWriter, strict: Bool, search: Bool, cache: Bool,
    since: String?
  ) throws -> BuildReport {
    let output = writer.output
    // With the cache, what the last build into this output made each page from, and wrote for it:
    // read while the content is.
    let manifest =
      cache ? PageReuse.manifestPath(cache: LinkCache.folder(besides: content), output: output) : nil
    let lastPages = manifest.map { PageReuse.reading($0) }
    // The articles' texts, the bodies, and the passages and sentences found wait for their pages in
    // a scratch file beside the output, not in memory.
    let parent = (output as NSString).deletingLastPathComponent
    let spill = fileSystem is LocalFileSystem ? Spill(in: parent.isEmpty ? "." : parent) : nil
    let ((briefing, bodies, diagnostics), linkCache) = try prepare(
      content: content, forCheck: false, cache: cache, spill: spill)
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
    var renderer = SiteRenderer(briefing: briefing, bodies: bodies, theme: theme, search: indexer != nil)
    if let linkCache, let lastPages {
      renderer.reuse = PageReuse(
        briefing: briefing, timelineParts: renderer.timelineParts, environment: linkCache.environment,
        theme: theme, search: indexer != nil,
        fileDigests: linkCache.fileDigests, last: lastPages())
    }
    if let since {
      let old = try timed("since") { try snapshot(of: since, content: content) }
      renderer.changes = Changes(from: old, to: Snapshot(briefing), since: since)
    }
    var made = (pages: 0, files: 0)
    var templateWarnings: [Diagnostic] = []
    let reused = try writer.write { sink in
      made = try timed("render and write") { try renderer.render(into: sink) }
      templateWarnings = theme.missingNameWarnings()
      if strict && !templateWarnings.isEmpty {
        throw BriefingError(
          stage: .render,
          "the templates have \(templateWarnings.count) problem\(templateWarnings.count == 1 ? "" : "s"); the site was not changed",
          diagnostics: templateWarnings)
      }
    } finish: { staging in
      if let indexer { try timed("search index") { try indexer.index(staging) } }
    }
    if leavesMemoryToTheSystem { _ = Unmanaged.passRetained(Kept(renderer)) }
    log("unchanged files kept from the previous site: \(reused)")
    if let reuse = renderer.reuse { log("pages kept without rendering: \(reuse.kept)") }
    linkCache?.commit()
    if let manifest, let reuse = renderer.reuse {
      // Pages with template warnings are never kept: a kept page could not say them again.
      if templateWarnings.isEmpty {
        let temporary = manifest + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        if FileManager.default.createFile(atPath: temporary, contents: Data(reuse.manifest())) {
          if rename(temporary, manifest) != 0 { unlink(temporary) }
        }
      } else {
        unlink(manifest)
      }
    }
    var report = BuildReport(
      diagnostics: diagnostics + templateWarnings, pages: made.pages, files: made.files + 1, output: output)
    if search && indexer == nil {
      report.notes.append("search skipped: Pagefind is not installed (pip install pagefind-bin)")
    } else if indexer != nil {
      report.notes.append("search index written to \(output)/pagefind")
    }
    return report
  }

  /// Load, read, resolve, link and assemble: everything up to rendering. For `briefing check`
  /// (`forCheck`) no body is rendered: `RenderedBodies` is empty.
  /// With `cache`, documents whose bytes and environment are unchanged since the last build take
  /// their findings and HTML from it instead of being linked again.
  func prepare(content: String, forCheck: Bool = false) throws -> (Briefing, RenderedBodies, [Diagnostic]) {
    try prepare(content: content, forCheck: forCheck, cache: false).prepared
  }

  /// `prepare`, also handing back the link cache it used (nil without `cache`). With `memory`
  /// instead, what the last build with it linked is reused, and this build's kept for the next.
  /// With `spill`, each article's text is written there once read, and each body with the passages
  /// and sentences found in it once linked; each is read back when it is needed.
  func prepare(
    content: String, forCheck: Bool, cache: Bool, memory: MemoryLinkCache? = nil, spill: Spill? = nil
  ) throws -> (
    prepared: (Briefing, RenderedBodies, [Diagnostic]), cache: LinkCache?
  ) {
    var loaded = try timed("load") {
      try ContentLoader(fileSystem: fileSystem, earlier: memory?.read, spill: spill).load(content)
    }
    memory?.read.finish()
    let environment = LinkCache.environment(loaded, forCheck: forCheck)
    let diskCache =
      cache ? LinkCache(folder: LinkCache.folder(besides: content), environment: environment) : nil
    diskCache?.fileDigests = loaded.digests
    let generation = memory?.generation(environment: environment)
    let linkCache: LinkStore? = diskCache ?? generation
    var diagnostics = loaded.diagnostics

    let index = NameIndex(loaded.entities)
    diagnostics += ReferenceResolver.duplicates(entities: loaded.entities, articles: loaded.articles)
    let (relations, problems) = ReferenceResolver.relations(of: loaded.entities, index: index)
    diagnostics += problems
    for entity in loaded.entities {
      diagnostics += ReferenceResolver.checkWikilinks(
        in: entity.body, firstLine: entity.bodyLine, file: entity.file, index: index)
    }
    if let intro = loaded.introduction, let file = loaded.introductionFile {
      diagnostics += ReferenceResolver.checkWikilinks(in: intro, firstLine: 1, file: file, index: index)
    }

    let linker = BodyLinker(
      linker: DocumentLinker(
        entities: loaded.entities, policy: loaded.config.linkPolicy, collectUnknownNames: forCheck),
      rendersHTML: !forCheck)
    // A document's result comes from the cache when its bytes and the environment are unchanged.
    let digests = loaded.digests
    @Sendable func cached(_ file: String, _ link: () -> BodyLinker.Linked) -> BodyLinker.Linked {
      guard let linkCache, let digest = digests[file] else { return link() }
      if let hit = linkCache.load(document: digest) { return hit }
      let linked = link()
      linkCache.store(document: digest, linked)
      return linked
    }
    // Each article's text is handed to the linker alone and let go once the article is linked, so
    // that the end of linking holds what was found, not also every text read; with a scratch
    // file, the loader wrote the texts there and they are read back one by one.
    let spilled = loaded.spilledTexts
    let texts = loaded.articles.indices.map { place in
      TakenOnce(spilled.isEmpty || spilled[place] == nil ? ArticleText(of: loaded.articles[place]) : nil)
    }
    // Only the articles the feed can show (those dated on or after the 50th newest's date) keep
    // their first paragraph, which it shows.
    let feedFrom = SiteRenderer.feedDateKey(loaded.articles)
    for place in loaded.articles.indices {
      let key = loaded.articles[place].date?.orderKey ?? Int.min
      ArticleText.clear(&loaded.articles[place], keepingFirstParagraph: key >= feedFrom)
    }
    let read = loaded.articles
    let (bodies, findings) = timed("link") { () -> (RenderedBodies, Findings) in
      // Each document's findings join the briefing's as soon as it and those before it are
      // linked, and are let go: the link stage never holds every document's findings and the
      // whole besides.
      var bodies = RenderedBodies()
      var joiner = Findings.Joiner()
      func take(_ id: String, _ linked: BodyLinker.Linked) {
        if !forCheck { bodies.html[id] = linked.html }
        joiner.add(linked.findings)
      }
      parallelMap(Array(read.indices)) { (place: Int) in
        var article = read[place]
        // The scratch file holds what the loader wrote there, whole (`Spill.text` stops the build
        // if the disk fails to give it back).
        let text = texts[place].take() ?? (try! ArticleText(decoding: spill!.bytes(spilled[place]!)))
        text.restore(into: &article)
        let problems =
          article.format == .markdown
          ? ReferenceResolver.checkWikilinks(
            in: article.markdown, firstLine: article.bodyLine, file: article.file, index: index) : []
        var linked = cached(article.file) { linker.link(article) }.spilled(to: spill)
        linked.findings.diagnostics += problems
        return (article.id, linked)
      } inOrder: {
        take($0, $1)
      }
      parallelMap(loaded.entities) { (entity: Entity) in
        let context = DocumentLinker.Context(document: entity.id, file: entity.file, date: entity.date)
        let linked = cached(entity.file) {
          linker.markdown(entity.body, firstLine: entity.bodyLine, context: context, root: "../")
        }
        return (entity.id, linked.spilled(to: spill))
      } inOrder: {
        take($0, $1)
      }
      var findings = joiner.joined
      if forCheck { findings.diagnostics += UnknownNames.report(findings.unknownNames) }
      if let intro = loaded.introduction, let file = loaded.introductionFile, !forCheck {
        let context = DocumentLinker.Context(document: "index", file: file, date: nil)
        bodies.introduction = linker.markdown(intro, firstLine: 1, context: context, root: "").html.text
      }
      return (bodies, findings)
    }
    diagnostics += findings.diagnostics
    diagnostics = Pipeline.controlled(diagnostics, loaded: loaded)
    // Linked, the notes' texts are no longer needed either: the pages use the rendered bodies.
    for index in loaded.entities.indices { loaded.entities[index].body = "" }
    let briefing = timed("assemble") {
      // The articles are handed over, not shared, so that the briefing orders them in place.
      Briefing(
        config: loaded.config, entities: loaded.entities, articles: exchange(&loaded.articles, with: []),
        relations: relations, findings: findings)
    }
    if let linkCache {
      log("link cache: \(linkCache.hits) of \(linkCache.hits + linkCache.misses) documents reused")
    }
    generation?.finish()
    return ((briefing, bodies, diagnostics.sorted()), diskCache)
  }

  /// The briefing `since` names: a `data/briefing.json` file; a site folder holding one; a content
  /// folder; or a git revision, whose copy of the content folder is read.
  func snapshot(of since: String, content: String) throws -> Snapshot {
    func problem(_ message: String) -> BriefingError { BriefingError(stage: .load, file: since, message) }
    if fileSystem.exists(since) && !fileSystem.isDirectory(since) {
      guard let old = Snapshot(json: try fileSystem.read(since)) else {
        throw problem("not a data/briefing.json of schema 1")
      }
      return old
    }
    if fileSystem.isDirectory(since) {
      if fileSystem.exists(since + "/data/briefing.json") {
        return try snapshot(of: since + "/data/briefing.json", content: content)
      }
      let (old, _, diagnostics) = try prepare(content: since)
      if diagnostics.hasErrors {
        throw problem("the earlier content has errors; run 'briefing check --content \(since)'")
      }
      return Snapshot(old)
    }
    // A git revision: its copy of the content folder, unpacked into a temporary folder.
    let folder = NSTemporaryDirectory() + "briefing-since-\(ProcessInfo.processInfo.processIdentifier)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    guard let prefix = Git.run(["-C", content, "rev-parse", "--show-prefix"]),
      let top = Git.run(["-C", content, "rev-parse", "--show-toplevel"]),
      Git.run(["-C", top, "rev-parse", "--verify", "--quiet", since + "^{commit}"]) != nil
    else {
      throw problem(
        "'\(since)' is not a briefing.json, a site or content folder, or a git revision of the content's repository"
      )
    }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = prefix.isEmpty ? "." : String(prefix.dropLast(prefix.hasSuffix("/") ? 1 : 0))
    guard Git.unpack(top: top, revision: since, path: path, into: folder) else {
      throw problem("git could not give the content folder at '\(since)'")
    }
    let (old, _, _) = try prepare(content: folder + "/" + path)
    return Snapshot(old)
  }

  /// `diagnostics` after what the content asks of them: a document's `accept:` drops its own
  /// warnings and notes of those codes; `briefing.yml`'s `diagnostics:` turns a code off, or makes
  /// it a warning or an error. Errors are never dropped or lowered. Codes that do not exist are
  /// reported.
  static func controlled(_ diagnostics: [Diagnostic], loaded: LoadedContent) -> [Diagnostic] {
    let known = Set(Diagnostic.codes.map(\.code))
    var accepted: [String: Set<String>] = [:]
    var unknown: [Diagnostic] = []
    let documents =
      loaded.articles.map { ($0.file, $0.accepts) } + loaded.entities.map { ($0.file, $0.accepts) }
    for (file, codes) in documents where !codes.isEmpty {
      accepted[file] = Set(codes)
      for code in codes where !known.contains(code) {
        unknown.append(
          .warning("unknown-code", file, "accept: names '\(code)', which is no diagnostic's code"))
      }
    }
    let config = loaded.config
    for code in config.diagnosticLevels.keys.sorted() where !known.contains(code) {
      unknown.append(
        .warning(
          "unknown-code", loaded.configFile, "diagnostics: names '\(code)', which is no diagnostic's code"))
    }
    return diagnostics.compactMap { diagnostic -> Diagnostic? in
      var diagnostic = diagnostic
      guard diagnostic.severity != .error else { return diagnostic }
      if accepted[diagnostic.file]?.contains(diagnostic.code) == true { return nil }
      switch config.diagnosticLevels[diagnostic.code] {
      case .off: return nil
      case .warning: diagnostic.severity = .warning
      case .error: diagnostic.severity = .error
      case nil: break
      }
      return diagnostic
    } + unknown
  }

  /// The most memory the process has held so far (its peak resident set), in bytes; nil where the
  /// system does not say.
  static func peakMemory() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return nil }
    return kilobytes * 1024
  }

  func timed<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    log("\(stage): \(String(format: "%.1f", ms)) ms")
    if let peak = Pipeline.peakMemory() { log("peak memory after \(stage): \(peak / 1_048_576) MB") }
    return result
  }
}

/// Bodies rendered to HTML by the link stage, by document id.
struct RenderedBodies: Sendable {
  var html: [String: BodyHTML] = [:]
  var introduction: String?
}

/// A value one worker takes, leaving nothing behind.
private final class TakenOnce<T>: @unchecked Sendable {
  // @unchecked: each box is taken by exactly one iteration of the link stage.
  private var value: T?
  init(_ value: T) { self.value = value }
  func take() -> T {
    defer { value = nil }
    return value!
  }
}

/// What a build leaves to the system when the process ends with it.
private final class Kept<T> {
  let value: T
  init(_ value: T) { self.value = value }
}
