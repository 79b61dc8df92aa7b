import BriefingCore
import Testing

@testable import BriefingSite

/// Files are read the same whatever their line endings.
@Suite struct ContentLoaderTests {
  static let endings = [("\r\n", "CRLF"), ("\r", "CR"), ("\n", "LF")]

  @Test(arguments: endings)
  func lineEndingsAreReadAsNewlines(ending: String, name: String) throws {
    func file(_ lines: [String]) -> String { lines.joined(separator: ending) + ending }
    let memory = InMemoryFileSystem(files: [
      "content/briefing.yml": file(["title: Endings", "language: en"]),
      "content/people/ann.md": file(["---", "name: Ann Lee", "---", "Ann leads."]),
      "content/articles/a.md": file(["---", "title: A title", "date: 2025-01-02", "---", "Ann Lee spoke."]),
      "content/articles/b.txt": file(["---", "title: B title", "---", "Ann Lee spoke.", "", "Then left."]),
    ])
    let loaded = try ContentLoader(fileSystem: memory).load("content")
    #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(name): \(loaded.diagnostics)")
    #expect(loaded.config.title == "Endings")
    #expect(loaded.entities.map(\.name) == ["Ann Lee"])
    #expect(loaded.entities.first?.body == "Ann leads.\n")
    #expect(loaded.articles.map(\.title) == ["A title", "B title"])
    #expect(loaded.articles.first?.markdown == "Ann Lee spoke.\n")
    #expect(loaded.articles.first?.bodyLine == 5)
    #expect(loaded.articles.last?.paragraphs.map(\.text) == ["Ann Lee spoke.", "Then left."])
    #expect(loaded.articles.last?.paragraphs.map(\.line) == [4, 6])
  }
}
