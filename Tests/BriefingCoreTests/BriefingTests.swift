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
    #expect(briefing.mentionsByDocument["articles/a"]?.count == 3)
  }
}
