import BriefingCore
import Foundation
import Testing

@testable import BriefingSite

/// `Pipeline.render(content:templates:search:)`, the build `briefing serve` serves.
@Suite struct RenderInMemoryTests {
  @Test func holdsExactlyWhatBuildWritesAndWritesNothing() throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    let rendered = Pipeline(fileSystem: fixture.fileSystem).render(
      content: fixture.content, templates: fixture.templates)
    #expect(!FileManager.default.fileExists(atPath: fixture.output))
    let files = try #require(rendered.files)

    let report = try fixture.build()
    #expect(rendered.diagnostics == report.diagnostics)
    var built = try fixture.site()
    built[".briefing-site"] = nil
    #expect(files.keys.sorted() == built.keys.sorted())
    for (path, text) in built {
      #expect(files[path].map { String(decoding: $0, as: UTF8.self) } == text, "\(path) differs")
    }
    #expect(rendered.pages == files.keys.filter { $0.hasSuffix(".html") }.count)
  }

  @Test func searchAddsTheSearchPage() throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    let pipeline = Pipeline(fileSystem: fixture.fileSystem)
    #expect(pipeline.render(content: fixture.content, templates: nil).files?["search.html"] == nil)
    #expect(
      pipeline.render(content: fixture.content, templates: nil, search: true).files?["search.html"] != nil)
  }

  @Test func contentErrorsComeBackAsDiagnosticsWithNoFiles() throws {
    var files = smallBriefing
    files["people/pete-hegseth.md"] = "---\nname: [Pete Hegseth\n---\n"
    let fixture = try Fixture(files)
    defer { fixture.remove() }
    let rendered = Pipeline(fileSystem: fixture.fileSystem).render(content: fixture.content, templates: nil)
    #expect(rendered.files == nil)
    #expect(rendered.hasErrors)
    #expect(rendered.diagnostics.contains { $0.file.hasSuffix("people/pete-hegseth.md") && $0.line == 3 })
  }

  @Test func aMissingTemplatesFolderIsADiagnostic() throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    let rendered = Pipeline(fileSystem: fixture.fileSystem).render(
      content: fixture.content, templates: fixture.folder + "/no-such-templates")
    #expect(rendered.files == nil)
    #expect(rendered.diagnostics.last?.message == "the templates folder does not exist")
  }
}
