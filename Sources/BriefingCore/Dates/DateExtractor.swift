/// Finds the dates a sentence speaks of: "February 7, 2025", "7 February 2025", "Jan. 20",
/// "2025-02-07", "on Monday", "last Thursday", "mid-February", "in March", "early 2025".
///
/// A date without a year, a weekday and "today", "yesterday", "last night" are counted from the
/// article's date, in the direction the sentence's tense points: "said Tuesday" and "was signed in
/// March" look back, "will meet Friday" looks ahead, and only a sentence with no tense to go by
/// takes the nearest. Without an article date only dates that carry their own year are found:
/// nothing is ever resolved against the clock of the machine that builds.
///
/// A date that does not date what the sentence reports gives nothing: after "since", "until",
/// "by", "before", "after", "from", "to", "ended" ("the six months to June 30"); inside the name of
/// another event ("the September 11 attacks", "September's tragedy", "a 1999 report"), unless the
/// sentence opens with it; a birth date; and words inside quotation marks or a dateline, which the
/// caller passes as ranges to ignore.
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
    /// UTF-8 offset in the sentence.
    var offset: Int
    /// `bare`, lower-cased once.
    var lower: String

    init(text: Substring, offset: Int) {
      self.text = text
      self.bare = DateExtractor.bare(text)
      self.offset = offset
      self.lower = bare.utf8.contains(where: { isUpper($0) || $0 >= 0x80 }) ? bare.lowercased() : String(bare)
    }
    var isPossessive: Bool { text.hasSuffix("'s") || text.hasSuffix("’s") }
  }

  /// The most dates one sentence gives.
  static let maximumPerSentence = 4

  /// Which way a year-less date or a weekday is counted from the article's date.
  enum Tense { case past, future, unknown }

  /// The dates in `sentence`, in order. Dates in `ignoring` (UTF-8 ranges of the sentence: quoted
  /// words, a dateline) are left out.
  public static func dates(in sentence: String, articleDate: BriefingDate?, ignoring: [Range<Int>] = [])
    -> [Found]
  {
    guard mayHoldDate(sentence) else { return [] }
    let words = Self.words(of: sentence)
    if words.contains(where: { $0.lower == "birthday" || $0.lower == "birthdays" }) { return [] }
    // The tense is worked out only for a word that starts a date, and the clues of the whole
    // sentence only when the words near it do not settle it.
    var clues: Clues?
    func sentenceClues() -> Clues {
      if let clues { return clues }
      let made = Clues(
        future: words.contains { futureWords.contains($0.lower) },
        past: words.indices.contains { isPastVerb(words, $0) || pastWords.contains(words[$0].lower) })
      clues = made
      return made
    }
    var found: [Found] = []
    var i = 0
    while i < words.count {
      if let (date, used) = read(
        words, at: i, articleDate: articleDate, tense: { tense(of: words, before: i, clues: sentenceClues) })
      {
        let text = words[i..<(i + used)].map(\.text).joined(separator: " ")
        let ignored = ignoring.contains { $0.contains(words[i].offset) }
        // Years 1 to 9999 only: "yesterday" in an article of 0001-01-01 is no date to print.
        if !ignored, (1...9999).contains(date.year), datesTheNews(words, from: i, count: used) {
          found.append(Found(date: date, text: trimmingPunctuation(text)))
          // A sentence that dates more than a few things is a list, not news: its first four are
          // kept, and the work on a sentence that runs on for pages stays bounded.
          if found.count == maximumPerSentence { break }
        }
        i += used
      } else {
        i += 1
      }
    }
    return found
  }

  /// The sentence split at spaces. When every space stands alone as a character (nothing joins
  /// it: no combining mark after it, nothing before it that joins what follows), the bytes are
  /// split, as they then split where the characters do; otherwise the characters are.
  private static func words(of sentence: String) -> [Word] {
    let utf8 = sentence.utf8
    guard spacesStandAlone(utf8) else {
      return sentence.split(separator: " ").map {
        Word(text: $0, offset: utf8.distance(from: utf8.startIndex, to: $0.startIndex))
      }
    }
    var words: [Word] = []
    var start: (index: String.Index, offset: Int)?
    var offset = 0
    var i = utf8.startIndex
    while i != utf8.endIndex {
      if utf8[i] == 0x20 {
        if let first = start { words.append(Word(text: sentence[first.index..<i], offset: first.offset)) }
        start = nil
      } else if start == nil {
        start = (i, offset)
      }
      utf8.formIndex(after: &i)
      offset += 1
    }
    if let first = start { words.append(Word(text: sentence[first.index...], offset: first.offset)) }
    return words
  }

  /// Whether each space has beside it only ASCII or punctuation from U+2000 to U+203F (the
  /// dashes and curly quotes of wire copy), and no joiner (U+200C, U+200D) after it: then no
  /// space is part of a larger character.
  private static func spacesStandAlone(_ utf8: String.UTF8View) -> Bool {
    var previous: (UInt8, UInt8, UInt8) = (0, 0, 0)
    var afterSpace = 0  // bytes still to check after a space
    for byte in utf8 {
      if afterSpace > 0 {
        let place = 3 - afterSpace
        if place == 0, byte >= 0x80, byte != 0xE2 { return false }
        if place == 1, byte != 0x80 { return false }
        if place == 2, byte == 0x8C || byte == 0x8D { return false }
        afterSpace = place == 0 && byte < 0x80 ? 0 : afterSpace - 1
      }
      if byte == 0x20 {
        if previous.2 >= 0x80, !(previous.0 == 0xE2 && previous.1 == 0x80) { return false }
        afterSpace = 3
      }
      previous = (previous.1, previous.2, byte)
    }
    return true
  }

  /// Whether the date in `words[from..<from+count]` dates what the sentence reports.
  private static func datesTheNews(_ words: [Word], from i: Int, count: Int) -> Bool {
    // The word before the date and its modifiers ("by next October", "until late March").
    var b = i - 1
    while b >= 0, ["next", "last", "this", "early", "late", "mid", "the"].contains(words[b].lower) { b -= 1 }
    let before = i > 0 ? words[i - 1].lower : ""
    // "said after Thursday's talks", "before his Sunday night address": a day's event, not a bound.
    let dayEvent = weekday(words[i].bare) != nil && ["after", "before"].contains(words[max(b, 0)].lower)
    if b >= 0, boundaryWords.contains(words[b].lower), !dayEvent { return false }
    // "before leaving for the United States on April 24", "since it was formed on November 21"
    for k in stride(from: i - 1, through: max(0, i - 12), by: -1) {
      if words[k].text.last.map({ ",;:".contains($0) }) == true, k < i - 1 { break }
      let word = words[k].lower
      // "since the Jewish state's offensive … in April 1996", "unlike a similar action in September"
      if ["since", "until", "till", "unlike"].contains(word) { return false }
      guard k >= i - 8 else { continue }
      if clauseBoundaryWords.contains(word), opensClause(words, after: k, before: i) { return false }
      // "leases which expire on May 14": a relative clause tells of something else.
      if ["which", "who", "whom", "whose"].contains(word) { return false }
      if word == "of", k > 0, words[k - 1].lower == "as" { return false }
    }
    // "Rescued on Nov. 25 by fishermen, Elian has become …": an opening participle tells the past.
    if i > 1, isPastVerb(words, 0),
      ["on", "in", "at", "by", "during", "from", "last", "earlier"].contains(words[1].lower),
      !["asked", "pressed", "questioned", "interviewed", "quoted", "contacted", "reached"].contains(
        words[0].lower),
      !words[0..<i].contains(where: { $0.text.hasSuffix(",") })
    {
      return false
    }
    // "the year started March 1", "a launch date of April 12"
    if i >= 2, ["year", "period", "season", "quarter", "months", "weeks"].contains(words[i - 2].lower),
      ["started", "starting", "beginning", "begun"].contains(before)
    {
      return false
    }
    if i >= 2, before == "of",
      ["date", "deadline", "target", "timetable", "anniversary", "time"].contains(words[i - 2].lower)
    {
      return false
    }
    if i > 1, words[i - 1].lower == "later" || words[i - 1].lower == "earlier", words[i - 2].lower == "than" {
      return false
    }
    // "born on 3 March 1950", "born in 1950"
    if words[max(0, i - 4)..<i].contains(where: { $0.lower == "born" }) { return false }
    let last = words[i + count - 1]
    let relative =
      relativeDays[words[i].lower] != nil || weekday(words[i].bare) != nil
      || ["night", "week", "month", "morning", "afternoon", "evening"].contains(last.lower)
    if relative { return true }
    // "September's tragedy", "last November's elections"
    if last.isPossessive, i > 0 { return false }
    // "the September 11 attacks", "a 1999 report", "the March 2003 US-led invasion": a date that
    // names something else. Only a meeting-like thing the sentence opens with is its news ("A
    // December 30 meeting was held").
    let opensSentence = i == 0 || (i == 1 && determiners.contains(before))
    if (determiners.contains(before) || i == 0), i + count < words.count {
      let next = words[i + count]
      let punctuated = words[i + count - 1].text.last.map { ",;:".contains($0) } ?? false
      if next.text.first?.isLetter == true, !followers.contains(next.lower), !punctuated,
        !(opensSentence && scheduledThings.contains(next.lower))
      {
        // A date that opens the sentence and is followed by its verb is its subject: "September
        // 11 changed everything".
        if !opensSentence || determiners.contains(before) || isPastVerb(words, i + count)
          || ["is", "was", "has", "had", "will"].contains(next.lower)
        {
          return false
        }
      }
    }
    return true
  }

  /// Things a sentence may open with under their date and report: "The March 3 meeting was
  /// cancelled".
  private static let scheduledThings: Set<String> = [
    "meeting", "meetings", "talks", "summit", "vote", "election", "elections", "conference", "visit",
    "ceremony", "session", "hearing", "trial", "debate", "poll", "referendum", "launch", "announcement",
    "deadline", "deal", "agreement", "signing", "parade", "rally", "match", "budget",
  ]

  /// Words after which a date bounds a period rather than dating the news ("holders of record
  /// March 20").
  private static let boundaryWords: Set<String> = [
    "record",
    "since", "until", "till", "until", "by", "before", "after", "from", "to", "through", "ended", "ending",
    "between", "than", "ahead",
  ]

  /// Whether the words after "since", "before", "after" make a clause ("leaving for…", "it was
  /// formed…", "the crisis broke…") rather than a phrase ("after the cabinet meeting on Jan. 20").
  private static func opensClause(_ words: [Word], after k: Int, before i: Int) -> Bool {
    guard k + 1 < i else { return false }
    let next = words[k + 1].lower
    if next.hasSuffix("ing") || ["it", "he", "she", "they", "we", "i", "you"].contains(next) { return true }
    if ["the", "a", "an", "his", "her", "its", "their"].contains(next) {
      return (k + 2..<min(words.count, k + 7)).contains {
        isPastVerb(words, $0) || ["was", "were", "has", "had"].contains(words[$0].lower)
      }
    }
    return false
  }

  /// Words that open a clause whose date is not the news: "since it was formed on November 21".
  private static let clauseBoundaryWords: Set<String> = [
    "since", "until", "till", "before", "after", "unlike",
  ]

  private static let determiners: Set<String> = ["the", "a", "an", "its", "their", "his", "her", "our"]

  /// Words that may follow a date without making it attributive: "the March 3 and 4 talks" is
  /// attributive, "on the 3rd and" is not read at all.
  private static let followers: Set<String> = [
    "and", "or", "but", "to", "in", "at", "on", "when", "after", "before", "for", "from", "with", "that",
    "which", "as", "by", "of", "is", "was", "were", "will", "would", "has", "had", "this", "last", "next",
    "local", "said", "says", "morning", "afternoon", "evening", "night", "until", "where", "while",
  ]

  /// "today" and its kin, in days from the article's date.
  private static let relativeDays: [String: Int] = [
    "today": 0, "tonight": 0, "overnight": 0, "yesterday": -1, "tomorrow": 1,
  ]

  /// What the whole sentence says of its tense, read once.
  private struct Clues {
    var future: Bool
    var past: Bool
  }

  /// The tense that governs the date at word `i`. A future marker just before it wins ("will meet
  /// Friday"); a reporting verb right before it dates the report ("said Tuesday"); a past verb
  /// near it points back, unless it only reports what comes after ("said talks on January 3 would
  /// decide"); then the verbs after it, a past verb further back in the clause, and last the
  /// sentence as a whole.
  private static func tense(of words: [Word], before i: Int, clues: () -> Clues) -> Tense {
    let start = max(0, i - 6)
    for k in start..<i
    where futureWords.contains(words[k].lower) || words[k].lower.hasSuffix("'ll") || isSetTo(words, k) {
      return .future
    }
    // A modal further back: "would be ready to leave for the United States as soon as Tuesday"
    for k in max(0, i - 12)..<start where ["will", "would", "shall"].contains(words[k].lower) {
      return .future
    }
    // "to be published Sunday"
    if let to = (start..<i).last(where: { words[$0].lower == "to" }), to + 1 < i, words[to + 1].lower == "be"
    {
      return .future
    }
    var before = i - 1
    if before >= 0, words[before].lower == "on" { before -= 1 }
    if before >= 0, reportingVerbs.contains(words[before].lower) { return .past }
    // Back through the clause, nearest first: a plan points ahead ("protesters planned a large
    // demonstration in Little Havana on Saturday"), a past verb back ("troops arrived at Bagram
    // air base north of Kabul on Thursday"); a report ("said talks on January 3 would decide")
    // leaves it to the verb after the date.
    var reported = false
    for k in stride(from: i - 1, through: max(0, i - 16), by: -1) {
      if words[k].text.hasSuffix(";") { break }
      if futureWords.contains(words[k].lower) || isSetTo(words, k) { return .future }
      if isPastVerb(words, k) {
        if reportingVerbs.contains(words[k].lower) { reported = true } else { return .past }
      }
    }
    // The verb after: "Japan on Saturday also indicated it would …", "… on January 3 would decide"
    // ("…as soon as Tuesday, Castro said": the report after a comma is not the date's verb.)
    var comma = words[i].text.hasSuffix(",")
    for k in (i + 1)..<min(words.count, i + 7) {
      if comma, reportingVerbs.contains(words[k].lower) { continue }
      if futureWords.contains(words[k].lower) { return .future }
      if isPastVerb(words, k) { return .past }
      if words[k].text.hasSuffix(",") { comma = true }
    }
    if reported { return .past }
    let clues = clues()
    if clues.future { return .unknown }
    return clues.past ? .past : .unknown
  }

  /// "set to attend", "set for Tuesday": a plan; "the record set on Aug. 6" is not.
  private static func isSetTo(_ words: [Word], _ k: Int) -> Bool {
    words[k].lower == "set" && k + 1 < words.count && ["to", "for"].contains(words[k + 1].lower)
  }

  /// Past verbs that report what follows them.
  private static let reportingVerbs: Set<String> = [
    "said", "told", "announced", "added", "stated", "reported", "noted", "declared", "warned", "indicated",
    "confirmed", "predicted", "revealed", "disclosed", "explained", "insisted", "stressed", "argued",
    "claimed", "wrote", "signalled", "signaled", "suggested", "estimated",
  ]

  /// A past-tense verb at word `k`; not a participle after "is", "be", "been" ("are consulted").
  private static func isPastVerb(_ words: [Word], _ k: Int) -> Bool {
    let word = words[k].lower
    guard irregularPast.contains(word) || (word.count > 4 && word.hasSuffix("ed") && !notPast.contains(word))
    else { return false }
    // "United States", "Red Cross": a capital mid-sentence is a name.
    if k > 0, words[k].text.first?.isUppercase == true { return false }
    if k > 0, ["is", "are", "be", "been", "being", "will", "to", "would"].contains(words[k - 1].lower) {
      return ["was", "were", "had", "did"].contains(word)
    }
    return true
  }

  private static let irregularPast: Set<String> = [
    "said", "told", "met", "held", "left", "came", "went", "took", "gave", "made", "began", "won", "lost",
    "fell", "rose", "saw", "spoke", "wrote", "sent", "sought", "brought", "found", "struck", "broke", "flew",
    "was", "were", "had", "did", "led", "paid", "hit", "put", "cut", "shot", "fought", "became",
    "ran", "stood", "built", "caught", "kept", "got", "quit", "arrived", "died", "killed", "ago", "sold",
    "bought", "thought", "felt", "heard", "meant", "threw", "drove", "chose", "stole", "forgot", "understood",
    "withdrew", "fled", "dealt", "spent", "sat", "shut", "spread", "upheld", "oversaw", "swore", "lay",
  ]

  private static let notPast: Set<String> = [
    "need", "speed", "proceed", "exceed", "indeed", "scheduled", "expected",
  ]

  private static let pastWords: Set<String> = ["was", "were", "had", "did", "ago", "previously"]

  /// A cheap test before any word is looked at: a digit, or a capitalized word that begins like
  /// a month or a weekday ("Jan", "Sept", "Mon").
  static func mayHoldDate(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      tailsByEnd.withUnsafeBufferPointer { tails in
        tailStarts.withUnsafeBufferPointer { starts in
          monthAndDayPrefixes.withUnsafeBufferPointer { prefixes in
            mayHoldDate(bytes, tails: tails, starts: starts, prefixes: prefixes)
          }
        }
      }
    }
  }

  private static func mayHoldDate(
    _ bytes: UnsafeBufferPointer<UInt8>, tails: UnsafeBufferPointer<Tail>, starts: UnsafeBufferPointer<UInt8>,
    prefixes: UnsafeBufferPointer<UInt32>
  ) -> Bool {
    var previous: UInt8 = 0x20
    var word: UInt32 = 0
    var position = 0  // letters read since a capital at a word start; 0 when not in such a word
    // today, yesterday, tonight, tomorrow, overnight, last night, last month, this morning: the
    // same pass reads the words' tails.
    var tail: UInt64 = 0
    for b in bytes {
      if b >= 0x30 && b <= 0x39 { return true }
      if isUpper(b) && (previous == 0x20 || previous == 0x2D || previous == 0x28) {
        word = UInt32(b)
        position = 1
      } else if position == 1 {
        word = word << 8 | UInt32(b)
        position = 2
      } else if position == 2 {
        word = word << 8 | UInt32(b)
        position = 0
        if prefixes.contains(word) { return true }
      }
      previous = b
      let lowered = b | (isUpper(b) ? 0x20 : 0)
      tail = tail << 8 | UInt64(lowered)
      // Only a byte that ends one of the words can complete it: the tails are grouped by it.
      guard lowered >= 0x60, lowered < 0x80 else { continue }
      var k = Int(starts[Int(lowered - 0x60)])
      let end = Int(starts[Int(lowered - 0x60) + 1])
      while k < end {
        if tail & tails[k].mask == tails[k].bytes { return true }
        k += 1
      }
    }
    return false
  }

  /// The last letters of a relative date word, packed as bytes for the scan above.
  private struct Tail {
    var bytes: UInt64
    var mask: UInt64
    var last: UInt8 { UInt8(bytes & 0xFF) }
  }

  private static let relativeTails: [Tail] = [
    "oday", "esterday", "onight", "omorrow", "vernight", "st night", " month", "morning", "fternoon",
    "evening",
  ].map { word in
    let bytes = word.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    return Tail(
      bytes: bytes, mask: word.utf8.count == 8 ? ~UInt64(0) : (UInt64(1) << (8 * UInt64(word.utf8.count))) - 1
    )
  }

  /// `relativeTails` ordered by last letter; the tails ending in letter `c` (0x60 ..< 0x80) are
  /// `tailsByEnd[tailStarts[c - 0x60] ..< tailStarts[c - 0x60 + 1]]`.
  private static let tailsByEnd: [Tail] = relativeTails.sorted { $0.last < $1.last }
  private static let tailStarts: [UInt8] = (0x60...0x80).map { (letter: Int) in
    precondition(
      relativeTails.allSatisfy { $0.last >= 0x60 && $0.last < 0x80 }, "tails end in a lower-case letter")
    return UInt8(tailsByEnd.filter { Int($0.last) < letter }.count)
  }

  private static let monthAndDayPrefixes: [UInt32] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Mon", "Tue", "Wed",
    "Thu", "Fri", "Sat", "Sun",
  ].map { word in word.utf8.reduce(0) { $0 << 8 | UInt32($1) } }

  /// Reads a date starting at word `i`; returns it and how many words it took.
  private static func read(_ words: [Word], at i: Int, articleDate: BriefingDate?, tense: () -> Tense) -> (
    BriefingDate, Int
  )? {
    let word = words[i]
    guard mayStart(word) else { return nil }
    // today, yesterday, tonight, last night ("USA Today" is a name: a capital mid-sentence)
    if let articleDate, articleDate.precision == .day {
      if let days = relativeDays[word.lower], !(i > 0 && word.bare.first?.isUppercase == true) {
        return (BriefingDate(dayNumber: articleDate.dayNumber + days), 1)
      }
      if word.lower == "last", i + 1 < words.count, words[i + 1].lower == "night" {
        return (BriefingDate(dayNumber: articleDate.dayNumber - 1), 2)
      }
      if word.lower == "this", i + 1 < words.count,
        ["morning", "afternoon", "evening"].contains(words[i + 1].lower)
      {
        return (articleDate, 2)
      }
      // last month, this month, next month
      if ["last", "this", "next"].contains(word.lower), i + 1 < words.count,
        words[i + 1].bare.lowercased() == "month", let month = articleDate.month
      {
        let shift = word.lower == "last" ? -1 : word.lower == "next" ? 1 : 0
        let index = articleDate.year * 12 + (month - 1) + shift
        return (BriefingDate(year: index / 12, month: index % 12 + 1), 2)
      }
    }
    // 2025-02-07
    if word.bare.count == 10, let date = BriefingDate(iso: String(word.bare)), date.precision == .day {
      return (date, 1)
    }
    // early 2025, mid-2025, late 2024
    if let part = part(of: word.bare), i + 1 < words.count, let year = year(words[i + 1].bare) {
      return (BriefingDate(approximately: part, year: year), 2)
    }
    let mid = word.bare.utf8.first == 0x6D && word.bare.hasPrefix("mid-")
    if mid, let year = year(word.bare.dropFirst(4)) {
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
    } else if mid {
      qualifier = .mid
      monthWord = word.bare.dropFirst(4)
    }
    if let month = DatelineParser.month(named: String(monthWord)) {
      return readMonth(
        month, words, at: i, offset: start, qualifier: qualifier, articleDate: articleDate, tense: tense())
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
      if let date = resolve(
        month: month, day: day, words, after: i + 2, articleDate: articleDate, tense: tense())
      {
        return (date, 2 + yearWords(words, after: i + 2))
      }
    }
    // on Monday, last Thursday, next Tuesday
    if let weekday = weekday(word.bare), let articleDate, articleDate.precision == .day {
      let before = i > 0 ? words[i - 1].bare.lowercased() : ""
      let offset: Int?
      let today = weekdayIndex(articleDate)
      switch before {
      case "last": offset = -((today - weekday + 7) % 7 == 0 ? 7 : (today - weekday + 7) % 7)
      case "next": offset = (weekday - today + 7) % 7 == 0 ? 7 : (weekday - today + 7) % 7
      default:
        // "on Monday", "said Tuesday", "will meet Friday": the tense says which way; without one,
        // the nearest such day. A bare weekday followed by a capital is a name ("Monday Night Football").
        let forward = (weekday - today + 7) % 7
        // "on Saturday, November 10": the date that follows says it all.
        if i + 2 < words.count, DatelineParser.month(named: String(words[i + 1].bare)) != nil,
          day(words[i + 2].bare) != nil
        {
          return nil
        }
        if i + 2 < words.count, day(words[i + 1].bare) != nil,
          DatelineParser.month(named: String(words[i + 2].bare)) != nil
        {
          return nil
        }
        let next = i + 1 < words.count ? words[i + 1].text.first : nil
        let bareName = next?.isUppercase == true && !words[i].text.hasSuffix(",")
        if bareName && before != "on" {
          offset = nil
        } else {
          switch tense() {
          case .future: offset = forward
          case .past: offset = forward == 0 ? 0 : forward - 7
          case .unknown: offset = forward <= 3 ? forward : forward - 7
          }
        }
      }
      if let offset {
        return (date(dayNumber: articleDate.dayNumber + offset), 1)
      }
    }
    return nil
  }

  /// Whether `read` may find a date starting at `word`. Only a relative word (today, last, this,
  /// next…) or a part of a month or year (early, mid, late) starts one in lower case; months,
  /// weekdays and numbers start with a capital, a digit or a sign.
  private static func mayStart(_ word: Word) -> Bool {
    guard let first = word.bare.utf8.first else { return false }
    guard isLower(first) else { return true }
    switch word.lower {
    case "last", "this", "next": return true
    default:
      return relativeDays[word.lower] != nil || (first == 0x6D && word.bare.hasPrefix("mid-"))
        || part(of: word.bare) != nil
    }
  }

  private static func readMonth(
    _ month: Int, _ words: [Word], at i: Int, offset: Int, qualifier: BriefingDate.Part?,
    articleDate: BriefingDate?, tense: Tense
  ) -> (BriefingDate, Int)? {
    let m = i + offset
    if qualifier == nil, m + 1 < words.count, let day = day(words[m + 1].bare) {
      // February 7, 2025 / Jan. 20
      if m + 2 < words.count, let year = year(words[m + 2].bare),
        day <= BriefingDate.days(in: month, of: year)
      {
        return (BriefingDate(year: year, month: month, day: day), offset + 3)
      }
      let before = i > 0 ? words[i - 1].lower : ""
      var direction = tense
      if before == "last" { direction = .past }
      if before == "next" { direction = .future }
      if let date = resolve(
        month: month, day: day, words, after: m + 2, articleDate: articleDate, tense: direction)
      {
        return (date, offset + 2 + yearWords(words, after: m + 2))
      }
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
    var direction = tense
    if before == "last" { direction = .past }
    if before == "next" { direction = .future }
    let strict = before == "last" || before == "next"
    var year = year(month: month, day: nil, articleDate: articleDate, tense: direction, strict: strict)
    let extra = yearWords(words, after: m + 1)
    if extra > 0, let stated = statedYear(words, after: m + 1, articleDate: articleDate) { year = stated }
    if let qualifier {
      return (BriefingDate(approximately: qualifier, year: year, month: month), offset + 1 + extra)
    }
    return (BriefingDate(year: year, month: month), offset + 1 + extra)
  }

  /// A year-less day: "last year" or "this year" after it, or the year the tense points to.
  private static func resolve(
    month: Int, day: Int, _ words: [Word], after j: Int, articleDate: BriefingDate?, tense: Tense
  ) -> BriefingDate? {
    guard let articleDate else { return nil }
    let year =
      statedYear(words, after: j, articleDate: articleDate)
      ?? self.year(month: month, day: day, articleDate: articleDate, tense: tense, strict: false)
    guard day <= BriefingDate.days(in: month, of: year) else { return nil }
    return BriefingDate(year: year, month: month, day: day)
  }

  /// "(of) last year", "this year", "next year" after a date: how many words they take.
  private static func yearWords(_ words: [Word], after j: Int) -> Int {
    var k = j
    if k < words.count, words[k].lower == "of" { k += 1 }
    guard k + 1 < words.count, ["last", "this", "next"].contains(words[k].lower), words[k + 1].lower == "year"
    else {
      return 0
    }
    return k + 2 - j
  }

  private static func statedYear(_ words: [Word], after j: Int, articleDate: BriefingDate) -> Int? {
    let used = yearWords(words, after: j)
    guard used > 0 else { return nil }
    switch words[j + used - 2].lower {
    case "last": return articleDate.year - 1
    case "next": return articleDate.year + 1
    default: return articleDate.year
    }
  }

  /// The year of a year-less month (and day): on or before the article's date for the past, on or
  /// after it for the future (strictly, after "last" and "next"), else the nearest.
  private static func year(month: Int, day: Int?, articleDate: BriefingDate, tense: Tense, strict: Bool)
    -> Int
  {
    let y = articleDate.year
    // Compare by month when there is no day, by day otherwise.
    func key(_ year: Int) -> Int {
      day.map { BriefingDate.dayNumber(year: year, month: month, day: min($0, 28)) } ?? (year * 12 + month)
    }
    let reference = day == nil ? articleDate.year * 12 + (articleDate.month ?? 1) : articleDate.dayNumber
    switch tense {
    case .past: return strict ? (key(y) < reference ? y : y - 1) : (key(y) <= reference ? y : y - 1)
    case .future: return strict ? (key(y) > reference ? y : y + 1) : (key(y) >= reference ? y : y + 1)
    case .unknown: return nearestYear(month: month, day: day ?? 15, to: articleDate)
    }
  }

  private static let futureWords: Set<String> = [
    "will", "shall", "plans", "planned", "scheduled", "expected", "due", "upcoming", "anticipated", "would",
    "next", "plan", "intends", "aims", "hopes", "going", "could", "may", "might", "tomorrow", "resume",
    "resumes", "begin", "begins", "open", "opens", "start", "starts", "convene", "convenes",
  ]

  private static let monthPrepositions: Set<String> = [
    "in", "since", "by", "until", "till", "during", "from", "through", "before", "after", "last", "next",
    "this",
    "of", "late", "early", "mid",
  ]

  private static func part(of word: Substring) -> BriefingDate.Part? {
    // Only a word of three to five letters can be one, unless lower-casing changes its length.
    // An ASCII word is lower-cased on its letters alone: it must start with e, m or l.
    if word.utf8.allSatisfy({ $0 < 0x80 }) {
      guard (3...5).contains(word.utf8.count), let first = word.utf8.first.map({ $0 | 0x20 }),
        first == 0x65 || first == 0x6D || first == 0x6C
      else { return nil }
    }
    return switch word.lowercased() {
    case "early": .early
    case "mid", "mid-": .mid
    case "late": .late
    default: nil
    }
  }

  private static func day(_ word: Substring) -> Int? {
    // One or two digits (or "+" and one) with a suffix: nothing else starts like that.
    guard let first = word.utf8.first, (first >= 0x30 && first <= 0x39) || first == 0x2B else { return nil }
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
    guard (6...9).contains(word.utf8.count) else { return nil }
    return ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].firstIndex(
      of: String(word))
  }

  /// 0 for Monday … 6 for Sunday.
  private static func weekdayIndex(_ date: BriefingDate) -> Int {
    // 1970-01-01 was a Thursday (index 3).
    ((date.dayNumber % 7) + 7 + 3) % 7
  }

  private static func date(dayNumber: Int) -> BriefingDate { BriefingDate(dayNumber: dayNumber) }

  private static func nearestYear(month: Int, day: Int, to articleDate: BriefingDate) -> Int {
    let reference = articleDate.dayNumber
    return [articleDate.year - 1, articleDate.year, articleDate.year + 1].min { a, b in
      abs(BriefingDate.dayNumber(year: a, month: month, day: min(day, 28)) - reference)
        < abs(BriefingDate.dayNumber(year: b, month: month, day: min(day, 28)) - reference)
    }!
  }

  fileprivate static func bare(_ word: Substring) -> Substring {
    var w = word
    if w.utf8.allSatisfy({ $0 < 0x80 }) {
      // The same on the bytes of an ASCII word, which has no curly marks.
      if w.utf8.count >= 2, w.utf8.suffix(2).elementsEqual("'s".utf8) { w = w.dropLast(2) }
      while let last = w.utf8.last,
        (last != 0x2E && asciiClosers.contains(last)) || (last == 0x2E && !isAbbreviatedMonth(w))
      {
        w = w.dropLast()
      }
      while let first = w.utf8.first, first == 0x28 || first == 0x22 || first == 0x27 { w = w.dropFirst() }
      return w
    }
    for suffix in ["'s", "’s"] where w.hasSuffix(suffix) { w = w.dropLast(2) }
    while let last = w.last, ",;:)\"”’'!?".contains(last) || (last == "." && !isAbbreviatedMonth(w)) {
      w = w.dropLast()
    }
    while let first = w.first, "(\"“‘'".contains(first) { w = w.dropFirst() }
    return w
  }

  /// `,;:)"'!?`: the ASCII marks stripped from the end of a word.
  private static let asciiClosers: Set<UInt8> = Set(",;:)\"'!?".utf8)

  /// `text` without the punctuation (Unicode category P) at either end.
  private static func trimmingPunctuation(_ text: String) -> String {
    func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar.properties.generalCategory {
      case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
        .finalPunctuation, .otherPunctuation:
        return true
      default:
        return false
      }
    }
    let scalars = text.unicodeScalars
    var lower = scalars.startIndex
    var upper = scalars.endIndex
    while lower < upper, isPunctuation(scalars[lower]) { lower = scalars.index(after: lower) }
    while upper > lower, isPunctuation(scalars[scalars.index(before: upper)]) {
      upper = scalars.index(before: upper)
    }
    return String(scalars[lower..<upper])
  }

  /// "Jan." keeps its period: it marks an abbreviation, which `DatelineParser.month` accepts.
  private static func isAbbreviatedMonth(_ w: Substring) -> Bool {
    w.count >= 4 && w.count <= 5 && DatelineParser.month(named: String(w)) != nil
  }
}

import Foundation
