/// Reads a date written out in a dateline or a sentence: "Jan 13, 2025", "13 January 2025",
/// "March 16 (Yonhap)", "Published: 09 Mar. 2023, 18:16", "11:25 JST, May 7, 2023".
///
/// Works on words, not on regular expressions: a line is split into words and the first
/// month name with a day beside it (and a year, when one follows) makes the date.
public enum DatelineParser {
  /// A date found in a line, and whether the line carried its own year.
  public struct Match: Sendable, Hashable {
    public var year: Int?
    public var month: Int
    public var day: Int?
  }

  /// The first full or year-less date in `line`, or nil.
  public static func firstDate(in line: String) -> Match? {
    let words = tokens(line)
    for (i, word) in words.enumerated() {
      guard let month = month(named: word) else { continue }
      // "Jan 13, 2025" / "January 13" / "Jan. 13 2025"
      if i + 1 < words.count, let day = dayNumber(words[i + 1]) {
        let year = i + 2 < words.count ? yearNumber(words[i + 2]) : nil
        return Match(year: year, month: month, day: day)
      }
      // "13 January 2025" / "09 Mar. 2023"
      if i > 0, let day = dayNumber(words[i - 1]) {
        let year = i + 1 < words.count ? yearNumber(words[i + 1]) : nil
        return Match(year: year, month: month, day: day)
      }
    }
    // 2025-01-13
    for word in words where word.count == 10 {
      if let date = BriefingDate(iso: word), date.precision == .day {
        return Match(year: date.year, month: date.month!, day: date.day)
      }
    }
    return nil
  }

  /// A full date (with its year) in a dateline, as a day-precision date.
  public static func fullDate(in line: String) -> BriefingDate? {
    guard let match = firstDate(in: line), let year = match.year, let day = match.day,
      day <= BriefingDate.days(in: match.month, of: year)
    else { return nil }
    return BriefingDate(year: year, month: match.month, day: day)
  }

  /// The length in UTF-8 bytes of a wire dateline that opens `sentence` ("WASHINGTON, Feb 26 - ",
  /// "RIO DE JANEIRO, March 9 -- "): a place in capitals, a comma, a date, a dash. Nil when there is none.
  public static func datelinePrefix(_ sentence: String) -> Int? {
    let utf8 = Array(sentence.utf8.prefix(80))
    for dash in [" - ", " -- ", " — ", " – "] {
      let pattern = Array(dash.utf8)
      guard pattern.count <= utf8.count else { continue }
      for start in 0...(utf8.count - pattern.count)
      where utf8[start..<(start + pattern.count)].elementsEqual(pattern) {
        let prefix = String(decoding: utf8[..<start], as: UTF8.self)
        guard let comma = prefix.firstIndex(of: ",") else { break }
        let place = prefix[..<comma]
        let letters = place.filter(\.isLetter)
        guard letters.count >= 2, letters.allSatisfy(\.isUppercase), firstDate(in: String(prefix)) != nil
        else { break }
        return start + pattern.count
      }
    }
    return nil
  }

  /// The month a word names ("Jan", "Jan.", "January", "Sept."), or nil.
  public static func month(named word: String) -> Int? {
    // An ASCII first byte that is not a capital is no month: most words end here.
    if let first = word.utf8.first, first < 0x80, !(first >= 0x41 && first <= 0x5A) { return nil }
    if word.utf8.allSatisfy({ $0 < 0x80 }) { return asciiMonth(word.utf8) }
    guard word.first?.isUppercase == true else { return nil }
    var w = word.lowercased()
    if w.hasSuffix(".") { w.removeLast() }
    guard w.count >= 3 else { return nil }
    if w == "sept" { return 9 }
    for (index, lower) in lowerMonthNames.enumerated() {
      if w == lower || (w.count == 3 && lower.hasPrefix(w)) { return index + 1 }
    }
    return nil
  }

  private static let lowerMonthNames = BriefingDate.monthNames.map { $0.lowercased() }
  private static let lowerMonthBytes = lowerMonthNames.map { Array($0.utf8) }
  private static let sept = Array("sept".utf8)

  /// `month(named:)` for an ASCII word with a capital first, read on its bytes without making a
  /// lower-case copy: the same tests in the same order.
  private static func asciiMonth(_ word: String.UTF8View) -> Int? {
    var count = word.count
    if word.last == 0x2E { count -= 1 }
    guard count >= 3 else { return nil }
    func matches(_ name: [UInt8], length: Int) -> Bool {
      var k = 0
      for b in word.prefix(length) {
        guard (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) == name[k] else { return false }
        k += 1
      }
      return true
    }
    if count == 4, matches(sept, length: 4) { return 9 }
    for (index, name) in lowerMonthBytes.enumerated() where name.count == count || count == 3 {
      if matches(name, length: count) { return index + 1 }
    }
    return nil
  }

  private static func dayNumber(_ word: String) -> Int? {
    var w = Substring(word)
    for suffix in ["st", "nd", "rd", "th", ","] where w.hasSuffix(suffix) { w = w.dropLast(suffix.count) }
    if w.hasSuffix(",") { w = w.dropLast() }
    guard (1...2).contains(w.count), let n = Int(w), (1...31).contains(n) else { return nil }
    return n
  }

  private static func yearNumber(_ word: String) -> Int? {
    var w = Substring(word)
    while let last = w.last, !last.isNumber { w = w.dropLast() }
    guard w.count == 4, let n = Int(w), (1800...2200).contains(n) else { return nil }
    return n
  }

  /// Splits on spaces and punctuation that never belong to a date word, keeping "Jan." and "13,".
  private static func tokens(_ line: String) -> [String] {
    line.split { c in c == " " || c == "\t" || c == ":" || c == "(" || c == ")" || c == "|" || c == "\u{00A0}"
    }
    .map(String.init)
  }
}
