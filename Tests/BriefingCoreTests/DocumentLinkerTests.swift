import Testing

@testable import BriefingCore

/// DESIGN.md §3, rule by rule, with the exact output expected.
@Suite struct DocumentLinkerTests {
  static let entities: [Entity] = [
    Entity(id: "people/robert-hill", kind: .person, slug: "robert-hill", name: "Robert Hill", file: "p1"),
    Entity(id: "people/john-howard", kind: .person, slug: "john-howard", name: "John Howard", file: "p2"),
    Entity(
      id: "people/shigeru-ishiba", kind: .person, slug: "shigeru-ishiba", name: "Shigeru Ishiba", file: "p3"),
    Entity(
      id: "people/xi-jinping", kind: .person, slug: "xi-jinping", name: "Xi Jinping", aliases: ["Xi"],
      file: "p4"),
    Entity(id: "people/donald-trump", kind: .person, slug: "donald-trump", name: "Donald Trump", file: "p5"),
    Entity(id: "people/ivanka-trump", kind: .person, slug: "ivanka-trump", name: "Ivanka Trump", file: "p6"),
    Entity(
      id: "issues/hns", kind: .issue, slug: "hns", name: "Host-nation support",
      aliases: ["host-nation support"], file: "i1"),
    Entity(
      id: "organizations/us-steel", kind: .organization, slug: "us-steel", name: "U.S. Steel", file: "o1"),
    Entity(id: "organizations/nhk", kind: .organization, slug: "nhk", name: "NHK", file: "o2"),
    dated(
      Entity(
        id: "events/inauguration-2017", kind: .event, slug: "inauguration-2017", name: "First inauguration",
        aliases: ["inauguration"], file: "e1"), "2017-01-20"),
    dated(
      Entity(
        id: "events/inauguration-2025", kind: .event, slug: "inauguration-2025", name: "Second inauguration",
        aliases: ["inauguration"], file: "e2"), "2025-01-20"),
  ]

  static func dated(_ entity: Entity, _ date: String) -> Entity {
    var e = entity
    e.date = BriefingDate(iso: date)
    return e
  }

  let linker = DocumentLinker(entities: DocumentLinkerTests.entities, policy: .first)

  /// The text with linked mentions as `[words→id]` and counted-only ones as `{words→id}`.
  func marked(
    _ texts: [String], date: String? = nil, policy: BriefingConfig.LinkPolicy = .first, markdown: Bool = false
  )
    -> [String]
  {
    let linker = DocumentLinker(entities: DocumentLinkerTests.entities, policy: policy)
    let runs = texts.enumerated().map { DocumentLinker.Run(text: $1, line: $0 + 1, wikilinks: markdown) }
    let context = DocumentLinker.Context(
      document: "articles/a", file: "a.txt", date: date.flatMap(BriefingDate.init(iso:)))
    return linker.link(runs, context: context).segments.map { segments in
      segments.map { segment in
        switch segment {
        case .text(let text): text
        case .entity(let id, let text, let link): link ? "[\(text)→\(id)]" : "{\(text)→\(id)}"
        }
      }.joined()
    }
  }

  /// One paragraph of many sentences, each with a mention: each mention once looked through every
  /// sentence for its own (40 s in a debug build).
  @Test func aLongParagraphTakesTimeInProportion() {
    let text = String(repeating: "Mr. Hill said so on Monday. ", count: 40_000)
    let context = DocumentLinker.Context(document: "articles/a", file: "a.txt", date: nil)
    let clock = ContinuousClock()
    var result: DocumentLinker.Result?
    let elapsed = clock.measure {
      result = DocumentLinker(entities: DocumentLinkerTests.entities, policy: .first).link(
        [DocumentLinker.Run(text: text, line: 1, wikilinks: false)], context: context)
    }
    #expect(elapsed < .seconds(20), "\(elapsed)")
    #expect(result?.findings.mentions.count == 40_000)
  }

  @Test(arguments: [
    ("Xi spoke anxiously.", "[Xi→people/xi-jinping] spoke anxiously."),
    ("Anxiously, Xiang and Xis waited.", "Anxiously, Xiang and Xis waited."),
    (
      "Prime Minister Shigeru Ishiba met Ishiba Shigeru.",
      "Prime Minister [Shigeru Ishiba→people/shigeru-ishiba] met {Ishiba Shigeru→people/shigeru-ishiba}."
    ),
  ])
  func wholeWordsAndLongestMatch(text: String, expected: String) {
    #expect(marked([text]) == [expected])
  }

