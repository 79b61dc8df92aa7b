import BriefingCore
import Foundation
import Testing

@testable import BriefingSite

/// A build with the cache keeps the entity and article pages whose inputs have not changed, and is
/// still byte for byte a build without the cache, whatever was edited.
@Suite struct PageKeepingTests {
  /// The bundled briefing's notes and articles, and `count` articles made from its names: dated
  /// meetings, quotes, events and issues named, and plain sentences.
  static func briefing(articles count: Int, random: inout Random) throws -> Fixture {
    let fixture = try Fixture([:])
    let manager = FileManager.default
    try manager.removeItem(atPath: fixture.content)
    try manager.copyItem(atPath: repositoryRoot + "/content", toPath: fixture.content)
    for n in 0..<count {
      try fixture.write(article(n, random: &random), to: "content/articles/made-\(n).md")
    }
    return fixture
  }

  /// The same, its articles made from `seed`.
  static func briefing(articles count: Int, seed: UInt64) throws -> Fixture {
    var random = Random(seed: seed)
    return try briefing(articles: count, random: &random)
  }

  /// Names of the bundled notes of `folder`.
  static func names(_ folder: String) -> [String] {
    let files =
      (try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/content/" + folder)) ?? []
    return files.sorted().compactMap { file in
      let text =
        (try? String(contentsOfFile: repositoryRoot + "/content/\(folder)/\(file)", encoding: .utf8)) ?? ""
      let line = text.split(separator: "\n").first { $0.hasPrefix("name: ") || $0.hasPrefix("title: ") }
      return line.map { String($0.drop { $0 != " " }.dropFirst()) }
    }
  }

  static let people = names("people")
  static let issues = names("issues")
  static let events = names("events")
  static let months = ["January", "February", "March", "April"]

  static func sentence(random: inout Random) -> String {
    let person = random.pick(people)
    let other = random.pick(people)
    let date = "\(random.pick(months)) \(random.below(27) + 1), 2025"
    switch random.below(6) {
    case 0: return "\(person) met \(other) on \(date)."
    case 1: return "\"We will keep working on this,\" \(person) said of \(random.pick(issues).lowercased())."
    case 2: return "The \(random.pick(events)) drew comment from \(person) on \(date)."
    case 3: return "Officials discussed \(random.pick(issues).lowercased()) at length."
    case 4: return "\(person) said on \(date) that \(random.pick(issues).lowercased()) mattered."
    default: return "The talks went on through the week."
    }
  }

  static func article(_ n: Int, random: inout Random) -> String {
    let paragraphs = (0..<(2 + random.below(4))).map { _ in
      (0..<(1 + random.below(3))).map { _ in sentence(random: &random) }.joined(separator: " ")
    }
    return "---\ntitle: Made article \(n)\ndate: 2025-0\(1 + random.below(4))-1\(random.below(9))\n---\n"
      + paragraphs.joined(separator: "\n\n") + "\n"
  }

  /// Builds with the cache into `site`, and without it into `cold`; the two sites and the number of
  /// pages kept.
  func builds(_ fixture: Fixture, templates: String? = nil) throws -> (
    warm: [String: [UInt8]], cold: [String: [UInt8]], kept: Int
  ) {
    let lines = LinkCacheTests.Lines()
    try Pipeline(fileSystem: fixture.fileSystem, log: { lines.add($0) }).build(
      content: fixture.content, templates: templates, output: fixture.output, cache: true)
    try? FileManager.default.removeItem(atPath: fixture.folder + "/cold")
    try Pipeline(fileSystem: fixture.fileSystem).build(
      content: fixture.content, templates: templates, output: fixture.folder + "/cold", cache: false)
    func files(_ folder: String) throws -> [String: [UInt8]] {
      var files: [String: [UInt8]] = [:]
      for path in try fixture.fileSystem.files(under: folder) {
        files[path] = try fixture.fileSystem.read(folder + "/" + path)
      }
      return files
    }
    let kept = lines.all.first { $0.hasPrefix("pages kept without rendering: ") }
      .flatMap { Int($0.split(separator: " ").last!) }
    return (try files(fixture.output), try files(fixture.folder + "/cold"), kept ?? -1)
  }

  /// The paths whose files differ between two sites.
  func differences(_ one: [String: [UInt8]], _ other: [String: [UInt8]]) -> [String] {
    Set(one.keys).union(other.keys).filter { one[$0] != other[$0] }.sorted()
  }

  @Test func aWarmBuildKeepsUnchangedPagesAndIsAColdBuildWhateverIsEdited() throws {
    var random = Random(seed: 7)
    let fixture = try PageKeepingTests.briefing(articles: 40, random: &random)
    defer { fixture.remove() }
    var (warm, cold, kept) = try builds(fixture)
    #expect(differences(warm, cold) == [])
    #expect(kept == 0)
    let briefing = try #require(
      Pipeline(fileSystem: fixture.fileSystem).check(content: fixture.content).briefing)
    let pages = briefing.entities.count + briefing.articles.count

    (warm, cold, kept) = try builds(fixture)
    #expect(differences(warm, cold) == [])
    #expect(kept == pages, "nothing changed: every entity and article page is kept")

    // Each edit, then a build with the cache and one without.
    var keptAfterPlainEdits = 0
    for step in 0..<24 {
      let article = "content/articles/made-\(random.below(40)).md"
      let path = fixture.folder + "/" + article
      let exists = FileManager.default.fileExists(atPath: path)
      let edit = random.below(9)
      var what = ""
      switch edit {
      case 0 where exists:
        what = "plain sentence"
        try fixture.write(
          try String(contentsOfFile: path, encoding: .utf8) + "\nMore was said.\n", to: article)
      case 1 where exists, 2 where exists:
        what = "sentence with names"
        try fixture.write(
          try String(contentsOfFile: path, encoding: .utf8) + "\n"
            + PageKeepingTests.sentence(random: &random)
            + "\n", to: article)
      case 3 where exists:
        what = "title"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try fixture.write(text.replacingOccurrences(of: "title: Made", with: "title: Remade"), to: article)
      case 4 where exists:
        what = "date"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try fixture.write(text.replacingOccurrences(of: "date: 2025-0", with: "date: 2024-1"), to: article)
      case 5 where exists:
        what = "removed"
        try FileManager.default.removeItem(atPath: path)
      case 6:
        what = "note"
        let note =
          "content/people/" + random.pick(["gen-nakatani.md", "pete-hegseth.md", "takeshi-iwaya.md"])
        let text = try String(contentsOfFile: fixture.folder + "/" + note, encoding: .utf8)
        try fixture.write(text + "\nHe spoke again in March.\n", to: note)
      case 7:
        what = "nothing"
      default:
        what = "new article"
        try fixture.write(
          PageKeepingTests.article(100 + step, random: &random), to: "content/articles/new-\(step).md")
      }
      (warm, cold, kept) = try builds(fixture)
      #expect(differences(warm, cold) == [], "step \(step): \(what)")
      if what == "plain sentence" || what == "nothing" { keptAfterPlainEdits += kept }
    }
    #expect(keptAfterPlainEdits > 0)
  }

