import BriefingCore
import Foundation
import Testing

@testable import BriefingSite

/// The bundled briefing in content/ and the five seed articles as clipped.
@Suite struct BundledBriefingTests {
  @Test func theBundledBriefingBuildsWithoutErrorsOrBrokenLinks() throws {
    let bundled = try BundledSite.build()
    #expect(!bundled.diagnostics.hasErrors)
    let site = bundled.files
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
    let talks = try #require(
      articles.first {
        $0["title"] as? String == "Japan Prepares For Diplomatic Talks With Trump Administration"
      })
    #expect(talks["date"] as? String == "2025-01-13")

    let pages = try fixture.site().filter { $0.key.hasPrefix("articles/") && $0.key != "articles/index.html" }
    #expect(pages.count == 5)
    for (path, html) in pages {
      let body = try #require(html.range(of: "<div class=\"prose\">").map { html[$0.upperBound...] }).prefix {
        _ in true
      }
      let text = body[..<(body.range(of: "</div>")?.lowerBound ?? body.endIndex)]
      for furniture in [
        "print PRINT", "Today : Jan 13, 2025", "World News", "• Ambassador", "Trending Japan",
      ] {
        #expect(!text.contains(furniture), "\(path) still shows \(furniture)")
      }
    }
    // Every sentence of the 2017 article's body is still there.
    let seventeen = try #require(
      pages.values.first { $0.contains("Japan seeks to strengthen alliance with Trump administration</h1>") })
    #expect(seventeen.contains("there is no point in reacting anxiously to everything he says right now"))
  }
}

/// Mention linking on the bundled briefing: every mention of every person is found.
@Suite struct BundledLinkingTests {
  func bundled() throws -> (json: [String: Any], site: [String: String]) {
    let bundled = try BundledSite.build()
    return (bundled.json, bundled.files)
  }

  /// Each person's family name, counted by hand in each article's title, dek and text.
  static let expected: [String: [String: Int]] = [
    "articles/iwaya-heads-to-washington": [
      "people/donald-trump": 10, "people/takeshi-iwaya": 9, "people/shigeru-ishiba": 1,
      "people/marco-rubio": 1,
    ],
    "articles/us-japan-alliance-and-trump-2-0": [
      "people/donald-trump": 12, "people/shigeru-ishiba": 2, "people/joe-biden": 3, "people/fumio-kishida": 1,
    ],
    // "Ishiba-Trump summit" in the title is the summit, not the two men.
    "articles/nakatani-hegseth-call-ahead-of-summit": [
      "people/donald-trump": 5, "people/shigeru-ishiba": 5, "people/gen-nakatani": 7,
      "people/pete-hegseth": 4,
    ],
    "articles/japan-seeks-to-strengthen-alliance-2017": [
      "people/donald-trump": 11, "people/shinzo-abe": 1, "people/yoshihide-suga": 1,
      "people/yosuke-tsuruho": 1,
    ],
    "articles/japan-prepares-for-diplomatic-talks": [
      "people/donald-trump": 14, "people/shigeru-ishiba": 7, "people/takeshi-iwaya": 7,
      "people/marco-rubio": 1,
      "people/joe-biden": 1,
    ],
  ]

  @Test func findsEveryMentionOfEveryPerson() throws {
    let articles = try #require(try bundled().json["articles"] as? [[String: Any]])
    for article in articles {
      let id = article["id"] as! String
      var people: [String: Int] = [:]
      for mention in article["mentions"] as! [[String: Any]]
      where (mention["entity"] as! String).hasPrefix("people/") {
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
    #expect(
      body.contains(
        "Japanese Defense Minister <a class=\"mention\" href=\"../people/gen-nakatani.html\">Gen Nakatani</a>"
      ))
  }

  @Test func the2017InaugurationIsNeverThe2025One() throws {
    let (json, site) = try bundled()
    let page = try #require(site["articles/japan-seeks-to-strengthen-alliance-2017.html"])
    #expect(page.contains("href=\"../events/trump-inauguration-2017.html\">inauguration</a>"))
    #expect(!page.contains("trump-inauguration-2025"))
    let articles = try #require(json["articles"] as? [[String: Any]])
    let talks = try #require(
      articles.first { $0["id"] as? String == "articles/japan-prepares-for-diplomatic-talks" })
    let events = (talks["mentions"] as! [[String: Any]]).compactMap { $0["entity"] as? String }.filter {
      $0.hasPrefix("events/trump-inauguration")
    }
    #expect(events == ["events/trump-inauguration-2025"])
  }

