import Testing

@testable import BriefingCore

@Suite struct BriefingTests {
  func mention(_ entity: String, _ document: String, _ text: String = "x") -> Mention {
    Mention(entity: entity, document: document, sentence: "\(text) in \(document).", text: text)
  }

  /// An entity's mentions come back in document order, and its documents each once with the
  /// places of its mentions there.
  @Test func findsTheMentionsAndDocumentsOfAnEntity() {
    let mentions = [
      mention("people/ada", "articles/a", "Ada"), mention("people/bo", "articles/a"),
      mention("people/ada", "articles/a", "Lovelace"), mention("people/ada", "articles/b"),
      mention("people/bo", "people/ada"), mention("people/ada", "articles/c"),
    ]
    let briefing = Briefing(
      config: BriefingConfig(), entities: [], articles: [], relations: [:], mentions: mentions)
    #expect(briefing.mentions(of: "people/ada").map(\.text) == ["Ada", "Lovelace", "x", "x"])
    #expect(briefing.mentionCount(of: "people/ada") == 4)
    #expect(briefing.mentionCount(of: "people/nobody") == 0)
    let documents = briefing.documents(mentioning: "people/ada")
    #expect(documents.map(\.document) == ["articles/a", "articles/b", "articles/c"])
    #expect(documents.map { Array($0.places) } == [[0, 2], [3], [5]])
    #expect(briefing.documents(mentioning: "people/bo").map(\.document) == ["articles/a", "people/ada"])
    #expect(briefing.entitiesMentioned(inDocument: "articles/a").count == 3)
  }

  /// Shared articles, counted once over every article with entities as numbers, are what counting
  /// each entity's articles by hand gives: notes do not count, an article counts once however
  /// often it names either, ties go by id, and past the limit only the kept ids stay.
  @Test func countsTheArticlesEntitiesShare() {
    var mentions: [Mention] = []
    var generator = SystemRandomNumberGenerator()
    let people = (0..<9).map { "people/p\($0)" }
    let issues = (0..<5).map { "issues/i\($0)" }
    for article in 0..<60 {
      for _ in 0..<Int.random(in: 1...7, using: &generator) {
        mentions.append(mention((people + issues).randomElement(using: &generator)!, "articles/a\(article)"))
      }
    }
    mentions += [mention("people/p0", "issues/i0"), mention("people/p1", "issues/i0")]
    mentions.sort { $0.document < $1.document }
    let briefing = Briefing(
      config: BriefingConfig(), entities: [], articles: [], relations: [:], mentions: mentions)
    let shared = SharedArticles(briefing, limit: 3) { $0.hasPrefix("issues/") }
    for id in people + issues {
      var counts: [String: Int] = [:]
      for (document, _) in briefing.documents(mentioning: id) where document.hasPrefix("articles/") {
        for other in Set(briefing.entitiesMentioned(inDocument: document)) where other != id {
          counts[other, default: 0] += 1
        }
      }
      let ranked = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
      let expected = ranked.enumerated().filter { $0.offset < 3 || $0.element.key.hasPrefix("issues/") }
        .map { "\($0.element.key) \($0.element.value)" }
      #expect(shared.of(id).map { "\($0.id) \($0.count)" } == expected, "\(id)")
    }
    #expect(shared.of("people/nobody").isEmpty)
  }
}
