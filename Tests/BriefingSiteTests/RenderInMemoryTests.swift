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

/// `Pipeline.site(…)`: pages rendered when asked for are the pages a whole render makes.
@Suite struct SiteOnDemandTests {
  @Test(arguments: [false, true])
  func everyFileAskedForIsTheFileAWholeRenderMakes(long: Bool) throws {
    // 1,030 articles: a timeline in year and month pages, indexes and mention lists in parts.
    let fixture = try Fixture(long ? PagingTests.manyArticles(1_030) : smallBriefing)
    defer { fixture.remove() }
    let pipeline = Pipeline(fileSystem: fixture.fileSystem)
    let whole = try #require(pipeline.render(content: fixture.content, templates: nil, search: true).files)
    #expect(!long || whole.keys.contains { $0.hasPrefix("timeline-") })
    #expect(!long || whole.keys.contains { $0.contains(".p2.html") })
    let site = try #require(pipeline.site(content: fixture.content, templates: nil, search: true).site)
    // HTML pages first, so that each is rendered on its own, then the rest.
    let paths = whole.keys.sorted {
      ($0.hasSuffix(".html") ? 0 : 1, $0) < ($1.hasSuffix(".html") ? 0 : 1, $1)
    }
    for path in paths {
      #expect(site.file(path) == whole[path], "\(path) differs")
    }
    for missing in ["nope.html", "people/nobody.html", "articles/index.p999.html", "index.p2.html", "x.css"] {
      #expect(site.file(missing) == nil, "\(missing)")
    }
    #expect(try site.all() == whole)
  }

  /// A page asked for by several requests at once is each one's answer: none finds it "already
  /// rendered" without finding its file (which `serve` answered with a 404).
  @Test func aPageAskedForAtOnceIsAlwaysFound() throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    let pipeline = Pipeline(fileSystem: fixture.fileSystem)
    let whole = try #require(pipeline.render(content: fixture.content, templates: nil, search: true).files)
    let pages = whole.keys.filter { $0.hasSuffix(".html") }.sorted()
    for _ in 0..<20 {
      let site = try #require(pipeline.site(content: fixture.content, templates: nil, search: true).site)
      let answers = parallelMap(Array(repeating: pages, count: 8).flatMap { $0 }) { site.file($0) != nil }
      #expect(answers.allSatisfy { $0 })
    }
  }
}
