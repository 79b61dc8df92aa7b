import BriefingCore
import Foundation
import Testing

@testable import BriefingSite

/// The link cache makes a rebuild after a small change cheap, and never changes what is built.
@Suite struct LinkCacheTests {
  /// Builds with the cache on, returning the site and the "link cache:" line.
  func build(_ fixture: Fixture, output: String, cache: Bool = true) throws -> ([String: String], String) {
    let lines = Lines()
    try Pipeline(fileSystem: fixture.fileSystem, log: { lines.add($0) }).build(
      content: fixture.content, templates: nil, output: output, cache: cache)
    var site: [String: String] = [:]
    for path in try fixture.fileSystem.files(under: output) {
      site[path] = String(decoding: try fixture.fileSystem.read(output + "/" + path), as: UTF8.self)
    }
    return (site, lines.all.first { $0.hasPrefix("link cache:") } ?? "")
  }

  final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
  }

  @Test func aWarmBuildRelinksOnlyWhatChangedAndBuildsExactlyWhatAColdBuildDoes() throws {
    let fixture = try Fixture(PagingTests.manyArticles(40))
    defer { fixture.remove() }
    let (first, coldLine) = try build(fixture, output: fixture.folder + "/one")
    #expect(coldLine == "link cache: 0 of 41 documents reused")
    #expect(fixture.fileSystem.exists(fixture.folder + "/.briefing-cache"))

    try fixture.write(
      "---\ntitle: Article 3, revised\ndate: 2024-04-28\n---\nAda Lovelace closed bridge 3 on April 9, 2024.\n",
      to: "content/articles/a3.md")
    let (warm, warmLine) = try build(fixture, output: fixture.folder + "/two")
    #expect(warmLine == "link cache: 40 of 41 documents reused")
    let (cold, _) = try build(fixture, output: fixture.folder + "/three", cache: false)
    #expect(warm == cold)
    #expect(warm != first)
    #expect(warm["articles/a3.html"]?.contains("closed bridge 3") == true)

    // A note changes what every article links to: nothing is reused.
    try fixture.write(
      "---\nname: Ada Lovelace\naliases: [Countess]\n---\n", to: "content/people/ada-lovelace.md")
    let (_, noteLine) = try build(fixture, output: fixture.folder + "/four")
    #expect(noteLine == "link cache: 0 of 41 documents reused")
  }

  @Test func aDamagedCacheIsIgnoredAndMadeAgain() throws {
    let fixture = try Fixture(PagingTests.manyArticles(5))
    defer { fixture.remove() }
    let (first, _) = try build(fixture, output: fixture.folder + "/one")
    let pack = fixture.folder + "/.briefing-cache/links-v\(LinkCache.format).pack"
    #expect(
      try fixture.fileSystem.files(under: fixture.folder + "/.briefing-cache").filter {
        !$0.hasPrefix("pages-")
      }
        == ["links-v\(LinkCache.format).pack"])
    var bytes = try fixture.fileSystem.read(pack)
    for offset in stride(from: 100, to: bytes.count, by: 997) { bytes[offset] ^= 0x5A }
    try fixture.fileSystem.write(bytes, to: pack)
    let (second, damaged) = try build(fixture, output: fixture.folder + "/two")
    #expect(second == first)
    #expect(damaged != "link cache: 6 of 6 documents reused")
    let (_, mended) = try build(fixture, output: fixture.folder + "/three")
    #expect(mended == "link cache: 6 of 6 documents reused")

    // Cut short: the entries before the cut are still good.
    bytes = try fixture.fileSystem.read(pack)
    try fixture.fileSystem.write(Array(bytes.prefix(bytes.count * 2 / 3)), to: pack)
    let (third, cut) = try build(fixture, output: fixture.folder + "/four")
    #expect(third == first)
    #expect(cut.hasPrefix("link cache: ") && cut != "link cache: 0 of 6 documents reused")
    #expect(cut != "link cache: 6 of 6 documents reused")
  }

  @Test func everyFindingOfTheBundledBriefingComesBackFromTheCacheAsItWent() throws {
    let fixture = try Fixture([:])
    defer { fixture.remove() }
    let content = repositoryRoot + "/content"
    let loaded = try ContentLoader(fileSystem: fixture.fileSystem).load(content)
    let linker = BodyLinker(
      linker: DocumentLinker(
        entities: loaded.entities, policy: loaded.config.linkPolicy, collectUnknownNames: true),
      rendersHTML: true)
    var key = Digest()
    key.add("test")
    var checked = 0
    for article in loaded.articles {
      let linked = linker.link(article)
      let back = try LinkCache.decode(LinkCache.encode(linked, key: key), key: key)
      #expect(back.html.text == linked.html.text)
      #expect(back.findings.mentions == linked.findings.mentions)
      #expect(back.findings.dated == linked.findings.dated)
      #expect(back.findings.quotes == linked.findings.quotes)
      #expect(back.findings.passages == linked.findings.passages)
      #expect(back.findings.unknownNames == linked.findings.unknownNames)
      #expect(back.findings.diagnostics == linked.findings.diagnostics)
      checked += linked.findings.dated.count + linked.findings.quotes.count + linked.findings.passages.count
    }
    #expect(checked > 30)
    var other = Digest()
    other.add("other")
    #expect(throws: (any Error).self) {
      try LinkCache.decode(LinkCache.encode(linker.link(loaded.articles[0]), key: key), key: other)
    }
  }

  /// A pack of another format is never read, so it is removed; nothing else in the folder is.
  @Test func packsOfOtherFormatsAreRemoved() throws {
    let fixture = try Fixture(PagingTests.manyArticles(2))
    defer { fixture.remove() }
    let folder = fixture.folder + "/.briefing-cache"
    _ = try build(fixture, output: fixture.folder + "/one")
    for name in ["links-v1.pack", "links-v\(LinkCache.format + 1).pack", "links-vx.pack", "notes.txt"] {
      try fixture.fileSystem.write(Array("old".utf8), to: folder + "/" + name)
    }
    let (_, line) = try build(fixture, output: fixture.folder + "/two")
    #expect(line == "link cache: 3 of 3 documents reused")
    #expect(
      try fixture.fileSystem.files(under: folder).filter { !$0.hasPrefix("pages-") } == [
        "links-v\(LinkCache.format).pack", "links-vx.pack", "notes.txt",
      ])
  }

  /// A build appends what it linked to the pack and rewrites nothing; when most of the pack is
  /// entries no build will find again, it is written anew with the used ones only.
  @Test func thePackIsAppendedToAndCompactedWhenMostOfItIsUnused() throws {
    let fixture = try Fixture(PagingTests.manyArticles(30))
    defer { fixture.remove() }
    let pack = fixture.folder + "/.briefing-cache/links-v\(LinkCache.format).pack"
    func size() throws -> Int { try fixture.fileSystem.read(pack).count }
    func inode() -> UInt64 {
      var info = stat()
      return stat(pack, &info) == 0 ? UInt64(info.st_ino) : 0
    }
    _ = try build(fixture, output: fixture.folder + "/site")
    let (full, first) = (try size(), inode())

    try fixture.write(
      "---\ntitle: Article 3\ndate: 2024-04-28\n---\nAda Lovelace closed bridge 3.\n",
      to: "content/articles/a3.md")
    let (_, line) = try build(fixture, output: fixture.folder + "/site")
    #expect(line == "link cache: 30 of 31 documents reused")
    #expect(inode() == first)
    let grown = try size()
    #expect(grown > full && grown < full + full / 10)

    // A changed note makes every entry unused: the pack is written anew with this build's entries.
    try fixture.write("---\nname: Ada Lovelace\naliases: [Ada]\n---\n", to: "content/people/ada-lovelace.md")
    let (_, relinked) = try build(fixture, output: fixture.folder + "/site")
    #expect(relinked == "link cache: 0 of 31 documents reused")
    #expect(inode() != first)
    #expect(try size() < grown)
    let (again, reused) = try build(fixture, output: fixture.folder + "/site", cache: true)
    #expect(reused == "link cache: 31 of 31 documents reused")
    let (cold, _) = try build(fixture, output: fixture.folder + "/cold", cache: false)
    #expect(again == cold)
  }

  /// Two builds appending to one pack at once (two outputs of one content folder) each add whole
  /// entries, and a later build finds all of them.
  @Test func buildsAppendingAtOnceLeaveEveryEntryWhole() throws {
    let fixture = try Fixture([:])
    defer { fixture.remove() }
    let folder = fixture.folder + "/.briefing-cache"
    var environment = Digest()
    environment.add("environment")
    let documents = (0..<200).map { n -> (Digest, BodyLinker.Linked) in
      var digest = Digest()
      digest.add("document \(n)")
      var findings = Findings()
      findings.mentions = [
        Mention(
          entity: "people/ada", document: "articles/a\(n)", sentence: "Sentence \(n).", text: "Ada",
          inHeading: false)
      ]
      return (
        digest,
        BodyLinker.Linked(html: .text(String(repeating: "<p>body \(n)</p>", count: n)), findings: findings)
      )
    }
    let writers = [
      LinkCache(folder: folder, environment: environment),
      LinkCache(folder: folder, environment: environment),
    ]
    DispatchQueue.concurrentPerform(iterations: documents.count) { n in
      writers[n % 2].store(document: documents[n].0, documents[n].1)
    }
    let reader = LinkCache(folder: folder, environment: environment)
    for (digest, linked) in documents {
      let back = reader.load(document: digest)
      #expect(back?.html.text == linked.html.text)
      #expect(back?.findings.mentions == linked.findings.mentions)
    }
    #expect(reader.hits == documents.count)
  }

  @Test func theCacheFolderIsBesideTheContent() {
    #expect(LinkCache.folder(besides: "content") == ".briefing-cache")
    #expect(LinkCache.folder(besides: "brief/content/") == "brief/.briefing-cache")
    #expect(LinkCache.folder(besides: "/a/b/content") == "/a/b/.briefing-cache")
  }
}

