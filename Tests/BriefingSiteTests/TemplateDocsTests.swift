import BriefingCore
import Foundation
import Testing

@testable import BriefingSite

/// docs/templates.md is what the views give each template, and stays so.
@Suite struct TemplateDocsTests {
  static func generated() throws -> String {
    let shapes = ViewShapes()
    let fileSystem = LocalFileSystem()
    let long = try Fixture(PagingTests.manyArticles(1_030))
    defer { long.remove() }
    let baseURL = try Fixture([:])
    defer { baseURL.remove() }
    try FileManager.default.removeItem(atPath: baseURL.content)
    try FileManager.default.copyItem(atPath: repositoryRoot + "/content", toPath: baseURL.content)
    try baseURL.write(
      "title: T\nbase_url: https://example.org/\nextra: {desk: Tokyo}\n", to: "content/briefing.yml")
    var earlier: Snapshot?
    for content in [repositoryRoot + "/content", long.content, baseURL.content] {
      let (briefing, bodies, _) = try Pipeline(fileSystem: fileSystem).prepare(content: content)
      var theme = try Theme.load(from: nil, fileSystem: fileSystem)
      theme.shapes = shapes
      var renderer = SiteRenderer(briefing: briefing, bodies: bodies, theme: theme, search: true)
      // What changed between the three, so the changes page is seen with every list filled.
      if let earlier { renderer.changes = Changes(from: earlier, to: Snapshot(briefing), since: "HEAD~1") }
      _ = try renderer.render()
      earlier = Snapshot(briefing)
    }
    return shapes.markdown()
  }

  @Test func theTemplateDocsAreFresh() throws {
    let path = repositoryRoot + "/docs/templates.md"
    let text = try TemplateDocsTests.generated()
    if ProcessInfo.processInfo.environment["BRIEFING_WRITE_DOCS"] != nil {
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
    let committed = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    #expect(committed == text, "docs/templates.md is stale: run 'make docs' and commit it")
    for name in ["pageTitle", "entity.name", "timeline[].date.iso", "pager", "extra", "siteExtra"] {
      #expect(text.contains("| `\(name)` |"), "\(name)")
    }
  }
}
