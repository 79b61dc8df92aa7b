import Testing

@testable import BriefingCore

/// Every date form, resolved against the article date given, including the ones that give nothing.
@Suite struct DateExtractorTests {
  static let article = "2025-01-19"  // a Sunday

  @Test(arguments: [
    (
      "An initial meeting is arranged for February 7, 2025, and both leaders agree.", article, "2025-02-07",
      "day"
    ),
    ("They met on 7 February 2025 in Washington.", article, "2025-02-07", "day"),
    ("They met on Feb. 7 in Washington.", article, "2024-02-07", "day"),
    ("They will meet on Feb. 7 in Washington.", article, "2025-02-07", "day"),
    ("Suga spoke at his news conference on Jan. 20 that day.", "2017-01-21", "2017-01-20", "day"),
    ("The call was conducted on January 31, centered on deterrence.", "2025-02-01", "2025-01-31", "day"),
    ("The date was 2025-02-07 in the record.", article, "2025-02-07", "day"),
    ("A December 30 meeting was held.", "2025-01-02", "2024-12-30", "day"),
    (
      "Anticipated to take office officially on Monday, Trump is likely to act.", article, "2025-01-20", "day"
    ),
    ("He departed from Haneda Airport on Sunday morning.", article, "2025-01-19", "day"),
    ("The vote happened last Thursday in the Diet.", article, "2025-01-16", "day"),
    ("The vote was held on Thursday in the Diet.", article, "2025-01-16", "day"),
    ("The minister will travel on Thursday to Seoul.", article, "2025-01-23", "day"),
    ("The vote happens next Tuesday in the Diet.", article, "2025-01-21", "day"),
    ("The vote happened last Sunday in the Diet.", article, "2025-01-12", "day"),
    (
      "His visit is planned for mid-February, where he hopes to meet Trump.", "2025-01-13", "2025-02",
      "approximate"
    ),
    ("Talks resume in early March.", article, "2025-03", "approximate"),
    ("A decision is due in late January.", article, "2025-01", "approximate"),
    ("Elections are expected in early 2026 at the latest.", article, "2026", "approximate"),
    ("The deal was signed in March 2024 in Tokyo.", article, "2024-03", "month"),
    ("The deal was signed in March in Tokyo.", article, "2024-03", "month"),
    ("The deal will be signed in March in Tokyo.", article, "2025-03", "month"),
  ])
  func readsDates(sentence: String, articleDate: String, iso: String, precision: String) throws {
    let found = try #require(
      DateExtractor.dates(in: sentence, articleDate: BriefingDate(iso: articleDate)).first)
    #expect(found.date.iso == iso)
    #expect(found.date.precision.rawValue == precision)
  }

  @Test(arguments: [
    "Anticipated to take office officially on Monday, Trump is likely to act.",
    "Suga spoke at his news conference on Jan. 20 that day.",
    "His visit is planned for mid-February, where he hopes to meet Trump.",
    "The deal was signed in March in Tokyo.",
  ])
  func anUndatedArticleGivesNoRelativeOrYearlessDates(sentence: String) {
    #expect(DateExtractor.dates(in: sentence, articleDate: nil).isEmpty)
  }

  @Test func anUndatedArticleStillGivesDatesWithTheirOwnYear() {
    let found = DateExtractor.dates(
      in: "An initial meeting is arranged for February 7, 2025.", articleDate: nil)
    #expect(found.map(\.date.iso) == ["2025-02-07"])
    #expect(found.first?.text == "February 7, 2025")
  }

  @Test(arguments: [
    "Such moves may trigger retaliatory tariffs.",
    "Over 50,000 American troops are stationed across the islands.",
    "Article 5 of the treaty covers the islands.",
    "The Quad was formed after the 2004 Indian Ocean tsunami.",
    "The treaty has not been altered since 1960.",
    "March on, said the general.",
    "Monday Night Football is popular.",
    "February 30 does not exist.",
  ])
  func findsNothingWhereThereIsNoDate(sentence: String) {
    #expect(
      DateExtractor.dates(in: sentence, articleDate: BriefingDate(iso: DateExtractorTests.article)).isEmpty)
  }

  @Test func dayNumbersRoundTrip() {
    for day in [-1, 0, 59, 365, 10_957, 20_107, 20_124] {
      #expect(BriefingDate(dayNumber: day).dayNumber == day)
    }
    #expect(BriefingDate(dayNumber: 20_107).iso == "2025-01-19")
  }
}

@Suite struct TimelineBuilderTests {
  func event(_ id: String, _ date: String, people: [String] = []) -> Entity {
    var e = Entity(id: "events/\(id)", kind: .event, slug: id, name: id.capitalized, file: "e")
    e.date = BriefingDate(iso: date)
    return e
  }

  @Test func attachesADatedSentenceToTheEventItSharesPeopleWith() {
    let events = [event("call", "2025-01-31"), event("other", "2025-01-31")]
    let connections = ["events/call": ["people/nakatani"], "events/other": ["people/someone"]]
    let dated = [
      DatedMention(
        date: BriefingDate(iso: "2025-01-31")!, document: "articles/a",
        sentence: "Nakatani spoke on January 31.",
        phrase: "January 31", entities: ["people/nakatani"], context: []),
      DatedMention(
        date: BriefingDate(iso: "2025-01-31")!, document: "articles/a",
        sentence: "Markets fell on January 31.",
        phrase: "January 31", entities: [], context: []),
    ]
    let timeline = TimelineBuilder.build(
      events: events, connections: connections, mentionsByEntity: [:], dated: dated, entityByID: [:])
    #expect(timeline.map(\.title) == ["Call", "Other", "Markets fell on January 31."])
    #expect(timeline[0].sources.map(\.text) == ["Nakatani spoke on January 31."])
    #expect(timeline[1].sources.isEmpty)
    #expect(timeline[2].event == nil)
    #expect(timeline[2].sources.map(\.article) == ["articles/a"])
  }

  @Test func anApproximateDateNeverFallsOnADay() {
    #expect(
      !TimelineBuilder.covers(
        BriefingDate(iso: "2025-02-07")!, nil, BriefingDate(approximately: .mid, year: 2025, month: 2)))
    #expect(TimelineBuilder.covers(BriefingDate(iso: "2025-01")!, nil, BriefingDate(iso: "2025-01-21")!))
    #expect(
      TimelineBuilder.covers(
        BriefingDate(iso: "2025-01-20")!, BriefingDate(iso: "2025-01-22")!, BriefingDate(iso: "2025-01-21")!))
  }
}
