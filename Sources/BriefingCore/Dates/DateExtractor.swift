/// Finds the dates a sentence speaks of: "February 7, 2025", "7 February 2025", "Jan. 20",
/// "2025-02-07", "on Monday", "last Thursday", "mid-February", "in March", "early 2025".
///
/// A date without a year takes the year that puts it nearest the article's date, and a weekday is
/// counted from the article's date. Without an article date only dates that carry their own year
/// are found: nothing is ever resolved against the clock of the machine that builds.
public enum DateExtractor {
  /// A date found in a sentence, with the words that gave it.
  public struct Found: Sendable, Hashable {
    public var date: BriefingDate
    public var text: String
  }

  private struct Word {
    var text: Substring
    /// The word without surrounding punctuation and possessive.
    var bare: Substring
  }

  /// The dates in `sentence`, in order.
  public static func dates(in sentence: String, articleDate: BriefingDate?) -> [Found] {
    guard mayHoldDate(sentence) else { return [] }
    let words = sentence.split(separator: " ").map { Word(text: $0, bare: bare($0)) }
    var found: [Found] = []
    var i = 0
    while i < words.count {
      if let (date, used) = read(words, at: i, articleDate: articleDate) {
        let text = words[i..<(i + used)].map(\.text).joined(separator: " ")
        found.append(Found(date: date, text: String(text.trimmingCharacters(in: .punctuationCharacters))))
        i += used
      } else {
        i += 1
      }
    }
    return found
  }

  /// A cheap test before any word is looked at: a digit, or a capitalized word that begins like
  /// a month or a weekday ("Jan", "Sept", "Mon").
  static func mayHoldDate(_ text: String) -> Bool {
    var bytes = text.utf8.makeIterator()
    var previous: UInt8 = 0x20
    var window: (UInt8, UInt8, UInt8) = (0, 0, 0)
    var position = 0  // letters read since a capital at a word start; 0 when not in such a word
    while let b = bytes.next() {
      if b >= 0x30 && b <= 0x39 { return true }
      if isUpper(b) && (previous == 0x20 || previous == 0x2D || previous == 0x28) {
        window = (b, 0, 0)
        position = 1
      } else if position == 1 {
        window.1 = b
        position = 2
      } else if position == 2 {
        window.2 = b
        position = 0
        if prefixes.contains(Int(window.0) << 16 | Int(window.1) << 8 | Int(b)) { return true }
      }
      previous = b
    }
    return false
  }

  private static let prefixes: Set<Int> = Set(
    [
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Mon", "Tue", "Wed",
      "Thu", "Fri", "Sat", "Sun",
    ].map { word in word.utf8.reduce(0) { $0 << 8 | Int($1) } })

  /// Reads a date starting at word `i`; returns it and how many words it took.
  private static func read(_ words: [Word], at i: Int, articleDate: BriefingDate?) -> (BriefingDate, Int)? {
    let word = words[i]
    // 2025-02-07
    if word.bare.count == 10, let date = BriefingDate(iso: String(word.bare)), date.precision == .day {
      return (date, 1)
    }
    // early 2025, mid-2025, late 2024
    if let part = part(of: word.bare), i + 1 < words.count, let year = year(words[i + 1].bare) {
      return (BriefingDate(approximately: part, year: year), 2)
    }
    if word.bare.hasPrefix("mid-"), let year = year(word.bare.dropFirst(4)) {
      return (BriefingDate(approximately: .mid, year: year), 1)
    }
    // early February, mid-February, late January (2025)
    var qualifier: BriefingDate.Part?
    var monthWord = word.bare
    var start = 0
    if let part = part(of: word.bare), i + 1 < words.count,
      DatelineParser.month(named: String(words[i + 1].bare)) != nil
    {
      qualifier = part
      monthWord = words[i + 1].bare
      start = 1
    } else if word.bare.hasPrefix("mid-") {
      qualifier = .mid
      monthWord = word.bare.dropFirst(4)
    }
    if let month = DatelineParser.month(named: String(monthWord)) {
      return readMonth(month, words, at: i, offset: start, qualifier: qualifier, articleDate: articleDate)
    }
    // 7 February 2025
    if let day = day(word.bare), !word.text.hasSuffix(","), i + 1 < words.count,
      let month = DatelineParser.month(named: String(words[i + 1].bare))
    {
      if i + 2 < words.count, let year = year(words[i + 2].bare),
        day <= BriefingDate.days(in: month, of: year)
      {
        return (BriefingDate(year: year, month: month, day: day), 3)
      }
      if let date = nearest(month: month, day: day, to: articleDate) { return (date, 2) }
    }
    // on Monday, last Thursday, next Tuesday
    if let weekday = weekday(word.bare), let articleDate, articleDate.precision == .day {
      let before = i > 0 ? words[i - 1].bare.lowercased() : ""
      let possessive = word.text.hasSuffix("'s") || word.text.hasSuffix("’s")
      let offset: Int?
      let today = weekdayIndex(articleDate)
      switch before {
      case "last": offset = -((today - weekday + 7) % 7 == 0 ? 7 : (today - weekday + 7) % 7)
      case "next": offset = (weekday - today + 7) % 7 == 0 ? 7 : (weekday - today + 7) % 7
      case "on", "this", "since", "by", "until", "from":
        let forward = (weekday - today + 7) % 7
        // "will travel on Monday" looks ahead; otherwise the nearest such day.
        offset = looksAhead(words[..<i]) || forward <= 3 ? forward : forward - 7
      default:
        let forward = (weekday - today + 7) % 7
        offset = possessive ? (forward <= 3 ? forward : forward - 7) : nil
      }
      if let offset {
        return (date(dayNumber: articleDate.dayNumber + offset), 1)
      }
    }
    return nil
  }

