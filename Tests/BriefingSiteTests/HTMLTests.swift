import Testing

@testable import BriefingSite

@Suite struct HTMLTests {
  @Test(arguments: [
    ("plain text", "plain text"),
    ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
    ("Tom & \"Jerry\" — café’s", "Tom &amp; &quot;Jerry&quot; — café’s"),
  ])
  func escapesTheFiveCharacters(text: String, escaped: String) {
    #expect(HTML.escape(text) == escaped)
  }

  @Test func highlightMarksTheFirstOccurrenceAndEscapesTheRest() {
    #expect(
      HTML.highlight("Ishiba", in: "Café <b> Ishiba & Ishiba")
        == "Café &lt;b&gt; <mark>Ishiba</mark> &amp; Ishiba")
    #expect(HTML.highlight("Kōno", in: "“Kōno” said") == "“<mark>Kōno</mark>” said")
    #expect(HTML.highlight("absent", in: "a < b") == "a &lt; b")
    #expect(HTML.highlight("", in: "a") == "a")
    #expect(HTML.contains("é", in: "café") && !HTML.contains("cafés", in: "café"))
  }

  @Test(
    arguments: [
      ("aab", "aaab", 1), ("b", "ab", 1), ("ab", "ab", 0), ("abc", "ab", nil), ("x", "", nil),
      ("ō", "Kōno Kōno", 1), ("no", "Kōno", 3), ("aa", "abab", nil), ("", "abc", nil),
    ] as [(String, String, Int?)])
  func findsTheFirstOccurrenceByteForByte(needle: String, text: String, offset: Int?) {
    #expect(HTML.firstOffset(of: needle, in: text) == offset)
  }
}
