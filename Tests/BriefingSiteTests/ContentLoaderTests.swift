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

  /// Reading is linear, but a file of tens of megabytes is a mistake that would take a minute.
  @Test(arguments: ["articles/long.txt", "people/long.md", "index.md", "briefing.yml"])
  func aFileOverTheSizeLimitIsRefused(path: String) throws {
    let limit = ContentLoader.sizeLimit
    var files = ["content/briefing.yml": "title: T\n", "content/people/ann.md": "---\nname: Ann Lee\n---\n"]
    files["content/" + path] =
      "---\nname: Long\n---\n" + String(repeating: "Ann Lee spoke. ", count: limit / 15 + 1)
    let memory = InMemoryFileSystem(files: files)
    let loaded = try ContentLoader(fileSystem: memory).load("content")
    let errors = loaded.diagnostics.filter { $0.severity == .error }.map(\.description)
    #expect(
      errors.count == 1 && errors[0].hasPrefix("content/\(path): error: the file has ")
        && errors[0].hasSuffix(
          " bytes, over the limit of 1000000 for one file; split it (the limit keeps every build quick) [file-too-large]"
        ),
      "\(errors)")
    #expect(!loaded.entities.contains { $0.name == "Long" })
    #expect(!loaded.articles.contains { $0.id == "articles/long" })
  }

  @Test func aFileAtTheLimitIsRead() throws {
    let text = "---\nname: Long\n---\n"
    let memory = InMemoryFileSystem(files: [
      "content/people/long.md": text
        + String(repeating: "a", count: ContentLoader.sizeLimit - text.utf8.count)
    ])
    let loaded = try ContentLoader(fileSystem: memory).load("content")
    #expect(loaded.entities.map(\.name) == ["Long"])
  }
}
