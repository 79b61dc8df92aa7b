import Testing

@testable import BriefingCore

@Suite struct SentencesTests {
  @Test func splitsWithoutBreakingAbbreviations() {
    let text =
      "Suga spoke on Jan. 20 about the U.S. alliance. Mr. Trump listened! Did Nippon Steel Corp. agree? Yes."
    #expect(
      Sentences.split(text) == [
        "Suga spoke on Jan. 20 about the U.S. alliance.", "Mr. Trump listened!",
        "Did Nippon Steel Corp. agree?",
        "Yes.",
      ])
  }

  @Test func keepsClosingQuotesWithTheirSentence() {
    let text = "“It was very meaningful,” Nakatani said. “We agree.” Hegseth nodded."
    #expect(
      Sentences.split(text) == ["“It was very meaningful,” Nakatani said.", "“We agree.”", "Hegseth nodded."])
  }
}

@Suite struct SlugTests {
  @Test(arguments: [
    ("Gen Nakatani", "gen-nakatani"), ("Trump's inauguration", "trumps-inauguration"),
    ("Nippon Steel–U.S. Steel", "nippon-steel-u-s-steel"), ("../../etc/passwd", "etc-passwd"),
    ("Café Zürich", "cafe-zurich"), ("***", ""),
  ])
  func makesSafeSlugs(text: String, slug: String) {
    #expect(Slug.make(text) == slug)
  }
}
