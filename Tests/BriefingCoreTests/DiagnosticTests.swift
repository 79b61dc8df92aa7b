import Testing

@testable import BriefingCore

@Suite struct DiagnosticTests {
  @Test func readsLikeACompilerMessage() {
    #expect(
      Diagnostic.error("content/people/x.md", line: 3, column: 7, "bad").description
        == "content/people/x.md:3:7: error: bad")
    #expect(
      Diagnostic.warning("content/briefing.yml", "no title").description
        == "content/briefing.yml: warning: no title")
    #expect(Diagnostic.error("a.md", line: 2, "x").githubDescription == "::error file=a.md,line=2::x")
  }

  @Test func sortsByFileThenLine() {
    let list = [Diagnostic.error("b", line: 1, "x"), .error("a", line: 9, "y"), .error("a", line: 2, "z")]
    #expect(list.sorted().map(\.line) == [2, 9, 1])
  }
}