  @Test func personPagesShowTheirMentionsInContext() throws {
    let page = try #require(try bundled().site["people/gen-nakatani.html"])
    #expect(page.contains("Mentions in context"))
    #expect(
      page.contains(
        "“It was very meaningful...the strength of the Japan-U.S. alliance is indispensable to the peace and stability of the region,” <mark>Nakatani</mark> remarked."
      ))
  }
}

/// The timeline of the bundled briefing.
@Suite struct BundledTimelineTests {
  func timeline() throws -> (entries: [[String: Any]], page: String) {
    let bundled = try BundledSite.build()
    return (bundled.json["timeline"] as! [[String: Any]], bundled.files["timeline.html"]!)
  }

  func entry(_ entries: [[String: Any]], event: String) -> [String: Any]? {
    entries.first { $0["event"] as? String == event }
  }

  func sources(_ entry: [String: Any]?) -> [String] {
    ((entry?["sources"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
  }

  @Test func hasTheKeyEventsWithSourcesFromTheArticles() throws {
    let entries = try timeline().entries
    let cases: [(String, String, String)] = [
      ("events/trump-inauguration-2025", "2025-01-20", "Anticipated to take office officially on Monday"),
      ("events/quad-foreign-ministers-meeting-2025", "2025-01-21", "Quad foreign ministers' meeting"),
      ("events/nakatani-hegseth-call", "2025-01-31", "conducted on January 31"),
      ("events/ishiba-trump-summit-2025", "2025-02-07", "arranged for February 7, 2025"),
      ("events/trump-inauguration-2017", "2017-01-20", "inauguration speech"),
      ("events/suga-news-conference-2017", "2017-01-20", "news conference on Jan. 20"),
    ]
    for (event, date, words) in cases {
      let found = entry(entries, event: event)
      #expect(found?["date"] as? String == date, "\(event)")
      #expect(sources(found).contains { $0.contains(words) }, "\(event) lacks a source with '\(words)'")
    }
  }

  /// A sentence joins an event by evidence: one shared name on the event's day is not enough, and a
  /// sentence with a day of its own never joins an event on another day.
  @Test func sentencesJoinEventsOnlyByEvidence() throws {
    let entries = try timeline().entries
    // Names only the Quad, not the meeting: it stands on its own date.
    let quad = try #require(
      entries.first { sources($0).contains { $0.contains("discussions on January 21") } })
    #expect(quad["event"] is NSNull)
    #expect(quad["date"] as? String == "2025-01-21")
    // Names the inauguration but reports Sunday the 19th.
    let inauguration = entry(entries, event: "events/trump-inauguration-2025")
    #expect(!sources(inauguration).contains { $0.contains("departed from Haneda Airport on Sunday") })
    let departure = entry(entries, event: "events/iwaya-departs-for-washington")
    #expect(sources(departure).contains { $0.contains("departed from Haneda Airport on Sunday") })
    #expect(!sources(entry(entries, event: "events/iwaya-visit-to-south-korea")).isEmpty)
  }

  @Test func ishibasVisitIsAnApproximateEntryInMidFebruary() throws {
    let entries = try timeline().entries
    let visit = try #require(
      entries.first { ($0["title"] as? String)?.contains("Ishiba's visit to the United States") == true })
    #expect(visit["date"] as? String == "2025-02")
    #expect(visit["precision"] as? String == "approximate")
    #expect(visit["part"] as? String == "mid")
    #expect(visit["event"] is NSNull)
    #expect((visit["entities"] as? [String])?.contains("people/shigeru-ishiba") == true)
  }

  @Test func the2017ArticleNeverLandsIn2025() throws {
    let entries = try timeline().entries
    for entry in entries {
      let fromSeventeen = ((entry["sources"] as? [[String: Any]]) ?? []).contains {
        $0["article"] as? String == "articles/japan-seeks-to-strengthen-alliance-2017"
      }
      if fromSeventeen { #expect((entry["date"] as! String).hasPrefix("2017"), "\(entry["title"]!)") }
    }
  }

  @Test func isInChronologicalOrderAndEveryEntryHasASourceOrIsCurated() throws {
    let (entries, page) = try timeline()
    let dates = entries.map { BriefingDate(iso: $0["date"] as! String)! }
    #expect(dates == dates.sorted())
    for entry in entries where entry["event"] is NSNull {
      #expect(!((entry["sources"] as? [[String: Any]]) ?? []).isEmpty)
    }
    let y2017 = try #require(page.range(of: "id=\"y2017\""))
    let y2025 = try #require(page.range(of: "id=\"y2025\""))
    #expect(y2017.lowerBound < y2025.lowerBound)
    #expect(page.contains("mid-February 2025"))
  }
}

/// An undated article's relative and year-less dates appear nowhere.
@Suite struct UndatedArticleTests {
  @Test func itsMondayAndJan20StayOffTheTimeline() throws {
    var files = smallBriefing
    files["articles/undated.txt"] =
      "Nakatani will speak on Monday. Gen Nakatani spoke on Jan. 20 with Hegseth.\n"
    files["articles/dated.txt"] = "---\ndate: 2025-01-15\n---\nGen Nakatani will travel on Monday to Tokyo.\n"
    let fixture = try Fixture(files)
    defer { fixture.remove() }
    let diagnostics = fixture.check()
    #expect(
      diagnostics.contains {
        $0.file.hasSuffix("articles/undated.txt") && $0.severity == .warning && $0.message.contains("no date")
      })
    try fixture.build()
    let site = try fixture.site()
    let timeline = try #require(site["timeline.html"])
    #expect(!timeline.contains("will speak on Monday"))
    #expect(!timeline.contains("spoke on Jan. 20"))
    #expect(timeline.contains("Gen Nakatani will travel on Monday to Tokyo."))
    #expect(timeline.contains("20 January 2025"))  // the dated article's Monday
    let json =
      try JSONSerialization.jsonObject(with: Data(try #require(site["data/briefing.json"]).utf8))
      as! [String: Any]
    let entries = json["timeline"] as! [[String: Any]]
    #expect(!entries.contains { "\($0)".contains("speak on Monday") || "\($0)".contains("spoke on Jan. 20") })
  }

  @Test func writesACalendarOfTheDatedEvents() throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    try fixture.build()
    let ics = try #require(try fixture.site()["events.ics"])
    #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
    #expect(
      ics.contains(
        "BEGIN:VEVENT\r\nUID:events/call@briefing.invalid\r\nDTSTAMP:20250201T000000Z\r\nDTSTART;VALUE=DATE:20250131\r\nDTEND;VALUE=DATE:20250201\r\nSUMMARY:Nakatani–Hegseth call\r\nEND:VEVENT"
      ))
    #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
  }

  /// A bare CR would end a line for some readers; a date after 9999-12-31 has no iCalendar form.
  @Test func calendarLinesHoldNoBareCRAndFourDigitYears() throws {
    var files = smallBriefing
    files["events/far.md"] =
      "---\ntitle: Far\ndate: 9999-12-31\nsummary: \"one\\rBEGIN:VEVENT\\r\\ntwo\"\n---\n"
    let fixture = try Fixture(files)
    defer { fixture.remove() }
    try fixture.build()
    let ics = try #require(try fixture.site()["events.ics"])
    #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
    #expect(
      ics.contains(
        "DTSTART;VALUE=DATE:99991231\r\nSUMMARY:Far\r\nDESCRIPTION:one\\nBEGIN:VEVENT\\ntwo\r\nEND:VEVENT"))
  }
}

