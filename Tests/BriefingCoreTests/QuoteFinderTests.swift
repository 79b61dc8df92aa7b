import Testing

@testable import BriefingCore

/// Quote detection and attribution on hand-written paragraphs.
@Suite struct QuoteFinderTests {
  static let entities: [Entity] = [
    Entity(id: "people/gen-nakatani", kind: .person, slug: "gen-nakatani", name: "Gen Nakatani", file: "a"),
    Entity(
      id: "people/takeshi-iwaya", kind: .person, slug: "takeshi-iwaya", name: "Takeshi Iwaya", file: "b"),
    Entity(id: "organizations/nhk", kind: .organization, slug: "nhk", name: "NHK", file: "c"),
    Entity(id: "organizations/nikkei", kind: .organization, slug: "nikkei", name: "Nikkei", file: "d"),
    Entity(
      id: "issues/tariffs", kind: .issue, slug: "tariffs", name: "Tariffs", aliases: ["tariffs"], file: "e"),
  ]

  /// Each quote found in `paragraphs` as "speaker: text".
  func quotes(_ paragraphs: [String]) -> [String] {
    let linker = DocumentLinker(entities: QuoteFinderTests.entities, policy: .first)
    let runs = paragraphs.enumerated().map { DocumentLinker.Run(text: $1, line: $0 + 1, wikilinks: false) }
    let result = linker.link(runs, context: .init(document: "articles/a", file: "a.txt", date: nil))
    return result.findings.quotes.map { "\($0.speaker ?? "nobody"): \($0.text)" }
  }

  @Test(arguments: [
    (
      "“It was very meaningful for both of us,” Nakatani remarked.",
      "people/gen-nakatani: It was very meaningful for both of us"
    ),
    (
      "\"We would like to first build trust\" with the new team, Iwaya stated during talks with NHK.",
      "people/takeshi-iwaya: We would like to first build trust"
    ),
    (
      "\"Iwaya hopes to confirm the alliance,” stated Nikkei, underscoring the point.",
      "organizations/nikkei: Iwaya hopes to confirm the alliance"
    ),
    (
      "“Iwaya hopes the meetings will help,” highlighted NHK.",
      "organizations/nhk: Iwaya hopes the meetings will help"
    ),
    (
      "Nakatani conveyed the urgency, stating, \"Strengthening the alliance is the most important policy.\"",
      "people/gen-nakatani: Strengthening the alliance is the most important policy."
    ),
    (
      "Gen Nakatani emphasized at his news conference that the alliance “plays an extremely important role for peace.”",
      "people/gen-nakatani: plays an extremely important role for peace."
    ),
  ])
  func attributesTheSubjectOfASpeechVerb(paragraph: String, expected: String) {
    #expect(quotes([paragraph]) == [expected])
  }

  @Test func heSaidMeansThePersonLastNamedOutsideQuotes() {
    #expect(
      quotes([
        "Tariffs worry Iwaya. \"Such moves could trigger retaliatory tariffs and shrink the economy,\" he warned.",
        "He said that “we will also consolidate the alliance with them,” indicating resolve.",
      ]) == [
        "people/takeshi-iwaya: Such moves could trigger retaliatory tariffs and shrink the economy",
        "people/takeshi-iwaya: we will also consolidate the alliance with them",
      ])
  }

  @Test(arguments: [
    // No speaker at all.
    "The government's position is that “Japan's share is greater than others',” according to a source.",
    // A name inside the quote is not its speaker.
    "“Nakatani will meet Iwaya next week in Tokyo,” officials reckon.",
    // "he" with nobody named before it.
    "\"This cannot go on much longer,\" he warned.",
    // The subject of a verb that is not a speech verb.
    "Nakatani regards the alliance as the “cornerstone of its foreign and security policies.”",
  ])
  func staysUnattributedWithoutAClearSpeaker(paragraph: String) {
    let found = quotes([paragraph])
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("nobody: ") == true, "\(found)")
  }

  @Test func readsQuotesWrittenWithBackticks() {
    #expect(
      quotes(["``We would like to first build trust with them,'' Iwaya stated."]) == [
        "people/takeshi-iwaya: We would like to first build trust with them"
      ])
  }

  /// The reader is skipped for text without a quotation mark: every mark the tokenizer reads
  /// must be seen, each alone in an otherwise plain article, and apostrophes and single quotes
  /// must not count.
  @Test func seesEveryQuotationMarkBeforeReading() {
    for mark in ["\"", "“", "”", "``", "''"] {
      #expect(QuoteFinder.mayQuote("Iwaya said \(mark)it was fine"), "\(mark)")
    }
    for plain in ["Iwaya's talks on Japan’s ‘security’ went on — and on.", "Café ünd naïve", "`one' tick"] {
      #expect(!QuoteFinder.mayQuote(plain), "\(plain)")
    }
    // A quote in the second paragraph only: the first's person still speaks it.
    #expect(
      quotes(["Takeshi Iwaya met the press on Tuesday.", "\"We would like to first build trust,\" he said."])
        == [
          "people/takeshi-iwaya: We would like to first build trust"
        ])
    #expect(quotes(["Takeshi Iwaya met the press.", "He said Japan's position had not changed."]).isEmpty)
  }

  @Test func scareQuotesAreNotSpeech() {
    #expect(quotes(["Trump's \"America First\" policy and the “indispensable ally” idea."]).isEmpty)
  }

  @Test func inTheWordsOf() {
    #expect(
      quotes([
        "Tokyo calls the alliance the “cornerstone of its foreign and security policies,” (in the words of Gen Nakatani)."
      ]) == [
        "people/gen-nakatani: cornerstone of its foreign and security policies"
      ])
  }

  @Test func passagesTakeASentenceOfContextAndMerge() {
    let linker = DocumentLinker(entities: QuoteFinderTests.entities, policy: .first)
    let text = "One. Two. Tariffs rose. Three. Four. Five. Tariffs fell. Six."
    let result = linker.link(
      [.init(text: text, line: 1, wikilinks: false)],
      context: .init(document: "articles/a", file: "a.txt", date: nil))
    #expect(
      result.findings.passages.map(\.text) == ["Two. Tariffs rose. Three.", "Five. Tariffs fell. Six."])
    let near = linker.link(
      [.init(text: "One. Tariffs rose. Two. Tariffs fell. Three.", line: 1, wikilinks: false)],
      context: .init(document: "articles/a", file: "a.txt", date: nil))
    #expect(near.findings.passages.map(\.text) == ["One. Tariffs rose. Two. Tariffs fell. Three."])
  }
}