  /// A page shows what articles that do not name its entity say: an event's neighbours in the
  /// timeline, and the sources of the events of a person's timeline. Such an edit renders them
  /// again (and changes no count, so nothing else forces it).
  @Test func pagesShowingAnEditedArticleInTheTimelineAreRenderedAgain() throws {
    let fixture = try PageKeepingTests.briefing(articles: 0, seed: 1)
    defer { fixture.remove() }
    func write(_ title: String, _ body: String, to name: String) throws {
      try fixture.write(
        "---\ntitle: \(title)\ndate: 2025-02-01\n---\n\(body)\n", to: "content/articles/\(name).md")
    }
    try write("Markets report", "Asian markets fell on January 31, 2025.", to: "markets")
    try write("Call report", "The Nakatani–Hegseth call took place on January 31, 2025.", to: "call")
    _ = try builds(fixture)
    // The sentence after the event's entry changes: the event's page shows it as "Next".
    try write("Markets report", "Asian markets rose on January 31, 2025.", to: "markets")
    var (warm, cold, kept) = try builds(fixture)
    #expect(differences(warm, cold) == [])
    #expect(kept > 0)
    let event = String(decoding: cold["events/nakatani-hegseth-call.html"] ?? [], as: UTF8.self)
    #expect(event.contains("Next: Asian markets rose"), "the next entry")
    // An article naming the event (and no person) is retitled: the pages of the event's people
    // show the event's entry with its sources.
    try write("Call report, revised", "The Nakatani–Hegseth call took place on January 31, 2025.", to: "call")
    (warm, cold, kept) = try builds(fixture)
    #expect(differences(warm, cold) == [])
    #expect(kept > 0)
    let person = String(decoding: cold["people/pete-hegseth.html"] ?? [], as: UTF8.self)
    #expect(person.contains("Call report, revised"), "the event's source, on a page of its people")
  }

