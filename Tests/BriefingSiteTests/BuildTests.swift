import BriefingCore
import Foundation
import Testing

@testable import BriefingSite

@Suite struct BuildTests {
  @Test func buildsEveryPageWithoutBrokenLinks() throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    try fixture.build()
    let site = try fixture.site()
    for page in [
      "index.html", "timeline.html", "404.html", "feed.xml", "data/briefing.json", "assets/style.css",
      "people/index.html", "people/gen-nakatani.html", "events/index.html", "events/call.html",
      "issues/defense-spending.html", "organizations/nhk.html", "articles/index.html", "articles/call.html",
      "articles/plain.html", ".briefing-site",
    ] {
      #expect(site[page] != nil, "missing \(page)")
    }
    #expect(site["sitemap.xml"] == nil)
    #expect(brokenLinks(in: site) == [])
  }

  @Test func pagesLinkThroughFrontMatterAndWikilinks() throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    try fixture.build()
    let site = try fixture.site()
    let person = try #require(site["people/gen-nakatani.html"])
    #expect(person.contains("href=\"../events/call.html\""))
    #expect(person.contains("<mark>Gen Nakatani</mark> spoke with Pete Hegseth on the call."))
    let article = try #require(site["articles/call.html"])
    #expect(article.contains("<a href=\"../people/gen-nakatani.html\">Gen Nakatani</a>"))
    #expect(article.contains("Test Wire"))
    let timeline = try #require(site["timeline.html"])
    #expect(timeline.contains("31 January 2025"))
    #expect(timeline.contains("href=\"events/call.html\""))
    let front = try #require(site["index.html"])
    #expect(front.contains("<a href=\"people/gen-nakatani.html\">Gen Nakatani</a>"))
  }

  @Test func escapesContentAndDropsScriptLinks() throws {
    var files = smallBriefing
    files["articles/evil.md"] =
      "---\ntitle: <b>Bold</b> & \"quoted\"\n---\n<script>alert(1)</script>\n\n[click](javascript:alert(1)) and <img src=x onerror=alert(1)>\n"
    let fixture = try Fixture(files)
    defer { fixture.remove() }
    try fixture.build()
    let site = try fixture.site()
    let evil = try #require(site["articles/evil.html"])
    #expect(!evil.contains("<script>"))
    #expect(!evil.contains("javascript:"))
    #expect(!evil.contains("onerror"))
    #expect(evil.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot;"))
    let plain = try #require(site["articles/plain.html"])
    #expect(plain.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
  }

  @Test func identicalInputGivesByteIdenticalOutput() throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    try fixture.build()
    let first = try fixture.site()
    try fixture.build()
    let second = try fixture.site()
    for (path, text) in first where second[path] != text { Issue.record("differs: \(path)") }
    #expect(second.keys.sorted() == first.keys.sorted())
  }

  @Test func exportsSchemaOneJSON() throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    try fixture.build()
    let data = Data(try #require(try fixture.site()["data/briefing.json"]).utf8)
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(root["schema"] as? Int == 1)
    #expect(root["title"] as? String == "Test briefing")
    #expect(root["asOf"] as? String == "2025-02-01")
    let entities = try #require(root["entities"] as? [[String: Any]])
    let nakatani = try #require(entities.first { $0["id"] as? String == "people/gen-nakatani" })
    #expect(nakatani["kind"] as? String == "person")
    #expect(nakatani["url"] as? String == "people/gen-nakatani.html")
    #expect(nakatani["aliases"] as? [String] == ["Nakatani", "Nakatani Gen"])  // with the derived one
    #expect(nakatani["date"] is NSNull)
    #expect(nakatani["mentions"] as? Int == 1)
    let articles = try #require(root["articles"] as? [[String: Any]])
    let call = try #require(articles.first { $0["id"] as? String == "articles/call" })
    #expect(call["date"] as? String == "2025-02-01")
    #expect(call["source"] as? String == "Test Wire")
    let plain = try #require(articles.first { $0["id"] as? String == "articles/plain" })
    #expect(plain["source"] is NSNull)
    let counts = try #require(call["mentions"] as? [[String: Any]])
    #expect(
      counts.map { $0["entity"] as? String } == ["events/call", "people/gen-nakatani", "people/pete-hegseth"])
    let timeline = try #require(root["timeline"] as? [[String: Any]])
    #expect(timeline.count == 1)
    #expect(timeline[0]["date"] as? String == "2025-01-31")
    #expect(timeline[0]["precision"] as? String == "day")
    #expect(timeline[0]["event"] as? String == "events/call")
    #expect(
      timeline[0]["entities"] as? [String] == [
        "issues/defense-spending", "people/gen-nakatani", "people/pete-hegseth",
      ])
    let sources = try #require(timeline[0]["sources"] as? [[String: Any]])
    #expect(sources.first?["article"] as? String == "articles/call")
  }

  @Test func aSitemapIsWrittenWhenABaseURLIsSet() throws {
    var files = smallBriefing
    files["briefing.yml"] = "title: Test\nbase_url: https://example.org/briefing\n"
    let fixture = try Fixture(files)
    defer { fixture.remove() }
    try fixture.build()
    let sitemap = try #require(try fixture.site()["sitemap.xml"])
    #expect(sitemap.contains("<loc>https://example.org/briefing/people/gen-nakatani.html</loc>"))
    #expect(!sitemap.contains("404.html"))
  }
}

