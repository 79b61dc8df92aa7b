import BriefingCore
import Foundation
import Testing

@testable import BriefingSite

/// Mistakes that used to pass in silence, and the user's control over warnings.
@Suite struct DiagnosticControlTests {
  func check(_ files: [String: String]) throws -> [Diagnostic] {
    let fixture = try Fixture(files)
    defer { fixture.remove() }
    return fixture.check()
  }

  @Test func aMisspeltKeyIsAWarningNamingFileLineAndTheKeyMeant() throws {
    var files = smallBriefing
    files["briefing.yml"] = "title: Test briefing\nbaseURL: https://example.org/\n"
    files["people/pete-hegseth.md"] = "---\nname: Pete Hegseth\nrole: Secretary of Defense\n---\n"
    let shown = try check(files).filter { $0.code == "unknown-key" }.map(\.description)
    #expect(
      shown.contains {
        $0.hasSuffix(
          "content/briefing.yml:2:1: warning: unknown key 'baseURL', which is ignored; did you mean 'base_url'? [unknown-key]"
        )
      }, "\(shown)")
    #expect(
      shown.contains {
        $0.hasSuffix(
          "content/people/pete-hegseth.md:3:1: warning: unknown key 'role', which is ignored; did you mean 'roles'? [unknown-key]"
        )
      }, "\(shown)")
  }

  @Test func ownFieldsGoUnderExtraAndReachTheTemplates() throws {
    var files = smallBriefing
    files["people/pete-hegseth.md"] = "---\nname: Pete Hegseth\nparty: Republican\n---\n"
    let shown = try check(files).filter { $0.code == "unknown-key" }.map(\.description)
    #expect(
      shown.contains {
        $0.hasSuffix(
          "pete-hegseth.md:3:1: warning: unknown key 'party', which is ignored; your own fields go under 'extra:', where templates can read them [unknown-key]"
        )
      }, "\(shown)")

    files["people/pete-hegseth.md"] =
      "---\nname: Pete Hegseth\nextra:\n  party: Republican\n  terms: [1, 2]\n---\n"
    files["briefing.yml"] = "title: Test briefing\nextra: {desk: Tokyo}\n"
    let fixture = try Fixture(files)
    defer { fixture.remove() }
    #expect(fixture.check().filter { $0.code == "unknown-key" }.isEmpty)
    try fixture.write(
      "{{> header}}<p>Party: {{extra.party}}; terms {{#extra.terms}}{{.}} {{/extra.terms}}; desk {{siteExtra.desk}}</p>{{> footer}}",
      to: "theme/person.mustache")
    try Pipeline(fileSystem: fixture.fileSystem).build(
      content: fixture.content, templates: fixture.folder + "/theme", output: fixture.output)
    let page = try fixture.site()["people/pete-hegseth.html"] ?? ""
    #expect(page.contains("<p>Party: Republican; terms 1 2 ; desk Tokyo</p>"))
  }

  @Test func acceptAndDiagnosticsSettingsControlWarnings() throws {
    var files = smallBriefing
    // plain.txt has no date: an undated-article warning, unless accepted.
    #expect(try check(files).contains { $0.code == "undated-article" })
    files["articles/plain.txt"] =
      "---\naccept: [undated-article, no-such-code]\n---\nPlain Title\n\nA plain article. It mentions nobody.\n"
    var found = try check(files)
    #expect(!found.contains { $0.code == "undated-article" })
    #expect(found.contains { $0.code == "unknown-code" && $0.message.contains("'no-such-code'") })

    files = smallBriefing
    files["briefing.yml"] = "title: T\ndiagnostics:\n  undated-article: off\n  unknown-name: error\n"
    found = try check(files)
    #expect(!found.contains { $0.code == "undated-article" })

    files = smallBriefing
    files["briefing.yml"] = "title: T\ndiagnostics: {undated-article: error}\n"
    found = try check(files)
    #expect(found.contains { $0.code == "undated-article" && $0.severity == .error })

    // An error is never accepted away.
    files = smallBriefing
    files["people/x.md"] = "---\nname: X\npeople: [Nobody]\naccept: [unknown-reference]\n---\n"
    found = try check(files)
    #expect(found.contains { $0.code == "unknown-reference" && $0.severity == .error })
  }

  @Test func aTemplateNameNoPageProvidesIsAWarningAndUnderStrictAnError() throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    try fixture.write(
      "{{> header}}<h1>{{pageTitel}}</h1>{{#entity}}{{nmae}}{{/entity}}{{> footer}}",
      to: "theme/person.mustache")
    let report = try Pipeline(fileSystem: fixture.fileSystem).build(
      content: fixture.content, templates: fixture.folder + "/theme", output: fixture.output)
    let shown = report.diagnostics.filter { $0.code == "unknown-template-variable" }.map(\.description)
    #expect(
      shown == [
        "\(fixture.folder)/theme/person.mustache:1:46: warning: the template 'person' uses 'nmae', which its page does not provide (docs/templates.md lists what each page has) [unknown-template-variable]",
        "\(fixture.folder)/theme/person.mustache:1:17: warning: the template 'person' uses 'pageTitel', which its page does not provide; did you mean 'pageTitle'? [unknown-template-variable]",
      ])
    let before = try fixture.site()
    #expect(throws: BriefingError.self) {
      try Pipeline(fileSystem: fixture.fileSystem).build(
        content: fixture.content, templates: fixture.folder + "/theme", output: fixture.output, strict: true)
    }
    #expect(try fixture.site() == before)
  }

  @Test func theBuiltInThemeUsesOnlyWhatThePagesProvide() throws {
    for files in [smallBriefing, PagingTests.manyArticles(1_030)] {
      let fixture = try Fixture(files)
      defer { fixture.remove() }
      let report = try Pipeline(fileSystem: fixture.fileSystem).build(
        content: fixture.content, templates: nil, output: fixture.output, search: true)
      #expect(report.diagnostics.filter { $0.code == "unknown-template-variable" }.map(\.description) == [])
    }
  }

  @Test func theJSONFormHasEveryFieldAndParses() throws {
    let diagnostics = [
      Diagnostic.error("unknown-reference", "a \"b\".md", line: 3, column: 1, "names 'x'\n"),
      .warning("undated-article", "c.txt", "no date"),
    ]
    let parsed =
      try JSONSerialization.jsonObject(with: Data(DiagnosticJSON.array(diagnostics).utf8)) as? [[String: Any]]
    #expect(parsed?.count == 2)
    #expect(parsed?[0]["file"] as? String == "a \"b\".md")
    #expect(parsed?[0]["code"] as? String == "unknown-reference")
    #expect(parsed?[0]["line"] as? Int == 3 && parsed?[1]["line"] as? Int == 0)
    #expect(parsed?[1]["severity"] as? String == "warning")
    #expect(parsed?[0]["message"] as? String == "names 'x'\n")
  }

  @Test func everyCodeUsedIsListed() throws {
    let listed = Set(Diagnostic.codes.map(\.code))
    let sources = try FileManager.default.subpathsOfDirectory(atPath: repositoryRoot + "/Sources")
      .filter { $0.hasSuffix(".swift") }
    var used: Set<String> = []
    let pattern = try NSRegularExpression(pattern: #"\.(?:error|warning|note)\(\s*"([a-z0-9-]+)""#)
    for path in sources {
      let text = try String(contentsOfFile: repositoryRoot + "/Sources/" + path, encoding: .utf8)
      for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        used.insert(String(text[Range(match.range(at: 1), in: text)!]))
      }
    }
    #expect(used.count > 15)
    #expect(used.subtracting(listed).isEmpty, "\(used.subtracting(listed))")
    let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
    for code in listed { #expect(readme.contains("| `\(code)` |"), "the README's table lacks \(code)") }
  }
}