  private static func readMonth(
    _ month: Int, _ words: [Word], at i: Int, offset: Int, qualifier: BriefingDate.Part?,
    articleDate: BriefingDate?
  ) -> (BriefingDate, Int)? {
    let m = i + offset
    if qualifier == nil, m + 1 < words.count, let day = day(words[m + 1].bare) {
      // February 7, 2025 / Jan. 20
      if m + 2 < words.count, let year = year(words[m + 2].bare),
        day <= BriefingDate.days(in: month, of: year)
      {
        return (BriefingDate(year: year, month: month, day: day), offset + 3)
      }
      if let date = nearest(month: month, day: day, to: articleDate) { return (date, offset + 2) }
      return nil
    }
    if m + 1 < words.count, let year = year(words[m + 1].bare) {
      if let qualifier {
        return (BriefingDate(approximately: qualifier, year: year, month: month), offset + 2)
      }
      return (BriefingDate(year: year, month: month), offset + 2)
    }
    // A month alone must be introduced ("in March", "mid-February") to be read as a date.
    let before = i > 0 ? words[i - 1].bare.lowercased() : ""
    guard qualifier != nil || monthPrepositions.contains(before), let articleDate else { return nil }
    let year = nearestYear(month: month, day: 15, to: articleDate)
    if let qualifier { return (BriefingDate(approximately: qualifier, year: year, month: month), offset + 1) }
    return (BriefingDate(year: year, month: month), offset + 1)
  }

  /// Words before a weekday that put it in the future.
  private static func looksAhead(_ words: ArraySlice<Word>) -> Bool {
    words.contains { futureWords.contains($0.bare.lowercased()) }
  }

  private static let futureWords: Set<String> = [
    "will", "shall", "plans", "planned", "scheduled", "expected", "due", "upcoming", "anticipated", "set",
  ]

  private static let monthPrepositions: Set<String> = [
    "in", "since", "by", "until", "till", "during", "from", "through", "before", "after", "last", "next",
    "this",
    "of", "late", "early", "mid",
  ]

  private static func part(of word: Substring) -> BriefingDate.Part? {
    switch word.lowercased() {
    case "early": .early
    case "mid", "mid-": .mid
    case "late": .late
    default: nil
    }
  }

  private static func day(_ word: Substring) -> Int? {
    var w = word
    for suffix in ["st", "nd", "rd", "th"] where w.hasSuffix(suffix) { w = w.dropLast(2) }
    guard (1...2).contains(w.count), w.allSatisfy(\.isASCII), let n = Int(w), (1...31).contains(n) else {
      return nil
    }
    return n
  }

  private static func year(_ word: Substring) -> Int? {
    guard word.count == 4, let n = Int(word), (1800...2200).contains(n) else { return nil }
    return n
  }

  private static func weekday(_ word: Substring) -> Int? {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].firstIndex(
      of: String(word))
  }

  /// 0 for Monday … 6 for Sunday.
  private static func weekdayIndex(_ date: BriefingDate) -> Int {
    // 1970-01-01 was a Thursday (index 3).
    ((date.dayNumber % 7) + 7 + 3) % 7
  }

  private static func date(dayNumber: Int) -> BriefingDate { BriefingDate(dayNumber: dayNumber) }

  /// A year-less day, in the year that puts it nearest the article's date.
  private static func nearest(month: Int, day: Int, to articleDate: BriefingDate?) -> BriefingDate? {
    guard let articleDate else { return nil }
    let year = nearestYear(month: month, day: day, to: articleDate)
    guard day <= BriefingDate.days(in: month, of: year) else { return nil }
    return BriefingDate(year: year, month: month, day: day)
  }

  private static func nearestYear(month: Int, day: Int, to articleDate: BriefingDate) -> Int {
    let reference = articleDate.dayNumber
    return [articleDate.year - 1, articleDate.year, articleDate.year + 1].min { a, b in
      abs(BriefingDate.dayNumber(year: a, month: month, day: min(day, 28)) - reference)
        < abs(BriefingDate.dayNumber(year: b, month: month, day: min(day, 28)) - reference)
    }!
  }

  private static func bare(_ word: Substring) -> Substring {
    var w = word
    for suffix in ["'s", "’s"] where w.hasSuffix(suffix) { w = w.dropLast(2) }
    while let last = w.last, ",;:)\"”’'!?".contains(last) || (last == "." && !isAbbreviatedMonth(w)) {
      w = w.dropLast()
    }
    while let first = w.first, "(\"“‘'".contains(first) { w = w.dropFirst() }
    return w
  }

  /// "Jan." keeps its period: it marks an abbreviation, which `DatelineParser.month` accepts.
  private static func isAbbreviatedMonth(_ w: Substring) -> Bool {
    w.count >= 4 && w.count <= 5 && DatelineParser.month(named: String(w)) != nil
  }
}

import Foundation