/// Quotes whose speaker has no note keep the name, in the data and on the page.
@Suite struct SpeakerNameTests {
  @Test func aSpeakerWithoutANoteKeepsTheNameAsText() throws {
    let fixture = try Fixture([
      "briefing.yml": "title: T\n",
      "people/hamid-karzai.md": "---\nname: Hamid Karzai\naliases: [Karzai]\n---\n",
      "issues/peace-talks.md": "---\nname: Peace talks\naliases: [talks]\n---\n",
      "articles/a.txt": """
      ---
      title: Talks
      date: 2001-12-20
      ---
      Karzai met Pentagon spokesman Rear Admiral John Stufflebeem on Thursday.
      "The talks went well and we are making progress," Stufflebeem said.
      "We will hold more talks with every Afghan leader," Karzai said.
      """,
    ])
    defer { fixture.remove() }
    try fixture.build()
    let site = try fixture.site()
    let data = Data(try #require(site["data/briefing.json"]).utf8)
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let quotes = try #require(root["quotes"] as? [[String: Any]])
    #expect(quotes.count == 2)
    #expect(quotes.first?["speaker"] is NSNull)
    #expect(quotes.first?["speakerName"] as? String == "John Stufflebeem")
    #expect(quotes.last?["speaker"] as? String == "people/hamid-karzai")
    #expect(quotes.last?["speakerName"] as? String == "Hamid Karzai")
    // The issue page's "what was said" names both speakers.
    let page = try #require(site["issues/peace-talks.html"])
    #expect(page.contains("John Stufflebeem, <a href"))
    #expect(page.contains(">Hamid Karzai</a>, <a href"))
  }
}

/// "Latest developments" and "Upcoming" split at the as-of date by each entry's earliest day.
@Suite struct AsOfTests {
  @Test func entriesAreLatestOrUpcomingByTheirEarliestDay() throws {
    let fixture = try Fixture([
      "briefing.yml": "title: T\n",
      "events/budget-month.md": "---\nname: Budget month\ndate: 2025-02\n---\n",
      "events/state-visit.md": "---\nname: State visit\ndate: 2025-02-07\n---\n",
      "events/january-talks.md": "---\nname: January talks\ndate: 2025-01-20\n---\n",
      "articles/a.txt": """
      ---
      title: Plans
      date: 2025-02-01
      ---
      The prime minister plans a trip for mid-February, aides said.
      """,
    ])
    defer { fixture.remove() }
    try fixture.build()
    let page = try #require(try fixture.site()["index.html"])
    let split = try #require(page.range(of: "id=\"upcoming-h\""))
    let latest = page[..<split.lowerBound]
    let upcoming = page[split.upperBound...]
    #expect(latest.contains("Budget month"))  // its month has begun
    #expect(latest.contains("January talks"))
    #expect(upcoming.contains("State visit"))
    #expect(upcoming.contains("mid-February"))  // from the 11th
    #expect(!latest.contains("mid-February"))
  }

