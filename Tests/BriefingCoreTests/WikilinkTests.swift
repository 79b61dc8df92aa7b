import Testing

@testable import BriefingCore

@Suite struct WikilinkTests {
  @Test(arguments: [
    (
      "See [[Gen Nakatani]] and [[Pete Hegseth|Hegseth]].",
      ["Gen Nakatani>Gen Nakatani", "Pete Hegseth>Hegseth"]
    ),
    ("[[a]][[b]]", ["a>a", "b>b"]),
    ("[[[a]]", []),
    ("[[a [[b]]", ["b>b"]),
    ("[[ ]] [[c]]", ["c>c"]),
    ("[[a\nb]] [[c]]", ["c>c"]),
    ("[[a] b]]", ["a] b>a] b"]),
    ("[[a|]]", ["a>a"]),
    ("[[open only", []),
    ("]] [[x]]", ["x>x"]),
  ])
  func findsWikilinks(text: String, found: [String]) {
    let links = Wikilink.all(in: text)
    #expect(links.map { "\($0.target)>\($0.label)" } == found)
    for link in links { #expect(text[link.range].hasPrefix("[[") && text[link.range].hasSuffix("]]")) }
  }

  @Test func locatesLinksWithLineAndColumnOutsideCode() {
    let body = "One [[A]] `[[B]]` [[C]]\n```\n[[D]]\n```\n    [[E]]\nÉté [[F]]\n"
    let located = Wikilink.located(in: body, firstLine: 5)
    #expect(located.map { "\($0.link.target)@\($0.line):\($0.column)" } == ["A@5:5", "C@5:19", "F@10:5"])
  }

  /// Each of these took tens of seconds at 20,000 when every opening searched the rest of the text.
  @Test(arguments: [
    String(repeating: "[[", count: 100_000) + " ]]",
    String(repeating: "[[Alice Smith]] ", count: 100_000),
    String(repeating: "[", count: 100_000) + "Alice" + String(repeating: "]", count: 100_000),
    String(repeating: "`[[x]]` ", count: 100_000),
  ])
  func timeGrowsWithTheTextNotItsSquare(text: String) {
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      _ = Wikilink.all(in: text)
      _ = Wikilink.located(in: text, firstLine: 1)
    }
    #expect(elapsed < .seconds(10), "\(elapsed)")
  }
}