/// Issue and person pages of the bundled briefing read like a briefing.
@Suite struct BundledBriefingPagesTests {
  func build() throws -> (json: [String: Any], site: [String: String]) {
    let bundled = try BundledSite.build()
    return (bundled.json, bundled.files)
  }

  @Test func attributesEveryQuoteToItsSpeaker() throws {
    let quotes = try #require(try build().json["quotes"] as? [[String: Any]])
    func speaker(of words: String) -> String? {
      quotes.first { ($0["text"] as? String)?.contains(words) == true }?["speaker"] as? String
    }
    #expect(speaker(of: "It was very meaningful") == "people/gen-nakatani")
    #expect(
      speaker(of: "Strengthening the Japan-U.S. alliance is the most important policy")
        == "people/gen-nakatani")
    #expect(speaker(of: "We would like to first build a relationship of trust") == "people/takeshi-iwaya")
    #expect(speaker(of: "Such moves could trigger retaliatory tariffs") == "people/takeshi-iwaya")
    #expect(
      speaker(of: "plays an extremely important role for peace and prosperity") == "people/yoshihide-suga")
    #expect(speaker(of: "we will also consolidate the bilateral alliance") == "people/yoshihide-suga")
    #expect(speaker(of: "Iwaya hopes to confirm they share a policy") == "organizations/nikkei")
    #expect(speaker(of: "Iwaya hopes the series of meetings") == "organizations/nhk")
    #expect(
      speaker(of: "I hope that Mr. Trump and other administration officials") == "people/yosuke-tsuruho")
    let unattributed = quotes.first {
      ($0["text"] as? String)?.contains("financial share is greater") == true
    }
    #expect(unattributed?["speaker"] is NSNull)
    #expect(quotes.allSatisfy { $0["article"] is String && $0["date"] != nil })
  }

  @Test func everyIssuePageShowsItsPassagesAndTimeline() throws {
    let (json, site) = try build()
    let issues = (json["entities"] as! [[String: Any]]).filter { $0["kind"] as? String == "issue" }
    #expect(issues.count >= 8)
    for issue in issues {
      let id = issue["id"] as! String
      let page = try #require(site["\(id).html"])
      if !((issue["passages"] as? [Any]) ?? []).isEmpty {
        #expect(page.contains("What the articles say"), "\(id)")
        #expect(page.contains("class=\"passage-text\""), "\(id)")
      }
      let timeline = (json["timeline"] as! [[String: Any]]).filter {
        ($0["entities"] as? [String])?.contains(id) == true
      }
      if !timeline.isEmpty { #expect(page.contains("id=\"tl-h\""), "\(id)") }
    }
    let hns = try #require(site["issues/host-nation-support.html"])
    #expect(hns.contains("Key people"))
    #expect(hns.contains("<mark>Host Nation Support</mark>"))
  }

  @Test func personAndOrganizationPagesShowWhatTheySaid() throws {
    let site = try build().site
    let nakatani = try #require(site["people/gen-nakatani.html"])
    #expect(nakatani.contains("In their own words"))
    #expect(nakatani.contains("It was very meaningful...the strength of the Japan-U.S. alliance"))
    let nhk = try #require(site["organizations/nhk.html"])
    let said = try #require(nhk.range(of: "What NHK said or reported").map { nhk[$0.upperBound...] })
    let section = said[..<said.range(of: "</section>")!.lowerBound]
    #expect(section.contains("Iwaya hopes the series of meetings"))
    #expect(!section.contains("We would like to first build"))
  }

  @Test func printingAnIssuePageHidesNavigationAndShowsLinkTargets() throws {
    let css = try String(contentsOfFile: repositoryRoot + "/templates/assets/style.css", encoding: .utf8)
    let print = try #require(css.range(of: "@media print").map { css[$0.lowerBound...] })
    #expect(print.contains(".site-header"))
    #expect(print.contains("display: none"))
    #expect(print.contains("attr(href)"))
  }
}