  @Test func anArticleDateMustBeADay() throws {
    let fixture = try Fixture([
      "briefing.yml": "title: T\n",
      "articles/a.txt": "---\ntitle: A\ndate: 2001-12\n---\nText.\n",
    ])
    defer { fixture.remove() }
    #expect(throws: BriefingError.self) { try fixture.build() }
  }
}

/// Pages and files that would otherwise grow without bound.
@Suite struct BoundedOutputTests {
  @Test func theFeedHoldsTheLatestFiftyArticles() throws {
    var files = ["briefing.yml": "title: T\n"]
    for n in 1...60 {
      let day = String(format: "%02d", (n - 1) % 28 + 1)
      let month = n <= 28 ? "01" : n <= 56 ? "02" : "03"
      files["articles/a\(n).txt"] = "---\ntitle: Article \(n)\ndate: 2025-\(month)-\(day)\n---\nText \(n).\n"
    }
    // The 50th newest shares its day with Article 11, and goes first by title.
    files["articles/tie.txt"] = "---\ntitle: Article 10b\ndate: 2025-01-11\n---\nText tie.\n"
    let fixture = try Fixture(files)
    defer { fixture.remove() }
    try fixture.build()
    let feed = try #require(try fixture.site()["feed.xml"])
    #expect(feed.components(separatedBy: "<entry>").count - 1 == 50)
    #expect(feed.contains("Article 60"))  // the newest
    #expect(!feed.contains("Article 1<"))  // the oldest
    #expect(!feed.contains("Article 11<"))
    // Each entry's summary is its article's first paragraph, kept for the feed alone.
    for n in 12...60 { #expect(feed.contains("Text \(n).")) }
    #expect(feed.contains("Text tie."))
  }

  @Test func onlyArticlesThatCanBeInTheFeedKeepTheirFirstParagraph() {
    func article(_ id: String, _ day: Int) -> Article {
      Article(
        id: id, slug: id, file: id, format: .text, title: id,
        date: BriefingDate(year: 2025, month: 1, day: day))
    }
    let dated = (1...60).map { article("articles/a\($0)", ($0 - 1) % 28 + 1) }
    // Days 1 to 28 twice, and 1 to 4 again: the 49th and 50th newest are on day 4.
    #expect(SiteRenderer.feedDateKey(dated) == BriefingDate(year: 2025, month: 1, day: 4).orderKey)
    #expect(SiteRenderer.feedDateKey(Array(dated.prefix(50))) == Int.min)
    // An id given twice counts once.
    #expect(SiteRenderer.feedDateKey(dated.prefix(50) + [dated[0]]) == Int.min)
  }

  @Test func theSitemapSplitsPastItsLimitWithAnIndex() {
    let pages = ["a.html", "b.html", "c.html", "d.html", "e.html"]
    let files = SiteRenderer.sitemapFiles(pages: pages, base: "https://x.org/", limit: 2) {
      Array($0.joined(separator: ",").utf8)
    }
    #expect(files.map(\.0) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"])
    #expect(String(decoding: files[2].1, as: UTF8.self) == "e.html")
    let index = String(decoding: files[3].1, as: UTF8.self)
    #expect(index.contains("<sitemapindex"))
    #expect(index.contains("<loc>https://x.org/sitemap-3.xml</loc>"))
    #expect(
      SiteRenderer.sitemapFiles(pages: pages, base: "", limit: 5) { _ in [] }.map(\.0) == ["sitemap.xml"])
  }
}