  @Test(arguments: [
    ("They met at Hill Top and Red Hill.", "They met at Hill Top and Red Hill."),
    ("Ron Howard directed it.", "Ron Howard directed it."),
    (
      "Mr. Hill and Senator Howard agreed.",
      "Mr. [Hill→people/robert-hill] and Senator [Howard→people/john-howard] agreed."
    ),
    (
      "Prime Minister Ishiba arrived. Ishiba spoke.",
      "Prime Minister [Ishiba→people/shigeru-ishiba] arrived. {Ishiba→people/shigeru-ishiba} spoke."
    ),
    (
      "While Hill spoke, Howard listened.",
      "While [Hill→people/robert-hill] spoke, [Howard→people/john-howard] listened."
    ),
    (
      "Japan Prepares For Diplomatic Talks With Howard Administration",
      "Japan Prepares For Diplomatic Talks With [Howard→people/john-howard] Administration"
    ),
  ])
  func derivedFamilyNamesStayOutOfOtherProperNames(text: String, expected: String) {
    #expect(marked([text]) == [expected])
  }

  @Test(arguments: [
    (
      "Ishiba’s visit and Ishiba's plan.",
      "[Ishiba→people/shigeru-ishiba]’s visit and {Ishiba→people/shigeru-ishiba}'s plan."
    ),
    (
      "Host-nation support, host–nation support.",
      "[Host-nation support→issues/hns], {host–nation support→issues/hns}."
    ),
    (
      "US Steel, or U.S. Steel.", "[US Steel→organizations/us-steel], or {U.S. Steel→organizations/us-steel}."
    ),
    ("Nhk and nhk are not NHK.", "Nhk and nhk are not [NHK→organizations/nhk]."),
  ])
  func foldsApostrophesDashesInitialismsButNotCapitalizedCase(text: String, expected: String) {
    #expect(marked([text]) == [expected])
  }

  @Test func neverInsideAURL() {
    #expect(
      marked(["See https://example.org/Xi/NHK or www.nhk.example/NHK, and NHK."]) == [
        "See https://example.org/Xi/NHK or www.nhk.example/NHK, and [NHK→organizations/nhk]."
      ])
  }

  @Test func linksTheFirstMentionOrAll() {
    #expect(
      marked(["NHK said.", "NHK again."]) == [
        "[NHK→organizations/nhk] said.", "{NHK→organizations/nhk} again.",
      ])
    #expect(
      marked(["NHK said.", "NHK again."], policy: .all) == [
        "[NHK→organizations/nhk] said.", "[NHK→organizations/nhk] again.",
      ])
  }

  @Test func aSharedEventNameGoesToTheEventNearestTheArticle() {
    #expect(
      marked(["The inauguration speech."], date: "2017-01-21") == [
        "The [inauguration→events/inauguration-2017] speech."
      ])
    #expect(
      marked(["The inauguration."], date: "2025-01-13") == ["The [inauguration→events/inauguration-2025]."])
  }

  @Test func aSharedNameStaysUnlinkedWithoutContextAndIsReported() {
    let runs = [DocumentLinker.Run(text: "Trump spoke at the inauguration.", line: 7, wikilinks: false)]
    let result = linker.link(runs, context: .init(document: "articles/a", file: "a.txt", date: nil))
    #expect(result.segments == [[.text("Trump spoke at the inauguration.")]])
    #expect(result.findings.mentions.isEmpty)
    #expect(
      result.findings.diagnostics.map(\.description) == [
        "a.txt:7: warning: 'Trump' could name people/donald-trump, people/ivanka-trump; left unlinked [ambiguous-mention]",
        "a.txt:7: warning: 'inauguration' could name events/inauguration-2017, events/inauguration-2025; left unlinked [ambiguous-mention]",
      ])
  }

  @Test func aSharedFamilyNameGoesToThePersonNamedInFull() {
    #expect(
      marked(["Ivanka Trump arrived.", "Trump spoke."]) == [
        "[Ivanka Trump→people/ivanka-trump] arrived.", "{Trump→people/ivanka-trump} spoke.",
      ])
  }

  @Test func headingsAreCountedNotLinked() {
    let runs = [
      DocumentLinker.Run(text: "NHK", linkable: false, line: 1, wikilinks: true),
      DocumentLinker.Run(text: "NHK reported.", line: 3, wikilinks: true),
    ]
    let result = linker.link(runs, context: .init(document: "articles/a", file: "a.md", date: nil))
    #expect(result.segments[0] == [.entity(id: "organizations/nhk", text: "NHK", link: false)])
    #expect(result.segments[1].first == .entity(id: "organizations/nhk", text: "NHK", link: true))
    #expect(result.findings.mentions.count == 2)
  }

  @Test func wikilinksAreAlwaysLinkedAndMatchedTextAroundThemToo() {
    #expect(
      marked(["[[Xi Jinping|the president]] met NHK and [[nhk]]."], markdown: true) == [
        "[the president→people/xi-jinping] met [NHK→organizations/nhk] and [nhk→organizations/nhk]."
      ])
  }

  @Test func recordsEachMentionWithItsSentence() {
    let runs = [
      DocumentLinker.Run(text: "First sentence. Then NHK’s report came. Last.", line: 1, wikilinks: false)
    ]
    let result = linker.link(runs, context: .init(document: "articles/a", file: "a.txt", date: nil))
    #expect(
      result.findings.mentions == [
        Mention(
          entity: "organizations/nhk", document: "articles/a", sentence: "Then NHK’s report came.",
          text: "NHK")
      ])
  }

  @Test func aNoteDoesNotMentionItself() {
    let runs = [DocumentLinker.Run(text: "NHK is a broadcaster.", line: 1, wikilinks: true)]
    let result = linker.link(runs, context: .init(document: "organizations/nhk", file: "nhk.md", date: nil))
    #expect(result.findings.mentions.isEmpty)
  }
}

