import Testing

@testable import BriefingCore

@Suite struct UnknownNamesTests {
  @Test func findsCapitalizedNamesAndAcronymsButNotTitles() {
    #expect(
      UnknownNames.names(
        in:
          "He left Haneda Airport for the White House, where the Status of Force Agreement and JSDF came up.",
        followedByMention: false)
        == ["Haneda Airport", "White House", "Status of Force Agreement", "JSDF"])
    #expect(UnknownNames.names(in: "Japanese Defense Minister ", followedByMention: true) == [])
    #expect(UnknownNames.names(in: "While Japan is willing, It said so.", followedByMention: false) == [])
  }

  @Test func reportsNamesSeenInTwoArticlesOrThreeTimesInOne() {
    func seen(_ name: String, _ document: String, _ line: Int) -> UnknownNames.Sighting {
      .init(name: name, document: document, file: "content/\(document).txt", line: line)
    }
    let diagnostics = UnknownNames.report([
      seen("White House", "articles/a", 4), seen("White House", "articles/b", 2),
      seen("Haneda Airport", "articles/a", 3),
      seen("Quad", "articles/c", 1), seen("Quad", "articles/c", 5), seen("Quad", "articles/c", 9),
    ])
    #expect(
      diagnostics.map(\.description) == [
        "content/articles/c.txt:1: note: 'Quad' appears 3 times in 1 article and names no entity [unknown-name]",
        "content/articles/a.txt:4: note: 'White House' appears 2 times in 2 articles and names no entity [unknown-name]",
      ])
  }
}
