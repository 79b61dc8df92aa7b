import Testing

@testable import BriefingCore

/// The text the matcher compares, and its map back to the original bytes.
@Suite struct CanonicalTextTests {
  func folded(_ text: String) -> (String, [Int]) {
    let canonical = CanonicalText(Array(text.utf8))
    return (String(decoding: canonical.bytes, as: UTF8.self), canonical.offsets)
  }

  @Test(arguments: [
    ("Trump’s", "Trump's"),
    ("“Yes,” he said", "\"Yes,\" he said"),
    ("Nakatani–Hegseth — talks", "Nakatani-Hegseth - talks"),
    ("U.S. and E.U.", "US and EU"),
    ("a\u{00A0}\u{202F}b \t\n c", "a b c"),
    ("−5", "-5"),
    ("Café Ōsaka 東京", "Café Ōsaka 東京"),
    ("", ""),
  ])
  func foldsTypographicVariants(original: String, expected: String) {
    #expect(folded(original).0 == expected)
  }

  @Test func mapsEachByteBackToWhereItStarts() {
    // "U.S. – Japan": U(0) S(2) space(4) -(5, the dash's first byte) space(8) J(9)…, and the end.
    let (text, offsets) = folded("U.S. – Japan")
    #expect(text == "US - Japan")
    #expect(offsets == [0, 2, 4, 5, 8, 9, 10, 11, 12, 13, 14])
    // A multi-byte character cut off at the end is copied as far as it goes.
    let cut = CanonicalText([0x61, 0xE6, 0x9D])
    #expect(cut.bytes == [0x61, 0xE6, 0x9D])
    #expect(cut.offsets == [0, 1, 2, 3])
  }
}
