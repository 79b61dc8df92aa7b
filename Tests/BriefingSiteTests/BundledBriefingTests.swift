import BriefingCore
import Foundation
import Testing

@testable import BriefingSite

/// The bundled briefing in content/ and the five seed articles as clipped.
@Suite struct BundledBriefingTests {
  @Test func theBundledBriefingBuildsWithoutErrorsOrBrokenLinks() throws {
    let fileSystem = LocalFileSystem()
    let output = NSTemporaryDirectory() + "briefing-bundled-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: output) }
    let report = try Pipeline(fileSystem: fileSystem).build(
      content: repositoryRoot + "/content", templates: repositoryRoot + "/templates", output: output)
    #expect(!report.diagnostics.hasErrors)
    var site: [String: String] = [:]
    for path in try fileSystem.files(under: output) {
      site[path] = String(decoding: try fileSystem.read(output + "/" + path), as: UTF8.self)
    }
    #expect(brokenLinks(in: site) == [])
    let people = site.keys.filter { $0.hasPrefix("people/") && $0 != "people/index.html" }
    #expect(people.count >= 11)
    #expect(site.keys.filter { $0.hasPrefix("events/") }.count >= 9)
    #expect(site.keys.filter { $0.hasPrefix("issues/") }.count >= 9)
    #expect(site.keys.filter { $0.hasPrefix("articles/") }.count == 6)
  }

  /// The articles of content/ with their front matter taken off: the seed files exactly as clipped.
  func rawSeeds() throws -> [String: String] {
    let folder = repositoryRoot + "/content/articles"
    var files: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
      let (front, _) = FrontMatter.parse(text, file: name)
      files["articles/" + name] = front.body
    }
    return files
  }

  @Test func infersTitlesDatesAndDropsBoilerplateFromRawSeeds() throws {
    let fixture = try Fixture(try rawSeeds().merging(["briefing.yml": "title: Raw\n"]) { a, _ in a })
    defer { fixture.remove() }
    try fixture.build()
    let data = Data(try #require(try fixture.site()["data/briefing.json"]).utf8)
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let articles = try #require(root["articles"] as? [[String: Any]])
    let titles = articles.compactMap { $0["title"] as? String }
    #expect(titles.contains("Japan seeks to strengthen alliance with Trump administration"))
    #expect(titles.contains("Japan Prepares For Diplomatic Talks With Trump Administration"))
    let talks = try #require(articles.first { $0["title"] as? String == "Japan Prepares For Diplomatic Talks With Trump Administration" })
    #expect(talks["date"] as? String == "2025-01-13")

    let pages = try fixture.site().filter { $0.key.hasPrefix("articles/") && $0.key != "articles/index.html" }
    #expect(pages.count == 5)
    for (path, html) in pages {
      let body = try #require(html.range(of: "<div class=\"prose\">").map { html[$0.upperBound...] }).prefix { _ in true }
      let text = body[..<(body.range(of: "</div>")?.lowerBound ?? body.endIndex)]
      for furniture in ["print PRINT", "Today : Jan 13, 2025", "World News", "• Ambassador", "Trending Japan"] {
        #expect(!text.contains(furniture), "\(path) still shows \(furniture)")
      }
    }
    // Every sentence of the 2017 article's body is still there.
    let seventeen = try #require(pages.values.first { $0.contains("Japan seeks to strengthen alliance with Trump administration</h1>") })
    #expect(seventeen.contains("there is no point in reacting anxiously to everything he says right now"))
  }
}

/// Mention linking on the bundled briefing: every mention of every person is found.
@Suite struct BundledLinkingTests {
  func bundled() throws -> (json: [String: Any], site: [String: String]) {
    let fileSystem = LocalFileSystem()
    let output = NSTemporaryDirectory() + "briefing-linking-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: output) }
    try Pipeline(fileSystem: fileSystem).build(
      content: repositoryRoot + "/content", templates: repositoryRoot + "/templates", output: output)
    var site: [String: String] = [:]
    for path in try fileSystem.files(under: output) {
      site[path] = String(decoding: try fileSystem.read(output + "/" + path), as: UTF8.self)
    }
    let json = try JSONSerialization.jsonObject(with: Data(site["data/briefing.json"]!.utf8)) as! [String: Any]
    return (json, site)
  }

