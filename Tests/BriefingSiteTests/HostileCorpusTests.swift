import BriefingCore
import Foundation
import Testing

@testable import BriefingSite

/// Content written to break the build: script in every field, dangerous addresses, slugs that
/// climb out of the site, bytes that are not text, YAML that is wrong in every way we know of.
/// Each case is written into a fixture beside the small briefing and ends in the diagnostic it
/// names, or in a site where nothing it holds runs and nothing lands outside the output folder.
@Suite struct HostileCorpusTests {
  static let script = "<script>alert(1)</script>"
  static let image = "<img src=x onerror=alert(1)>"

  /// A problem the check must report: the file (relative to the content folder), its line (0:
  /// the whole file) and a fragment of the message.
  struct Expected: Sendable {
    var file: String
    var line: Int
    var fragment: String
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var files: [String: [UInt8]]
    var expected: [Expected]
    var testDescription: String { name }

    init(_ name: String, _ files: [String: String], _ expected: Expected...) {
      self.name = name
      self.files = files.mapValues { Array($0.utf8) }
      self.expected = expected
    }

    init(_ name: String, bytes files: [String: [UInt8]], _ expected: Expected...) {
      self.name = name
      self.files = files
      self.expected = expected
    }
  }

  static func aliasBomb(_ first: String) -> String {
    var yaml = first + "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for (name, previous) in [("b", "a"), ("c", "b"), ("d", "c")] {
      yaml +=
        "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
    }
    return yaml + "e: [" + Array(repeating: "*d", count: 10).joined(separator: ", ") + "]\n"
  }

  static let diagnosed: [Case] = [
    Case(
      "javascript: url", ["articles/x.md": "---\ndate: 2025-01-01\nurl: javascript:alert(1)\n---\nText.\n"],
      Expected(file: "articles/x.md", line: 3, fragment: "url 'javascript:alert(1)' is not an http(s)")),
    Case(
      "upper-case javascript: url after a space",
      ["articles/x.md": "---\ndate: 2025-01-01\nurl: \" JAVASCRIPT:alert(1)\"\n---\nText.\n"],
      Expected(file: "articles/x.md", line: 3, fragment: "is not an http(s) or relative address")),
    Case(
      "javascript: url split by a tab",
      ["articles/x.md": "---\ndate: 2025-01-01\nurl: \"java\\tscript:alert(1)\"\n---\nText.\n"],
      Expected(file: "articles/x.md", line: 3, fragment: "is not an http(s) or relative address")),
    Case(
      "data: url on a plain-text article",
      ["articles/x.txt": "---\nurl: \"data:text/html,\(script)\"\ndate: 2025-01-01\n---\nTitle\n\nText.\n"],
      Expected(file: "articles/x.txt", line: 2, fragment: "url 'data:text/html,")),
    Case(
      "vbscript: url", ["articles/x.md": "---\nurl: vbscript:msgbox(1)\ndate: 2025-01-01\n---\nText.\n"],
      Expected(file: "articles/x.md", line: 2, fragment: "url 'vbscript:msgbox(1)' is not")),
    Case(
      "invalid UTF-8",
      bytes: ["articles/x.txt": Array("Title\n\nBad ".utf8) + [0xFF, 0xFE] + Array(" bytes.\n".utf8)],
      Expected(file: "articles/x.txt", line: 3, fragment: "is not valid UTF-8")),
    Case(
      "NUL byte in front matter",
      bytes: ["people/x.md": Array("---\nname: Nul".utf8) + [0] + Array("x\n---\n".utf8)],
      Expected(file: "people/x.md", line: 2, fragment: "control characters are not allowed")),
    Case(
      "empty note", ["people/x.md": ""],
      Expected(file: "people/x.md", line: 1, fragment: "the note has no 'name'")),
    Case(
      "YAML: tab in indentation", ["people/x.md": "---\nname: Tab\n\taliases: [x]\n---\n"],
      Expected(file: "people/x.md", line: 3, fragment: "tab character")),
    Case(
      "YAML: unclosed quote", ["people/x.md": "---\nname: X\nsummary: \"never closed\n---\nBody.\n"],
      Expected(file: "people/x.md", line: 4, fragment: "end of stream while scanning a quoted scalar")),
    Case(
      "YAML: duplicate key", ["people/x.md": "---\nname: One\nname: Two\n---\n"],
      Expected(file: "people/x.md", line: 3, fragment: "duplicate keys name")),
    Case(
      "YAML: duplicate key in a role",
      [
        "people/x.md":
          "---\nname: X\nroles:\n  - title: Minister\n    from: 2024-01-01\n    title: Envoy\n---\n"
      ],
      Expected(file: "people/x.md", line: 6, fragment: "duplicate keys title")),
    Case(
      "YAML: a list where a string belongs", ["people/x.md": "---\nname: [a, b]\n---\n"],
      Expected(file: "people/x.md", line: 2, fragment: "'name' must be a single value")),
    Case(
      "YAML: a list where a role's title belongs",
      ["people/x.md": "---\nname: X\nroles: [{title: [a]}]\n---\n"],
      Expected(file: "people/x.md", line: 3, fragment: "each role needs a 'title'")),
    Case(
      "YAML alias bomb in a note", ["people/x.md": "---\n" + aliasBomb("name: Bomb\n") + "---\n"],
      Expected(file: "people/x.md", line: 6, fragment: "past 10000 values (the limit)")),
    Case(
      "YAML alias bomb in briefing.yml", ["briefing.yml": aliasBomb("title: Bomb\n")],
      Expected(file: "briefing.yml", line: 5, fragment: "past 10000 values (the limit)")),
    Case(
      "kind folder named with markup",
      ["x\"><img src=x onerror=alert(1)>/thing.md": "---\nname: Thing\n---\n"],
      Expected(
        file: "x\"><img src=x onerror=alert(1)>/thing.md", line: 0, fragment: "cannot name a kind of entity")),
    Case(
      "article slug 'index'", ["articles/x.md": "---\nslug: index\ndate: 2025-01-01\n---\nText.\n"],
      Expected(file: "articles/x.md", line: 0, fragment: "the slug 'index' is taken by the list page")),
    Case(
      "note file named index", ["people/index.md": "---\nname: Index Person\n---\n"],
      Expected(file: "people/index.md", line: 0, fragment: "the slug 'index' is taken by the list page")),
  ]

  /// Each case is reported where it is, the build fails, and it writes nothing.
  @Test(arguments: diagnosed)
  func isDiagnosed(_ hostile: Case) throws {
    var files = smallBriefing.mapValues { Array($0.utf8) }
    files.merge(hostile.files) { $1 }
    let fixture = try Fixture([:])
    defer { fixture.remove() }
    for (path, bytes) in files { try fixture.writeBytes(bytes, to: "content/" + path) }
    let diagnostics = fixture.check()
    for expected in hostile.expected {
      #expect(
        diagnostics.contains {
          $0.severity == .error && $0.file == fixture.content + "/" + expected.file
            && $0.line == expected.line
            && $0.message.contains(expected.fragment)
        }, "\(expected) in \(diagnostics.map(\.description))")
    }
    #expect(throws: (any Error).self) { try fixture.build() }
    #expect(!FileManager.default.fileExists(atPath: fixture.output))
    #expect(try outsideFiles(fixture) == [])
  }

  /// Every front-matter field and Markdown link trick an author could fill with markup, in one
  /// briefing that builds.
  static let everyField: [String: [UInt8]] = [
    "briefing.yml": "title: \"Briefing \(script)\"\nlanguage: en\n",
    "index.md": "Intro about [[Evil Person]] and \(image).\n",
    "people/evil.md": """
    ---
    name: "Evil \(script) Person"
    aliases: ["Evil Person", "\(image)"]
    summary: "\(script)"
    roles:
      - title: "\(script) Minister"
        from: 2024-01-01
    ---
    Met [[Pete Hegseth]] \(script).

    """,
    "events/evil.md": """
    ---
    title: "Event \(script)"
    date: 2025-01-02
    place: "\(image)"
    people: [Evil Person]
    ---

    """,
    "issues/evil.md": "---\ntitle: \"Issue \(script)\"\nsummary: \"\(image)\"\nstatus: \"\(script)\"\n---\n",
    "organizations/evil.md": "---\nname: \"Org \(image)\"\naliases: [\"\(script)\"]\n---\n",
    "articles/evil.md": """
    ---
    title: "Title \(script)"
    dek: "\(image)"
    source: "\(script)"
    author: "\(image)"
    date: 2025-01-03
    url: "https://example.org/?q=\\"><script>alert(1)</script>"
    ---
    Evil Person said "this is a quote \(script) here," on Jan. 4, 2025.

    [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](<javascript:alert(1)>) [d](data:text/html;base64,PHNjcmlwdD4=)
    [e](vbscript:msgbox) [f](java&#x09;script:alert(1)) [g](&#106;avascript:alert(1)) [h](java\\
    script:alert(1)) ![i](javascript:alert(1)) <javascript:alert(1)> [j][ref] [k](" onmouseover="alert(1))

    <div onclick="alert(1)">raw html</div> \(image)

    [ref]: javascript:alert(1)

    """,
    "articles/plain.txt":
      "---\nsource: \"\(image)\"\n---\nTitle \(script)\n\n\(image) in a plain article by Evil Person.\n",
    "articles/climb.md":
      "---\nslug: ../../../../../../../../../../tmp/briefing-escape\ndate: 2025-01-05\n---\nText.\n",
    "articles/absolute.md": "---\nslug: /tmp/briefing-absolute\ndate: 2025-01-05\n---\nText.\n",
  ].mapValues { Array($0.utf8) }

  @Test func markupInEveryFieldNeverRuns() throws {
    var files = smallBriefing.mapValues { Array($0.utf8) }
    files.merge(Self.everyField) { $1 }
    let fixture = try Fixture([:])
    defer { fixture.remove() }
    for (path, bytes) in files { try fixture.writeBytes(bytes, to: "content/" + path) }
    let report = try fixture.build()
    #expect(report.diagnostics.allSatisfy { $0.severity != .error }, "\(report.diagnostics)")
    let site = try fixture.site()
    // The slugs were made safe and written inside the site.
    #expect(site["articles/tmp-briefing-escape.html"] != nil)
    #expect(site["articles/tmp-briefing-absolute.html"] != nil)
    #expect(!FileManager.default.fileExists(atPath: "/tmp/briefing-escape.html"))
    #expect(!FileManager.default.fileExists(atPath: "/tmp/briefing-absolute.html"))
    #expect(try outsideFiles(fixture) == [])
    // Every field reached a page, escaped.
    let evil = try #require(site["people/evil.html"])
    #expect(evil.contains("Evil &lt;script&gt;alert(1)&lt;/script&gt; Person"))
    #expect(evil.contains("&lt;script&gt;alert(1)&lt;/script&gt; Minister"))
    let article = try #require(site["articles/evil.html"])
    #expect(article.contains("Title &lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(article.contains("&lt;img src=x onerror=alert(1)&gt;"))
    #expect(try #require(site["events/evil.html"]).contains("&lt;img src=x onerror=alert(1)&gt;"))
    for (path, text) in site { try expectInert(text, path: path) }
  }

  /// Inputs that are odd but valid: they build, with the text where a reader expects it.
  static let published: [(name: String, files: [String: [UInt8]], page: String, fragment: String)] = [
    (
      "BOM before the front matter",
      ["articles/x.md": [0xEF, 0xBB, 0xBF] + Array("---\ntitle: Bom\n---\nText.\n".utf8)],
      "articles/x.html", "<h1>Bom</h1>"
    ),
    (
      "CRLF line ends", ["people/x.md": Array("---\r\nname: Crlf Person\r\n---\r\nBody text.\r\n".utf8)],
      "people/x.html", "Crlf Person"
    ),
    (
      "lone CR line ends", ["people/x.md": Array("---\rname: Cr Person\r---\rBody text.\r".utf8)],
      "people/x.html", "Cr Person"
    ),
    (
      "NUL byte in an article's text",
      [
        "articles/x.md": Array("---\ntitle: Nul\ndate: 2025-01-01\n---\nText".utf8) + [0]
          + Array("here.\n".utf8)
      ],
      "articles/x.html", "<h1>Nul</h1>"
    ),
    ("empty article", ["articles/x.md": []], "articles/x.html", "<h1>"),
    (
      "a name of 100,000 letters",
      ["people/x.md": Array("---\nname: \(String(repeating: "A", count: 100_000))\n---\n".utf8)],
      "people/x.html", String(repeating: "A", count: 100_000)
    ),
    (
      "20,000 aliases",
      [
        "people/x.md": Array(
          ("---\nname: Many Names\naliases: [" + (0..<20_000).map { "Alias \($0)" }.joined(separator: ", ")
            + "]\n---\n").utf8),
        "articles/y.md": Array("---\ntitle: Y\ndate: 2025-01-01\n---\nAlias 19999 spoke.\n".utf8),
      ],
      "articles/y.html", "<a href=\"../people/x.html\">Alias 19999</a>"
    ),
  ]

  @Test(arguments: published.indices)
  func isPublished(_ index: Int) throws {
    let hostile = Self.published[index]
    var files = smallBriefing.mapValues { Array($0.utf8) }
    files.merge(hostile.files) { $1 }
    let fixture = try Fixture([:])
    defer { fixture.remove() }
    for (path, bytes) in files { try fixture.writeBytes(bytes, to: "content/" + path) }
    let report = try fixture.build()
    #expect(report.diagnostics.allSatisfy { $0.severity != .error }, "\(hostile.name): \(report.diagnostics)")
    let site = try fixture.site()
    let page = try #require(site[hostile.page], "\(hostile.name)")
    #expect(page.contains(hostile.fragment), "\(hostile.name)")
    #expect(site["404.html"] != nil)
    #expect(try outsideFiles(fixture) == [])
  }

  /// The check above finds live markup, so its silence on the site means something.
  @Test func theInertCheckFindsLiveMarkup() throws {
    for live in [
      "<p>\(Self.image)</p>", "<a href=\"JavaScript:alert(1)\">x</a>", "<b onclick=\"x\">y</b>",
      "<p>\(Self.script)</p>",
    ] {
      withKnownIssue { try expectInert(live, path: "page.html") }
    }
    try expectInert("<p>&lt;img src=x onerror=alert(1)&gt;</p>", path: "page.html")
  }

  /// Files of the fixture's folder that are neither content nor the site (the lock file beside
  /// the output folder is the build's own).
  func outsideFiles(_ fixture: Fixture) throws -> [String] {
    let all = try FileManager.default.subpathsOfDirectory(atPath: fixture.folder)
    return all.filter {
      !($0 == "content" || $0.hasPrefix("content/") || $0 == "site" || $0.hasPrefix("site/")
        || $0 == ".site.briefing-lock")
    }.sorted()
  }

  /// Fails when `text`, a file of the site at `path`, holds markup from content that a browser or
  /// a reader of its format would act on.
  func expectInert(_ text: String, path: String) throws {
    if path.hasSuffix(".json") {
      #expect(throws: Never.self, "\(path) is not JSON") {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
      }
      return
    }
    if path.hasSuffix(".ics") {
      // Text is escaped for iCalendar: no content line may start anything but a property.
      for line in text.components(separatedBy: "\r\n") where !line.isEmpty && !line.hasPrefix(" ") {
        #expect(line.range(of: #"^[A-Z-]+[;:]"#, options: .regularExpression) != nil, "\(path): \(line)")
      }
      return
    }
    guard path.hasSuffix(".html") || path.hasSuffix(".xml") else { return }
    for payload in ["<script>alert", "<img src=x", "<div onclick", "</script><script"] {
      #expect(!text.contains(payload), "\(path) holds \(payload)")
    }
    // An event handler or script address inside a tag (not in text, where it is only words).
    var inTag = false
    var tag = ""
    for character in text {
      if character == "<" {
        inTag = true
        tag = ""
      } else if character == ">", inTag {
        inTag = false
        let lower = tag.lowercased()
        for danger in ["onerror=", "onclick=", "onmouseover=", "javascript:", "vbscript:", "data:text"] {
          #expect(!lower.contains(danger), "\(path): <\(tag)>")
        }
      } else if inTag {
        tag.append(character)
      }
    }
  }
}
