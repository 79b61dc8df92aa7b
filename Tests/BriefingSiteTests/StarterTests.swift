import BriefingCore
import Foundation
import Testing

@testable import BriefingSite

/// `init`, `new`, `theme export` and the built-in theme: a new user's first minutes.
@Suite struct StarterTests {
  let fileSystem = LocalFileSystem()

  func temporaryFolder() -> String {
    NSTemporaryDirectory() + "briefing-starter-" + UUID().uuidString
  }

  @Test func aStarterBriefingBuildsWithNoTemplatesFolderAndNoWarnings() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let written = try Starter.initialize(folder, fileSystem: fileSystem)
    #expect(written.contains(folder + "/content/briefing.yml") && written.contains(folder + "/.gitignore"))
    for kind in ["people", "events", "issues", "organizations", "articles"] {
      #expect(written.contains { $0.hasPrefix(folder + "/content/\(kind)/") }, "no \(kind)")
    }
    let pipeline = Pipeline(fileSystem: fileSystem)
    #expect(pipeline.check(content: folder + "/content").diagnostics.isEmpty)
    let report = try pipeline.build(content: folder + "/content", templates: nil, output: folder + "/site")
    #expect(report.pages > 8)
    let article = try String(
      contentsOfFile: folder + "/site/articles/keller-sets-out-harbor-plan.html", encoding: .utf8)
    #expect(article.contains("href=\"../people/maria-keller.html\""))
    let timeline = try String(contentsOfFile: folder + "/site/timeline.html", encoding: .utf8)
    #expect(timeline.contains("16 March 2026"))
  }

  @Test func initRefusesAFolderThatHoldsAnything() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try fileSystem.write(Array("mine".utf8), to: folder + "/notes.txt")
    let error = try #require(throws: BriefingError.self) {
      try Starter.initialize(folder, fileSystem: fileSystem)
    }
    #expect(error.message.contains("is not empty"))
    #expect(try fileSystem.files(under: folder) == ["notes.txt"])
  }

  @Test func newWritesASkeletonNamedFromTheTitleAndNeverReplacesAFile() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try Starter.initialize(folder, fileSystem: fileSystem)
    let content = folder + "/content"
    let path = try Starter.newNote(
      kind: "person", name: "Ada Lovelace", content: content, fileSystem: fileSystem)
    #expect(path == content + "/people/ada-lovelace.md")
    try fileSystem.write(Array("---\nname: Ada Lovelace\n---\nMine.\n".utf8), to: path)
    #expect(throws: BriefingError.self) {
      try Starter.newNote(kind: "person", name: "Ada Lovelace", content: content, fileSystem: fileSystem)
    }
    #expect(String(decoding: try fileSystem.read(path), as: UTF8.self).hasSuffix("Mine.\n"))
    for (kind, name, file) in [
      ("event", "Ada's Talk", "events/adas-talk.md"), ("issue", "Port fees", "issues/port-fees.md"),
      ("organization", "Harbor Board", "organizations/harbor-board.md"),
      ("article", "Fees rise", "articles/fees-rise.md"), ("places", "Old Harbor", "places/old-harbor.md"),
    ] {
      #expect(
        try Starter.newNote(kind: kind, name: name, content: content, fileSystem: fileSystem) == content + "/"
          + file)
    }
    // Every skeleton reads without an error.
    let diagnostics = Pipeline(fileSystem: fileSystem).check(content: content).diagnostics
    #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
    #expect(throws: BriefingError.self) {
      try Starter.newNote(kind: "Bad Kind!", name: "x", content: content, fileSystem: fileSystem)
    }
  }

  @Test func theBuiltInThemeIsTheTemplatesFolderAndExportsWithoutReplacing() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let written = try Theme.export(to: folder, fileSystem: fileSystem)
    let exported = try fileSystem.files(under: folder).sorted()
    let bundled = try fileSystem.files(under: repositoryRoot + "/templates").sorted()
    #expect(written.count == bundled.count && exported == bundled)
    for path in bundled {
      #expect(
        try fileSystem.read(folder + "/" + path) == fileSystem.read(repositoryRoot + "/templates/" + path),
        "\(path)")
    }
    #expect(throws: BriefingError.self) { try Theme.export(to: folder, fileSystem: fileSystem) }
  }

  @Test func aTemplatesFolderReplacesBuiltInFilesOneByOne() throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    let templates = fixture.folder + "/my-theme"
    try fixture.write("{{> header}}<h1>Mine: {{pageTitle}}</h1>{{> footer}}", to: "my-theme/person.mustache")
    try Pipeline(fileSystem: fixture.fileSystem).build(
      content: fixture.content, templates: templates, output: fixture.output)
    let site = try fixture.site()
    #expect(site["people/gen-nakatani.html"]?.contains("<h1>Mine: Gen Nakatani</h1>") == true)
    #expect(site["issues/defense-spending.html"]?.contains("Defense spending") == true)
    #expect(site["assets/style.css"] != nil)
  }
}
