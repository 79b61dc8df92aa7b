import BriefingCore
import Foundation
import Testing

@testable import BriefingSite

/// Long lists go over several pages, so no page grows with the briefing, and nothing is lost.
@Suite struct PagingTests {
  /// `count` articles, each naming Ada Lovelace in a dated sentence, spread over 2023 and 2024.
  static func manyArticles(_ count: Int) -> [String: String] {
    var files = [
      "briefing.yml": "title: Paging\nlanguage: en\n",
      "people/ada-lovelace.md": "---\nname: Ada Lovelace\n---\n",
    ]
    for n in 0..<count {
      let year = 2023 + n % 2
      let month = 1 + n % 12
      let day = 1 + n % 28
      files["articles/a\(n).md"] =
        "---\ntitle: Article \(n)\ndate: \(year)-\(month < 10 ? "0" : "")\(month)-28\n---\n"
        + "Ada Lovelace opened bridge \(n) on \(BriefingDate.monthNames[month - 1]) \(day), \(year).\n"
    }
    return files
  }

  @Test func longListsAreSplitIntoLinkedPagesThatTogetherHoldEverything() throws {
    let fixture = try Fixture(PagingTests.manyArticles(1_030))
    defer { fixture.remove() }
    try fixture.build()
    let site = try fixture.site()
    #expect(brokenLinks(in: site) == [])

    // The article index: 500 to a page, each page linking the next.
    #expect(site["articles/index.p3.html"] != nil && site["articles/index.p4.html"] == nil)
    #expect(site["articles/index.html"]?.contains("href=\"../articles/index.p2.html\" rel=\"next\"") == true)
    let indexPages = ["articles/index.html", "articles/index.p2.html", "articles/index.p3.html"]
    for n in [0, 499, 500, 1_029] {
      #expect(indexPages.filter { site[$0]!.contains("href=\"../articles/a\(n).html\"") }.count == 1)
    }

    // The person's mentions: 25 articles to a page, in pages beside the first.
    let person = (1...42).map { Paging.path("people/ada-lovelace.html", page: $0) }
    #expect(site[person[41]] != nil && site["people/ada-lovelace.p43.html"] == nil)
    #expect(site[person[1]]?.contains("Ada Lovelace, page 2 of 42") == true)
    for n in [0, 26, 1_029] {
      let holding = person.filter { site[$0]!.contains("href=\"../articles/a\(n).html\"") }
      #expect(!holding.isEmpty, "article \(n) is on none of the person's pages")
    }

    // The timeline: an index of pages by year and month, each entry on exactly one of them.
    let timeline = try #require(site["timeline.html"])
    #expect(timeline.contains("href=\"timeline-2023-01.html\""))
    #expect(!timeline.contains("bridge 7 "))
    let parts = site.keys.filter { $0.hasPrefix("timeline-") }
    #expect(parts.count == 12)  // each year has more than 500 entries: a page a month
    for n in [0, 7, 1_029] {
      #expect(parts.filter { site[$0]!.contains("opened bridge \(n) on") }.count == 1)
    }
    // The largest page stays small however many articles there are.
    let largest = site.filter { $0.key.hasSuffix(".html") }.max { $0.value.utf8.count < $1.value.utf8.count }!
    #expect(largest.value.utf8.count < 300_000, "\(largest.key)")
  }

  @Test func aShortBriefingKeepsOnePageForEachList() throws {
    let fixture = try Fixture(PagingTests.manyArticles(20))
    defer { fixture.remove() }
    try fixture.build()
    let site = try fixture.site()
    #expect(site.keys.filter { $0.contains(".p2.") || $0.hasPrefix("timeline-") }.isEmpty)
    #expect(site["timeline.html"]?.contains("opened bridge 7 on") == true)
    #expect(site["people/ada-lovelace.html"]?.contains("class=\"pager\"") == false)
  }

  @Test func timelinePartsSplitLongYearsByMonthAndLongMonthsIntoParts() {
    func entry(_ year: Int, _ month: Int?) -> TimelineEntry {
      TimelineEntry(
        date: BriefingDate(year: year, month: month, day: nil), end: nil, title: "x", event: nil,
        entities: [],
        sources: [])
    }
    let timeline =
      Array(repeating: entry(2020, 5), count: 3) + Array(repeating: entry(2021, nil), count: 2)
      + Array(repeating: entry(2021, 2), count: 5) + Array(repeating: entry(2021, 3), count: 1)
    let parts = Paging.timelineParts(Timeline(timeline), limit: 4)
    #expect(
      parts.map(\.path) == [
        "timeline-2020.html", "timeline-2021-year.html", "timeline-2021-02.html", "timeline-2021-02.p2.html",
        "timeline-2021-03.html",
      ])
    #expect(parts.map(\.range) == [0..<3, 3..<5, 5..<9, 9..<10, 10..<11])
    #expect(parts[2].title == "February 2021, part 1 of 2")
  }
}
