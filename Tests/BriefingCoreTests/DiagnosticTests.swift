import Testing

@testable import BriefingCore

@Suite struct DiagnosticTests {
  @Test func readsLikeACompilerMessageWithItsCode() {
    #expect(
      Diagnostic.error("bad-thing", "content/people/x.md", line: 3, column: 7, "bad").description
        == "content/people/x.md:3:7: error: bad [bad-thing]")
    #expect(
      Diagnostic.warning("no-title", "content/briefing.yml", "no title").description
        == "content/briefing.yml: warning: no title [no-title]")
    #expect(
      Diagnostic.error("c", "a.md", line: 2, "x").githubDescription == "::error file=a.md,line=2,title=c::x")
  }

  /// GitHub reads `%`, CR and LF as escapes in messages, and `:` and `,` too in properties.
  @Test(arguments: [
    (
      Diagnostic.error("c", "a.md", line: 2, "bad\n::add-mask::secret"),
      "::error file=a.md,line=2,title=c::bad%0A::add-mask::secret"
    ),
    (
      Diagnostic.warning("c", "x\n::error file=y::z.md", "100% sure\r"),
      "::warning file=x%0A%3A%3Aerror file=y%3A%3Az.md,title=c::100%25 sure%0D"
    ),
    (Diagnostic.error("c", "a.md", "one\r\ntwo"), "::error file=a.md,title=c::one%0D%0Atwo"),
    (
      Diagnostic.note("c", "a,line=9.md", line: 1, column: 2, "ok"),
      "::notice file=a%2Cline=9.md,line=1,col=2,title=c::ok"
    ),
  ])
  func escapesWorkflowCommands(diagnostic: Diagnostic, shown: String) {
    #expect(diagnostic.githubDescription == shown)
  }

  @Test func sortsByFileThenLine() {
    let list = [
      Diagnostic.error("c", "b", line: 1, "x"), .error("c", "a", line: 9, "y"),
      .error("c", "a", line: 2, "z"),
    ]
    #expect(list.sorted().map(\.line) == [2, 9, 1])
  }
}