  /// The pages of a long timeline are kept like entity pages: a page whose entries did not change
  /// is not rendered; one whose entries did is, and the site is still a cold build's.
  @Test func pagesOfALongTimelineAreKeptUnlessTheirEntriesChanged() throws {
    let fixture = try Fixture(PagingTests.manyArticles(Paging.timelineEntries + 200))
    defer { fixture.remove() }
    var (warm, cold, kept) = try builds(fixture)
    let parts = warm.keys.filter { $0.hasPrefix("timeline-") }.sorted()
    #expect(parts == ["timeline-2023.html", "timeline-2024.html"])
    // Every article, the one person, the two timeline pages.
    let keyed = Paging.timelineEntries + 200 + 1 + parts.count
    (warm, cold, kept) = try builds(fixture)
    #expect(differences(warm, cold) == [])
    #expect(kept == keyed)
    // An entry of 2023 changes: its page is rendered, 2024's is kept.
    try fixture.write(
      "---\ntitle: Article 4\ndate: 2023-05-28\n---\nAda Lovelace closed bridge 4 on May 5, 2023.\n",
      to: "content/articles/a4.md")
    (warm, cold, kept) = try builds(fixture)
    #expect(differences(warm, cold) == [])
    #expect(String(decoding: warm["timeline-2023.html"] ?? [], as: UTF8.self).contains("closed bridge 4"))
    #expect(kept == keyed - 3)  // all but the article, its person and the 2023 page
  }

  /// A kept page is the last site's file only when that file is still what was written: edited by
  /// hand, or replaced by a link, it is written anew.
  @Test func aPageChangedInTheOutputIsWrittenAnew() throws {
    let fixture = try PageKeepingTests.briefing(articles: 5, seed: 11)
    defer { fixture.remove() }
    _ = try builds(fixture)
    let page = fixture.output + "/people/gen-nakatani.html"
    let article = fixture.output + "/articles/made-1.html"
    try fixture.fileSystem.write(Array("edited by hand".utf8), to: page)
    try FileManager.default.removeItem(atPath: article)
    try fixture.write("elsewhere", to: "elsewhere.html")
    try FileManager.default.createSymbolicLink(
      atPath: article, withDestinationPath: fixture.folder + "/elsewhere.html")
    let (warm, cold, kept) = try builds(fixture)
    #expect(differences(warm, cold) == [])
    #expect(kept > 0)
    #expect(try String(contentsOfFile: fixture.folder + "/elsewhere.html", encoding: .utf8) == "elsewhere")
  }

