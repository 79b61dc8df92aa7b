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
}
