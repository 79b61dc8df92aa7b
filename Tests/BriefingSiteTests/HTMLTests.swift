import BriefingCore
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
    #expect(HTML.highlight("<b>", in: "<b>'s") == "<mark>&lt;b&gt;</mark>&#39;s")
  }

  /// The first mention of each sentence, in order, whether an article names an entity in a few
  /// sentences (compared one by one) or in many (hashed).
  @Test(arguments: [3, 30])
  func keepsTheFirstMentionOfEachSentence(sentences: Int) {
    let mentions = (0..<sentences * 3).map { n in
      BriefingCore.Mention(
        entity: "people/ada", document: "articles/a", sentence: "Sentence \((n * 7) % sentences).",
        text: "\(n)")
    }
    let kept = Views.firstOfEachSentence(Array(mentions.indices), in: Mentions(mentions)).map { mentions[$0] }
    #expect(kept.count == sentences)
    #expect(Set(kept.map(\.sentence)).count == sentences)
    var seen: Set<String> = []
    #expect(kept.map(\.text) == mentions.filter { seen.insert($0.sentence).inserted }.map(\.text))
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