/// Attribution in Australian and international wire copy: titles without names, possessors,
/// places and two people at once.
@Suite struct WireQuoteTests {
  static let entities: [Entity] = [
    Entity(
      id: "people/osama-bin-laden", kind: .person, slug: "osama-bin-laden", name: "Osama bin Laden",
      aliases: ["bin Laden"], file: "a"),
    Entity(id: "people/david-hicks", kind: .person, slug: "david-hicks", name: "David Hicks", file: "b"),
    Entity(id: "people/john-howard", kind: .person, slug: "john-howard", name: "John Howard", file: "c"),
    Entity(id: "people/george-bush", kind: .person, slug: "george-bush", name: "George Bush", file: "d"),
  ]

  /// The speaker of each quote: an entity id, a name as text, or "nobody".
  func speakers(_ paragraphs: [String]) -> [String] {
    let linker = DocumentLinker(entities: WireQuoteTests.entities, policy: .first)
    let runs = paragraphs.enumerated().map { DocumentLinker.Run(text: $1, line: $0 + 1, wikilinks: false) }
    let result = linker.link(runs, context: .init(document: "articles/a", file: "a.txt", date: nil))
    return result.findings.quotes.map { $0.speaker ?? $0.speakerName ?? "nobody" }
  }

  @Test(arguments: [
    (
      [
        "Prime Minister John Howard announced the deployment.",
        "\"We will not be intimidated by anyone,\" the Prime Minister said.",
      ], "people/john-howard"
    ),
    (
      [
        "Treasurer Peter Costello released the figures.",
        "\"The economy is strong and growing,\" the Treasurer said.",
      ], "Peter Costello"
    ),
    (
      [
        "Defence Minister Robert Hill and Prime Minister John Howard spoke.",
        "\"This is a matter for the cabinet,\" the Minister said.",
      ], "nobody"
    ),
    (["\"We will win this war on terror,\" the Minister for Immigration said."], "nobody"),
    (
      [
        "Osama bin Laden's spokesman appeared on Al-Jazeera television.",
        "\"The storm of planes will not stop,\" he said.",
      ], "nobody"
    ),
    (
      [
        "David Hicks's father, Terry Hicks, says his son is no terrorist.",
        "\"He is just a young bloke who went looking for adventure,\" he said.",
      ], "Terry Hicks"
    ),
    (
      [
        "Mr Hicks's lawyer said his client had been denied access.",
        "\"This is a clear breach of his rights,\" he said.",
      ], "nobody"
    ),
    (
      [
        "The Taliban's ambassador to Pakistan said the group would fight.",
        "\"We will never surrender to anyone,\" he said.",
      ], "nobody"
    ),
    (
      ["Bush and Blair met in Washington on Tuesday.", "\"We are united in this fight together,\" he said."],
      "nobody"
    ),
  ])
  func givesTheQuoteToWhomAReaderWould(paragraphs: [String], speaker: String) {
    #expect(speakers(paragraphs) == [speaker], "\(paragraphs)")
  }
}