  /// Each person's family name, counted by hand in each article's title, dek and text.
  static let expected: [String: [String: Int]] = [
    "articles/iwaya-heads-to-washington": [
      "people/donald-trump": 10, "people/takeshi-iwaya": 9, "people/shigeru-ishiba": 1, "people/marco-rubio": 1,
    ],
    "articles/us-japan-alliance-and-trump-2-0": [
      "people/donald-trump": 12, "people/shigeru-ishiba": 2, "people/joe-biden": 3, "people/fumio-kishida": 1,
    ],
    // "Ishiba-Trump summit" in the title is the summit, not the two men.
    "articles/nakatani-hegseth-call-ahead-of-summit": [
      "people/donald-trump": 4, "people/shigeru-ishiba": 4, "people/gen-nakatani": 7, "people/pete-hegseth": 4,
    ],
    "articles/japan-seeks-to-strengthen-alliance-2017": [
      "people/donald-trump": 11, "people/shinzo-abe": 1, "people/yoshihide-suga": 1, "people/yosuke-tsuruho": 1,
    ],
    "articles/japan-prepares-for-diplomatic-talks": [
      "people/donald-trump": 14, "people/shigeru-ishiba": 7, "people/takeshi-iwaya": 7, "people/marco-rubio": 1,
      "people/joe-biden": 1,
    ],
  ]

  @Test func findsEveryMentionOfEveryPerson() throws {
    let articles = try #require(try bundled().json["articles"] as? [[String: Any]])
    for article in articles {
      let id = article["id"] as! String
      var people: [String: Int] = [:]
      for mention in article["mentions"] as! [[String: Any]] where (mention["entity"] as! String).hasPrefix("people/") {
        people[mention["entity"] as! String] = mention["count"] as? Int
      }
      #expect(people == BundledLinkingTests.expected[id], "\(id)")
    }
  }

  @Test func theFirstMentionInEachArticleIsLinkedAndOnlyThat() throws {
    let page = try #require(try bundled().site["articles/nakatani-hegseth-call-ahead-of-summit.html"])
    let rest = page[page.range(of: "<div class=\"prose\">")!.upperBound...]
    let body = rest[..<rest.range(of: "</div>")!.lowerBound]
    #expect(body.components(separatedBy: "href=\"../people/gen-nakatani.html\"").count - 1 == 1)
    #expect(body.contains("Japanese Defense Minister <a class=\"mention\" href=\"../people/gen-nakatani.html\">Gen Nakatani</a>"))
  }

  @Test func the2017InaugurationIsNeverThe2025One() throws {
    let (json, site) = try bundled()
    let page = try #require(site["articles/japan-seeks-to-strengthen-alliance-2017.html"])
    #expect(page.contains("href=\"../events/trump-inauguration-2017.html\">inauguration</a>"))
    #expect(!page.contains("trump-inauguration-2025"))
    let articles = try #require(json["articles"] as? [[String: Any]])
    let talks = try #require(articles.first { $0["id"] as? String == "articles/japan-prepares-for-diplomatic-talks" })
    let events = (talks["mentions"] as! [[String: Any]]).compactMap { $0["entity"] as? String }.filter { $0.hasPrefix("events/trump-inauguration") }
    #expect(events == ["events/trump-inauguration-2025"])
  }

  @Test func personPagesShowTheirMentionsInContext() throws {
    let page = try #require(try bundled().site["people/gen-nakatani.html"])
    #expect(page.contains("Mentions in context"))
    #expect(page.contains("“It was very meaningful...the strength of the Japan-U.S. alliance is indispensable to the peace and stability of the region,” <mark>Nakatani</mark> remarked."))
  }
}
