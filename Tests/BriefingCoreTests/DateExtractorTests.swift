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

  /// Words are split at spaces by bytes when every space stands alone, and by characters when a
  /// space is part of a larger one (a combining mark after it): the dates found are the same as
  /// splitting by characters gives, with the curly quotes and dashes of wire copy or without.
  @Test(arguments: [
    ("An initial meeting is arranged for February 7, 2025.", "February 7, 2025"),
    ("“We meet on February 7, 2025,” he said — briefly.", "February 7, 2025"),
    ("Talks \u{301}are set for February 7, 2025, and no later.", "February 7, 2025"),
    ("Talks \u{200D} are set for February 7, 2025.", "February 7, 2025"),
    ("Talks\u{0600} are set for February 7, 2025 in Oslo.", "February 7, 2025"),
  ])
  func splitsWordsWhereTheCharactersSplit(sentence: String, text: String) {
    let found = DateExtractor.dates(in: sentence, articleDate: nil)
    #expect(found.map(\.date.iso) == ["2025-02-07"])
    #expect(found.first?.text == text)
  }

  /// The cheap test before a sentence is read lets through every word a date can start with,
  /// wherever it stands, and stops a sentence with none.
  @Test func letsThroughEverySentenceThatMayHoldADate() {
    let dated = [
      "in 2025", "today", "Yesterday", "tonight", "Tomorrow", "overnight", "last night", "last month",
      "this morning", "Friday afternoon", "that evening", "on Jan. 5", "in Sept", "by (Mon", "mid-March",
      "YESTERDAY",
    ]
    for words in dated {
      #expect(DateExtractor.mayHoldDate("Officials met \(words), the ministry said."), "\(words)")
      #expect(DateExtractor.mayHoldDate(words), "\(words)")
    }
    for sentence in ["Officials met and talked.", "The union, the council and weekly reviews.", ""] {
      #expect(!DateExtractor.mayHoldDate(sentence), "\(sentence)")
    }
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

  /// Wire copy of 20 November 2001 (a Tuesday): the forms that date the news, and the direction
  /// the tense gives them.
  @Test(arguments: [
    ("The minister said today the talks had failed.", "2001-11-20"),
    ("Police said yesterday two men were arrested.", "2001-11-19"),
    ("Fighting broke out again last night near Kunduz.", "2001-11-19"),
    ("The envoy will arrive tomorrow in Islamabad.", "2001-11-21"),
    ("Today's meeting ended without agreement.", "2001-11-20"),
    ("The Pentagon said Sunday that the raid succeeded.", "2001-11-18"),
    ("Ministers will meet Friday in Brussels.", "2001-11-23"),
    ("Talks resume on Monday in Bonn.", "2001-11-26"),
    ("The strike was launched on December 30, officials said.", "2000-12-30"),
    ("The vote is scheduled for December 30 in Kabul.", "2001-12-30"),
    ("The deal was struck on August 27 of last year in Geneva.", "2000-08-27"),
    ("Parliament was dissolved last December by decree.", "2000-12"),
    ("Elections will be held next March across the country.", "2002-03"),
    ("The March 3 meeting was cancelled at short notice.", "2001-03-03"),
    ("Iwaya is set to attend the inauguration on January 20.", "2002-01-20"),
    ("He spoke at a news conference held after the cabinet meeting on November 19.", "2001-11-19"),
    ("Exports fell sharply last month, figures showed.", "2001-10"),
    ("Alfred Smith said on Monday that talks had failed.", "2001-11-19"),
    ("Asked on Monday whether talks had failed, he said no.", "2001-11-19"),
    ("The minister said after Monday's talks that progress was slow.", "2001-11-19"),
    ("Mr Karzai said talks on January 3 would decide the matter.", "2002-01-03"),
    ("Qantas said services to the US on December 1 would be restored.", "2001-12-01"),
    ("Mr Howard said the Cabinet on Thursday would consider the plan.", "2001-11-22"),
    ("Australian SAS troops arrived at Bagram air base north of Kabul on Thursday.", "2001-11-15"),
    ("The Senate passed the anti-terrorism bill in the early hours of Friday morning.", "2001-11-16"),
    ("The Federal Election was held on Saturday, November 10.", "2001-11-10"),
    ("Mr Downer flew to Islamabad this morning for talks with the president.", "2001-11-20"),
    ("Protesters planned a large demonstration in the city centre on Saturday.", "2001-11-24"),
    ("Stocks rose, leaving the index within 70 points of its record high set on Aug. 6.", "2001-08-06"),
    (
      "The group would be ready to leave for the United States as soon as Wednesday, Castro said.",
      "2001-11-21"
    ),
  ])
  func readsTheDateOfTheNews(sentence: String, iso: String) throws {
    let found = DateExtractor.dates(in: sentence, articleDate: BriefingDate(iso: "2001-11-20"))
    #expect(found.map(\.date.iso) == [iso], "\(sentence)")
  }

  /// Dates that do not date what the sentence reports.
  @Test(arguments: [
    "Troops have been on alert since September 11 across the region.",
    "He spoke again about the September 11 attacks in a speech to troops.",
    "Flags flew at half mast for September's tragedy in the capital.",
    "Aid has poured in after the 2004 tsunami in the region.",
    "Profit rose 12 percent in the six months to June 30, the company said.",
    "Net income fell in the year to June 30 on weaker sales.",
    "Revenue fell in the year ended March 31 on weaker demand.",
    "He was born on March 3, 1950 in Kandahar.",
    "The general celebrated his birthday on Saturday with troops.",
    "They cited a 1999 report on the camps in the north.",
    "The offer stands until December 15 for all shareholders.",
    "They are aiming for a pact by next October at the latest.",
    "He had hoped to finish before leaving for Washington on April 24.",
    "The newspaper USA Today reported the figures first.",
    "Agreement was reached in the year started March 1 by producers.",
    "They discussed a launch date of April 12 for the mission.",
    "He has refused to resign since the crisis broke last November.",
    "Support is needed by the time of June elections in the country.",
    "Twenty soldiers have died since the army's offensive against the rebels in the south in April.",
    "Owners have refused to renew leases which expire on May 14 next year.",
    "The tax applies to imports as of December 1 under the new rules.",
    "Officers were purged in the aftermath of the March 2003 US-led invasion of the country.",
    "Seamen stayed on strike even after the Higher Labour Court Saturday ruled it illegal.",
    "Rescued on Nov. 25 by fishermen off the coast, the boy became a cause.",
    "The September 11 attacks have cost the insurance industry billions of dollars.",
    "September 11 changed everything, the prime minister told parliament.",
    "The dividend is payable to holders of record March 20 under the plan.",
  ])
  func readsNothingThatDoesNotDateTheNews(sentence: String) {
    #expect(
      DateExtractor.dates(in: sentence, articleDate: BriefingDate(iso: "2001-11-20")).isEmpty, "\(sentence)")
  }

  @Test func skipsTheRangesItIsToldToIgnore() {
    let sentence = "WASHINGTON, Nov 20 - Officials said on Monday that “talks on Friday” failed."
    let quote = sentence.utf8.distance(from: sentence.startIndex, to: sentence.firstIndex(of: "“")!)
    let ignoring = [0..<21, quote..<sentence.utf8.count]
    let found = DateExtractor.dates(
      in: sentence, articleDate: BriefingDate(iso: "2001-11-20"), ignoring: ignoring)
    #expect(found.map(\.date.iso) == ["2001-11-19"])
    #expect(DatelineParser.datelinePrefix(sentence) == 21)
    #expect(DatelineParser.datelinePrefix("Officials said on Monday - in Kabul - that talks failed.") == nil)
  }

  @Test func datesStayWithinYearsOneToNineThousandNineHundredNinetyNine() {
    #expect(BriefingDate(iso: "0000-01-01") == nil)
    #expect(
      DateExtractor.dates(in: "He left yesterday.", articleDate: BriefingDate(iso: "0001-01-01")).isEmpty)
    #expect(
      DateExtractor.dates(in: "He leaves tomorrow.", articleDate: BriefingDate(iso: "9999-12-31")).isEmpty)
  }

  @Test func aSentenceGivesAtMostFourDates() {
    let sentence = "Talks were held on Monday, Tuesday, Wednesday, Thursday, Friday and Saturday last week."
    #expect(DateExtractor.dates(in: sentence, articleDate: BriefingDate(iso: "2001-11-20")).count == 4)
  }

  @Test func anApproximateDateBeginsOnItsEarliestDay() {
    #expect(
      BriefingDate(approximately: .mid, year: 2025, month: 2).earliestDay
        == BriefingDate(iso: "2025-02-11")!.dayNumber)
    #expect(
      BriefingDate(approximately: .late, year: 2025, month: 2).earliestDay
        == BriefingDate(iso: "2025-02-21")!.dayNumber)
    #expect(BriefingDate(iso: "2025-02")!.earliestDay == BriefingDate(iso: "2025-02-01")!.dayNumber)
    #expect(BriefingDate(iso: "2025")!.earliestDay == BriefingDate(iso: "2025-01-01")!.dayNumber)
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
      events: events, connections: connections, mentionsOf: { _ in [] }, dated: dated, entityByID: [:])
    #expect(timeline.map(\.title) == ["Call", "Other", "Markets fell on January 31."])
    #expect(timeline[0].sources.map(\.text) == ["Nakatani spoke on January 31."])
    #expect(timeline[1].sources.isEmpty)
    #expect(timeline[2].event == nil)
    #expect(timeline[2].sources.map(\.article) == ["articles/a"])
  }

  func dated(_ sentence: String, _ date: String, _ entities: [String], context: [String] = []) -> DatedMention
  {
    DatedMention(
      date: BriefingDate(iso: date)!, document: "articles/a", sentence: sentence, phrase: date,
      entities: entities, context: context)
  }

  /// A month-precision event needs its name; a sentence with its own day stands on it.
  @Test func aMonthEventTakesOnlySentencesThatNameIt() {
    let events = [event("bonn-talks", "2001-12")]
    let connections = ["events/bonn-talks": ["people/karzai", "people/hill"]]
    let timeline = TimelineBuilder.build(
      events: events, connections: connections, mentionsOf: { _ in [] },
      dated: [
        dated("Karzai met Robert Hill on 23 December 2001.", "2001-12-23", ["people/karzai"]),
        dated("Karzai spoke in December about the talks.", "2001-12", ["people/karzai", "people/hill"]),
        dated("The Bonn talks opened in December.", "2001-12", ["events/bonn-talks"]),
      ], entityByID: [:])
    let talks = timeline.first { $0.event == "events/bonn-talks" }
    #expect(talks?.sources.map(\.text) == ["The Bonn talks opened in December."])
    #expect(
      timeline.first { $0.sources.map(\.text) == ["Karzai met Robert Hill on 23 December 2001."] }?.date.iso
        == "2001-12-23")
  }

  /// On the event's day, two shared names (in the sentence or the one before) are evidence; one is not.
  @Test func aDayEventTakesSentencesThatShareTwoOfItsNames() {
    let events = [event("summit", "2025-02-07")]
    let connections = ["events/summit": ["people/ishiba", "people/trump", "issues/tariffs"]]
    let timeline = TimelineBuilder.build(
      events: events, connections: connections, mentionsOf: { _ in [] },
      dated: [
        dated(
          "A meeting is arranged for February 7.", "2025-02-07", [],
          context: ["people/ishiba", "people/trump"]),
        dated("Trump golfed on February 7.", "2025-02-07", ["people/trump"]),
      ], entityByID: [:])
    #expect(
      timeline.first { $0.event != nil }?.sources.map(\.text) == ["A meeting is arranged for February 7."])
    #expect(timeline.contains { $0.event == nil && $0.title == "Trump golfed on February 7." })
  }

  /// A sentence that names an event but reports another day of its own is not its source.
  @Test func aMentionWithAnotherDayOfItsOwnIsNotASource() {
    let events = [event("inauguration", "2025-01-20")]
    let sentence = "He departed from Haneda on Sunday to attend the inauguration."
    let mention = Mention(
      entity: "events/inauguration", document: "articles/a", sentence: sentence, text: "the inauguration",
      inHeading: false)
    let timeline = TimelineBuilder.build(
      events: events, connections: [:], mentionsOf: { $0 == "events/inauguration" ? [mention] : [] },
      dated: [dated(sentence, "2025-01-19", ["events/inauguration"])], entityByID: [:])
    #expect(timeline.first { $0.event != nil }?.sources.isEmpty == true)
  }

  /// A sentence with two dates stands once, at its first; the same sentence in another article
  /// stands again, for that article; entries of one day are ordered by title.
  @Test func aSentenceStandsOnceForEachArticleThatHasIt() {
    func dated(_ document: String, _ sentence: String, _ date: String) -> DatedMention {
      DatedMention(
        date: BriefingDate(iso: date)!, document: document, sentence: sentence, phrase: date, entities: [],
        context: [])
    }
    let timeline = TimelineBuilder.build(
      events: [], connections: [:], mentionsOf: { _ in [] },
      dated: [
        dated("articles/a", "Talks ran from March 3 to March 5.", "2025-03-03"),
        dated("articles/a", "Talks ran from March 3 to March 5.", "2025-03-05"),
        dated("articles/a", "Banks closed on March 3.", "2025-03-03"),
        dated("articles/a", "Talks ran from March 3 to March 5.", "2025-03-03"),
        dated("articles/b", "Talks ran from March 3 to March 5.", "2025-03-03"),
        dated("articles/b", "Early in 2025, rates rose.", "2025"),
      ], entityByID: [:])
    #expect(
      timeline.map { "\($0.date.iso) \($0.sources[0].article) \($0.title)" } == [
        "2025-03-03 articles/a Banks closed on March 3.",
        "2025-03-03 articles/a Talks ran from March 3 to March 5.",
        "2025-03-03 articles/b Talks ran from March 3 to March 5.",
        "2025 articles/b Early in 2025, rates rose.",
      ])
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
