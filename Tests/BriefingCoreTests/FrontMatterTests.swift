import Testing

@testable import BriefingCore

@Suite struct FrontMatterTests {
  @Test func splitsFieldsAndBodyWithLines() throws {
    let text = "---\ntitle: Hello\ndate: 2025-01-13\npeople: [A, B]\n---\nBody line\n"
    let (front, problems) = FrontMatter.parse(text, file: "a.md")
    #expect(problems.isEmpty)
    #expect(front["title"]?.value.text == "Hello")
    // Dates stay text: no YAML timestamp conversion.
    #expect(front["date"]?.value.text == "2025-01-13")
    #expect(front["people"]?.value.texts == ["A", "B"])
    #expect(front["people"]?.line == 4)
    #expect(front.body == "Body line\n")
    #expect(front.bodyLine == 6)
  }

  @Test func noFrontMatterLeavesTheTextAlone() {
    let (front, problems) = FrontMatter.parse("Just text\n---\n", file: "a.txt")
    #expect(problems.isEmpty)
    #expect(front.fields.isEmpty)
    #expect(front.body == "Just text\n---\n")
    #expect(front.bodyLine == 1)
  }

  @Test func malformedYAMLNamesTheFileAndLine() throws {
    let (_, problems) = FrontMatter.parse(
      "---\ntitle: ok\npeople: [A, B\nsummary: x\n---\nbody", file: "content/people/x.md")
    let problem = try #require(problems.first)
    #expect(problem.severity == .error)
    #expect(problem.file == "content/people/x.md")
    #expect(problem.line >= 3 && problem.line <= 5)
    #expect(problem.message.hasPrefix("malformed YAML front matter"))
  }

  @Test func yamlErrorsPointAtTheLineOfTheFile() throws {
    let (_, problems) = FrontMatter.parse("---\ntitle: ok\nbad: a: b\nmore: x\n---\nbody", file: "a.md")
    #expect(problems.map(\.line) == [3])
  }

  @Test func unclosedFrontMatterIsAnError() throws {
    let (_, problems) = FrontMatter.parse("---\ntitle: x\nbody", file: "a.md")
    #expect(problems.first?.description == "a.md:1:1: error: front matter opened with '---' is never closed")
  }
}