@Suite struct WordTrieTests {
  func found(_ patterns: [String], in text: String) -> Set<String> {
    let trie = WordTrie(patterns: patterns.map { Array($0.utf8) })
    return Set(trie.matches(in: Array(text.utf8)).map { "\($0.pattern)@\($0.start)-\($0.end)" })
  }

  @Test func findsEveryPatternThatStandsAsWholeWords() {
    // "he" and "she" inside "ushers" are no words; "hers" and "he" at the end stand alone.
    #expect(found(["he", "she", "his", "hers"], in: "ushers hers he") == ["3@7-11", "0@12-14"])
    // Overlapping and nested names, from the same start and from a later word.
    #expect(
      found(["Trump", "Donald Trump", "Donald", "Trump Tower"], in: "Donald Trump Tower")
        == ["2@0-6", "1@0-12", "0@7-12", "3@7-18"])
  }

  @Test func wordsEndAtAnyByteThatIsNoWordByte() {
    #expect(found(["Iwaya"], in: "(Iwaya's) Iwaya-Rubio Iwaya.") == ["0@1-6", "0@10-15", "0@22-27"])
    #expect(found(["Iwaya"], in: "Iwayas xIwaya Iwaya2 Iwayaé") == [])
    #expect(found(["東京"], in: "東京 東京都") == ["0@0-6"])
    #expect(found(["", "x"], in: "") == [])
  }

  @Test func aWalkFromEveryWordStartStaysBounded() {
    let text = String(repeating: "a ", count: 200)
    #expect(found(["a a a", "a"], in: text).count == 200 + 198)
  }
}

/// Names written as pairs and family name first.
@Suite struct NameFormTests {
  static let entities = [
    Entity(
      id: "people/shigeru-ishiba", kind: .person, slug: "shigeru-ishiba", name: "Shigeru Ishiba",
      aliases: ["Prime Minister Ishiba"], file: "a"),
    Entity(id: "people/donald-trump", kind: .person, slug: "donald-trump", name: "Donald Trump", file: "b"),
    Entity(
      id: "people/takeshi-iwaya", kind: .person, slug: "takeshi-iwaya", name: "Takeshi Iwaya",
      aliases: ["Foreign Minister Iwaya"], file: "c"),
    Entity(
      id: "events/summit", kind: .event, slug: "summit", name: "Ishiba–Trump summit",
      aliases: ["Ishiba-Trump summit"], file: "d"),
  ]

  /// The linked words of `text` as "id=words".
  func linked(_ text: String) -> [String] {
    let linker = DocumentLinker(entities: NameFormTests.entities, policy: .all)
    let result = linker.link(
      [.init(text: text, line: 1, wikilinks: false)],
      context: .init(document: "articles/a", file: "a", date: nil))
    return result.segments[0].compactMap {
      if case .entity(let id, let words, _) = $0 { return "\(id)=\(words)" }
      return nil
    }
  }

  @Test(arguments: [
    (
      "Ministers met ahead of the Ishiba-Trump summit",
      ["people/shigeru-ishiba=Ishiba", "people/donald-trump=Trump", "events/summit=summit"]
    ),
    (
      "The Ishiba–Trump summit is set.",
      ["people/shigeru-ishiba=Ishiba", "people/donald-trump=Trump", "events/summit=summit"]
    ),
    ("Ishiba-Trump talks were held.", ["people/shigeru-ishiba=Ishiba", "people/donald-trump=Trump"]),
    ("Japan's Foreign Minister Iwaya Takeshi left.", ["people/takeshi-iwaya=Foreign Minister Iwaya Takeshi"]),
    ("Foreign Minister Iwaya Takeshis left.", ["people/takeshi-iwaya=Foreign Minister Iwaya"]),
  ])
  func linksEveryNameOfAPairAndAWholeReversedName(text: String, expected: [String]) {
    #expect(linked(text) == expected)
  }
}
