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
