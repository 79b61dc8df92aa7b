import BriefingCore
import Foundation
import Testing

@testable import BriefingSite

/// Search page, structured data and the parts of publishing the Swift side decides.
@Suite struct PublishingTests {
  func render(search: Bool) throws -> [String: String] {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    let (briefing, bodies, _) = try Pipeline(fileSystem: fixture.fileSystem).prepare(content: fixture.content)
    let theme = try Theme.load(from: fixture.templates, fileSystem: fixture.fileSystem)
    let files = try SiteRenderer(briefing: briefing, bodies: bodies, theme: theme, search: search).render()
    return files.mapValues { String(decoding: $0, as: UTF8.self) }
  }

  @Test func aSearchPageExistsOnlyWithASearchIndex() throws {
    let with = try render(search: true)
    #expect(with["search.html"]?.contains("pagefind/pagefind-ui.js") == true)
    #expect(with["index.html"]?.contains("href=\"search.html\"") == true)
    let without = try render(search: false)
    #expect(without["search.html"] == nil)
    #expect(without["index.html"]?.contains("search.html") == false)
    #expect(brokenLinks(in: without) == [])
  }

  @Test func entityAndArticlePagesAreIndexedForSearchButIndexesAreNot() throws {
    let site = try render(search: true)
    #expect(
      site["people/gen-nakatani.html"]?.contains("<main id=\"main\" class=\"wrap\" data-pagefind-body>")
        == true)
    #expect(site["articles/call.html"]?.contains("data-pagefind-body") == true)
    #expect(site["people/index.html"]?.contains("data-pagefind-body") == false)
  }

  @Test func personEventAndArticlePagesCarrySchemaOrgData() throws {
    let site = try render(search: false)
    #expect(
      site["people/gen-nakatani.html"]?.contains(
        #"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","alternateName":["Nakatani"],"name":"Gen Nakatani"}</script>"#
      ) == true)
    #expect(site["events/call.html"]?.contains(#""@type":"Event""#) == true)
    #expect(site["events/call.html"]?.contains(#""startDate":"2025-01-31""#) == true)
    #expect(
      site["articles/call.html"]?.contains(
        #""@type":"NewsArticle","datePublished":"2025-02-01","headline":"The call","publisher":{"@type":"Organization","name":"Test Wire"}"#
      ) == true)
  }

  @Test func structuredDataCannotCloseItsScriptElement() {
    var article = Article(
      id: "articles/x", slug: "x", file: "x", format: .text, title: "</script><script>alert(1)</script>")
    article.dek = "a & b"
    let json = StructuredData.article(article)
    #expect(!json.contains("<"))
    #expect(!json.contains("&"))
    #expect(json.contains(#"\u003c/script\u003e"#))
  }

  @Test func pagefindCanBeTurnedOff() {
    #expect(SearchIndexer.locate(environment: ["BRIEFING_PAGEFIND": "off", "PATH": "/usr/bin"]) == nil)
    #expect(
      SearchIndexer.locate(environment: ["BRIEFING_PAGEFIND": "/opt/pagefind"])?.command == ["/opt/pagefind"])
  }
}
