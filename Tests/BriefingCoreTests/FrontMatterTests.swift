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
    #expect(
      problems.first?.description
        == "a.md:1:1: error: front matter opened with '---' is never closed [unclosed-front-matter]")
  }

  /// A billion laughs: `levels` levels of nine aliases each, on lines 2 and on.
  static func laughs(_ levels: Int) -> String {
    "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
      + (1..<levels).map { level -> String in
        let previous = Character(UnicodeScalar(UInt8(96 + level)))
        let name = Character(UnicodeScalar(UInt8(97 + level)))
        return "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ")
          + "]\n"
      }.joined()
  }

  @Test(arguments: [
    // Nine levels would expand to 387,420,489 values; the fifth passes the limit.
    (laughs(9) + "name: *i\n", 6),
    // Four levels stay under it, but an alias used as a key (which the composer hashes whole) does not.
    (laughs(4) + "map: {? *d : x, ? [*d, *d] : y}\n", 6),
  ])
  func aliasesThatExpandPastTheLimitAreRefused(yaml: String, line: Int) throws {
    let (front, problems) = FrontMatter.parse("---\n" + yaml + "---\nbody\n", file: "people/x.md")
    let problem = try #require(problems.first)
    #expect(problems.count == 1)
    #expect(problem.file == "people/x.md")
    #expect(problem.line == line)
    #expect(
      problem.message
        == "YAML aliases here expand the front matter past 10000 values (the limit); write the values out instead"
    )
    #expect(front.fields.isEmpty)
    #expect(front.body == "body\n")
  }

  @Test func aFewAliasesAreRead() throws {
    let (front, problems) = FrontMatter.parse(
      "---\nname: &n Gen Nakatani\naliases: [*n, Nakatani]\n---\n", file: "a.md")
    #expect(problems.isEmpty)
    #expect(front["aliases"]?.value.texts == ["Gen Nakatani", "Nakatani"])
  }
}