/// `serve` keeps what linking found in memory between its builds.
@Suite struct MemoryLinkCacheTests {
  func render(_ fixture: Fixture, cache: MemoryLinkCache?) -> ([String: [UInt8]], String) {
    let lines = LinkCacheTests.Lines()
    let site = Pipeline(fileSystem: fixture.fileSystem, log: { lines.add($0) }).render(
      content: fixture.content, templates: nil, cache: cache)
    return (site.files ?? [:], lines.all.first { $0.hasPrefix("link cache:") } ?? "")
  }

  @Test func aRenderAfterAChangeRelinksOnlyWhatChangedAndRendersWhatAColdRenderDoes() throws {
    let fixture = try Fixture(PagingTests.manyArticles(40))
    defer { fixture.remove() }
    let cache = MemoryLinkCache()
    let (first, cold) = render(fixture, cache: cache)
    #expect(cold == "link cache: 0 of 41 documents reused")
    #expect(!first.isEmpty)
    try fixture.write(
      "---\ntitle: Article 3, revised\ndate: 2024-04-28\n---\nAda Lovelace closed bridge 3 on April 9, 2024.\n",
      to: "content/articles/a3.md")
    let (warm, line) = render(fixture, cache: cache)
    #expect(line == "link cache: 40 of 41 documents reused")
    let (uncached, none) = render(fixture, cache: nil)
    #expect(none == "")
    #expect(warm == uncached)
    #expect(warm != first)
    // A note changes what every document links to.
    try fixture.write(
      "---\nname: Ada Lovelace\naliases: [Countess]\n---\n", to: "content/people/ada-lovelace.md")
    #expect(render(fixture, cache: cache).1 == "link cache: 0 of 41 documents reused")
  }

  @Test func aDocumentReadBeforeIsNotParsedAgainAndOnlyWhatTheLastLoadUsedIsKept() {
    let read = ReadDocuments()
    var first = Digest()
    first.add("content/articles/a.md")
    var second = first
    second.add("changed")
    let article = Article(
      id: "articles/a", slug: "a", file: "content/articles/a.md", format: .markdown, title: "A")
    #expect(read.article(first) { (article, []) }.0?.title == "A")
    read.finish()
    #expect(
      read.article(first) {
        Issue.record("parsed again"); return (nil, [])
      }.0?.title == "A")
    read.finish()
    var parsed = false
    _ = read.article(second) {
      parsed = true; return (nil, [])
    }
    #expect(parsed)
    read.finish()
    parsed = false
    _ = read.article(first) {
      parsed = true; return (nil, [])
    }
    #expect(parsed)  // the load before did not use it, so it was let go
  }
}
