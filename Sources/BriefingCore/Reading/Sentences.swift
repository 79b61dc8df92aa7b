/// Splits prose into sentences without mistaking "U.S.", "Mr." or "Jan. 20" for a sentence end.
///
/// Works on UTF-8 bytes: it runs once per paragraph that mentions anything.
public enum Sentences {
  /// The sentences of `text`, trimmed, in order.
  public static func split(_ text: String) -> [String] {
    ranges(in: text).map { String(text[$0]) }
  }

  /// The ranges of the sentences of `text`.
  public static func ranges(in text: String) -> [Range<String.Index>] {
    let utf8 = text.utf8
    func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
    return offsets(in: text).map { index($0.lowerBound)..<index($0.upperBound) }
  }

  /// The sentences of `text` as UTF-8 offset ranges.
  public static func offsets(in text: String) -> [Range<Int>] {
    var text = text
    return text.withUTF8 { offsets(in: $0) }
  }

  private static func offsets(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var result: [Range<Int>] = []
    func append(_ from: Int, _ to: Int) {
      var lower = from
      var upper = to
      while lower < upper, isSpace(bytes[lower]) { lower += 1 }
      while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
      if lower < upper { result.append(lower..<upper) }
    }
    var start = 0
    var i = 0
    while i < bytes.count {
      let c = bytes[i]
      guard c == 0x2E || c == 0x21 || c == 0x3F else {
        i += 1
        continue
      }
      var end = i + 1
      while end < bytes.count {
        if bytes[end] == 0x22 || bytes[end] == 0x29 || bytes[end] == 0x27 {
          end += 1
        } else if end + 2 < bytes.count, bytes[end] == 0xE2, bytes[end + 1] == 0x80,
          bytes[end + 2] == 0x9D || bytes[end + 2] == 0x99
        {
          end += 3  // ” ’
        } else {
          break
        }
      }
      if end < bytes.count, bytes[end] == 0x20, c != 0x2E || !isAbbreviation(bytes, start, i) {
        var next = end
        while next < bytes.count, bytes[next] == 0x20 { next += 1 }
        if next < bytes.count, startsSentence(bytes, next) {
          append(start, end)
          start = next
          i = next
          continue
        }
      }
      i = end
    }
    append(start, bytes.count)
    return result
  }

  private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

  /// An upper-case letter, a digit, an opening quote or parenthesis (or any non-ASCII letter).
  private static func startsSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    let b = bytes[i]
    if (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x22 || b == 0x28 || b == 0x27 {
      return true
    }
    if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 {
      return bytes[i + 2] == 0x9C || bytes[i + 2] == 0x98
    }
    return b >= 0xC3 && b < 0xE0  // Latin letters with accents: "Élysée"
  }

  /// Whether the word before the period at `period` is an abbreviation or an initial.
  private static func isAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ period: Int) -> Bool
  {
    var wordStart = period
    while wordStart > start, bytes[wordStart - 1] != 0x20 { wordStart -= 1 }
    while wordStart < period, bytes[wordStart] == 0x28 || bytes[wordStart] == 0x22 { wordStart += 1 }
    let word = bytes[wordStart..<period]
    if word.count == 1, let b = word.first, b >= 0x41 && b <= 0x5A { return true }  // "John F. Kennedy"
    if word.contains(0x2E) { return true }  // "U.S", "e.g"
    return abbreviations.contains(Array(word))
  }

  private static let abbreviations: Set<[UInt8]> = Set(
    [
      "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "St", "Jr",
      "Sr",
      "Corp", "Inc", "Co", "Ltd", "No", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
      "Oct", "Nov", "Dec", "approx", "etc",
    ].map { Array($0.utf8) })
}