  /// A kept file whose inode, size and modification time are as recorded, and older than the
  /// record by more than a second, is taken without being read; one whose time changed is read
  /// and, being different, written anew.
  @Test func aFileOlderThanTheRecordIsTrustedByItsStamp() throws {
    let fixture = try PageKeepingTests.briefing(articles: 5, seed: 13)
    defer { fixture.remove() }
    _ = try builds(fixture)
    let folder = fixture.folder + "/.briefing-cache"
    let record = try #require(try fixture.fileSystem.files(under: folder).first { $0.hasPrefix("pages-") })
    let text = String(decoding: try fixture.fileSystem.read(folder + "/" + record), as: UTF8.self)
    #expect(text.contains("\tpeople/gen-nakatani.html\t"))
    // As if the record had been written a minute after the site.
    func age(_ path: String, by seconds: Int) throws {
      var info = stat()
      #expect(stat(path, &info) == 0)
      var times = [
        timespec(tv_sec: info.st_atim.tv_sec, tv_nsec: info.st_atim.tv_nsec),
        timespec(tv_sec: info.st_mtim.tv_sec + seconds, tv_nsec: info.st_mtim.tv_nsec),
      ]
      #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }
    try age(folder + "/" + record, by: 60)
    let page = fixture.output + "/people/gen-nakatani.html"
    let article = fixture.output + "/articles/made-2.html"
    let original = try fixture.fileSystem.read(page)
    // One page changed in place, its size and time put back: trusted, so kept as it now is.
    var info = stat()
    #expect(stat(page, &info) == 0)
    let handle = try #require(FileHandle(forWritingAtPath: page))
    try handle.write(contentsOf: Data("<!--X-->".utf8))
    try handle.close()
    var times = [info.st_atim, info.st_mtim]
    #expect(utimensat(AT_FDCWD, page, &times, 0) == 0)
    // Another changed with a new time: read, found different, written anew.
    try fixture.fileSystem.write(Array("edited by hand".utf8), to: article)
    let (warm, cold, pagesKept) = try builds(fixture)
    #expect(pagesKept > 0)
    #expect(differences(warm, cold) == ["people/gen-nakatani.html"])
    let kept = warm["people/gen-nakatani.html"] ?? []
    #expect(kept.count == original.count && kept.starts(with: Array("<!--X-->".utf8)))
  }

  /// A changed template changes every page: none is kept.
  @Test func aChangedTemplateKeepsNoPage() throws {
    let fixture = try PageKeepingTests.briefing(articles: 3, seed: 3)
    defer { fixture.remove() }
    let templates = fixture.folder + "/templates"
    let source = try #require(BuiltinTheme.files.first { $0.path == "article.mustache" }?.text)
    try fixture.write(source, to: "templates/article.mustache")
    _ = try builds(fixture, templates: templates)
    try fixture.write(
      source.replacingOccurrences(
        of: "</article>", with: "</article><!-- ! -->"),
      to: "templates/article.mustache")
    let (warm, cold, kept) = try builds(fixture, templates: templates)
    #expect(differences(warm, cold) == [])
    #expect(kept == 0)
  }

  /// A damaged record is not trusted: every page is rendered.
  @Test func aDamagedRecordKeepsNothing() throws {
    let fixture = try PageKeepingTests.briefing(articles: 3, seed: 5)
    defer { fixture.remove() }
    _ = try builds(fixture)
    let folder = fixture.folder + "/.briefing-cache"
    let record = try #require(try fixture.fileSystem.files(under: folder).first { $0.hasPrefix("pages-") })
    var bytes = try fixture.fileSystem.read(folder + "/" + record)
    bytes.removeLast(7)
    try fixture.fileSystem.write(bytes, to: folder + "/" + record)
    let (warm, cold, kept) = try builds(fixture)
    #expect(differences(warm, cold) == [])
    #expect(kept == 0)
    #expect(PageReuse.record(Array("nonsense\n".utf8)) == nil)
    #expect(PageReuse.record(Array("x\ty\n".utf8)) == nil)
    let good =
      "briefing pages \(PageReuse.format) \(Digest().hex)\narticle a\t\(Digest().hex)\n\ta.html\t3\t\(Digest().hex)\n"
    #expect(PageReuse.record(Array(good.utf8))?.entries["article a"]?.files.map(\.path) == ["a.html"])
    #expect(PageReuse.record(Array(good.utf8).dropLast(1) + [0x0A, 0x0A]) == nil)
  }
}

/// A small seeded generator, so a failing sequence of edits can be run again.
struct Random {
  private var state: UInt64
  init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
  mutating func next() -> UInt64 {
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return state
  }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
