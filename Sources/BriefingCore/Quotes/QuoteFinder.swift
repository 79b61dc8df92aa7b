/// Finds quoted speech in a paragraph and attributes it to its speaker.
///
/// A speaker is a person or organization named as the subject of a speech verb right after the
/// quote ("…,” Nakatani remarked; “…,” stated Nikkei), before it in the same sentence (Suga
/// emphasized that “…”), in "in the words of X", or "he said"/"she said" for the person last named
/// outside quotes. Anything else stays unattributed: a speaker is never guessed.
struct QuoteFinder {
  /// A mention in the paragraph: UTF-8 offsets and the entity.
  struct Named {
    var start: Int
    var end: Int
    var entity: String
  }

  /// A quote as offsets into the paragraph.
  struct Span {
    var open: Int
    var innerStart: Int
    var innerEnd: Int
    var close: Int
  }

  /// Quotes shorter than this many words are scare quotes ("America First"), not speech.
  static let minimumWords = 4

  /// The quotes of `text`. `lastPerson` is the person last named before the paragraph, and is
  /// updated to the last one named in it (outside quotes).
  static func quotes(
    in text: String, named: [Named], sentences: [Range<Int>], document: String, lastPerson: inout String?
  ) -> [Quote] {
    let bytes = Array(text.utf8)
    let spans = quoteSpans(bytes)
    var quotes: [Quote] = []
    var personCursor = 0
    let outside = named.filter { name in !spans.contains { $0.open <= name.start && name.end <= $0.close } }
    let people = outside.filter { $0.entity.hasPrefix("people/") }
    for span in spans {
      while personCursor < people.count, people[personCursor].end <= span.open {
        lastPerson = people[personCursor].entity
        personCursor += 1
      }
      let inner = String(decoding: bytes[span.innerStart..<span.innerEnd], as: UTF8.self)
      let words = inner.split(separator: " ").count
      guard words >= minimumWords else { continue }
      let first = sentences.firstIndex { $0.contains(span.open) } ?? 0
      let last = sentences.lastIndex { $0.lowerBound < span.close } ?? first
      let sentence =
        sentences.isEmpty
        ? 0..<bytes.count : sentences[first].lowerBound..<sentences[max(first, last)].upperBound
      let speaker =
        after(span, bytes, outside, sentenceEnd: sentence.upperBound, lastPerson: lastPerson)
        ?? before(span, bytes, outside, sentenceStart: sentence.lowerBound, lastPerson: lastPerson)
      var entities: [String] = []
      for name in named where sentence.contains(name.start) && !entities.contains(name.entity) {
        entities.append(name.entity)
      }
      quotes.append(
        Quote(
          text: trimmed(inner), speaker: speaker, document: document,
          context: String(decoding: bytes[sentence], as: UTF8.self), entities: entities.sorted()))
    }
    while personCursor < people.count {
      lastPerson = people[personCursor].entity
      personCursor += 1
    }
    return quotes
  }

  /// Pairs of opening and closing quotation marks: “…”, "…", and mixtures of the two.
  static func quoteSpans(_ bytes: [UInt8]) -> [Span] {
    var spans: [Span] = []
    var open: (Int, Int)?
    var i = 0
    while i < bytes.count {
      let curlyOpen = i + 2 < bytes.count && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x9C
      let curlyClose = i + 2 < bytes.count && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x9D
      let straight = bytes[i] == 0x22
      let width = straight ? 1 : 3
      if let (start, innerStart) = open, curlyClose || straight {
        spans.append(Span(open: start, innerStart: innerStart, innerEnd: i, close: i + width))
        open = nil
      } else if open == nil, curlyOpen || straight {
        open = (i, i + width)
      } else if curlyOpen {
        open = (i, i + 3)  // an unclosed quote: start again here
      }
      i += (curlyOpen || curlyClose) ? 3 : 1
    }
    return spans
  }

  /// "…,” Nakatani remarked" / "…,” stated Nikkei" / "…,” he warned" / "(in the words of Abe)".
  private static func after(
    _ span: Span, _ bytes: [UInt8], _ named: [Named], sentenceEnd: Int, lastPerson: String?
  ) -> String? {
    var i = span.close
    skip(bytes, &i, over: [0x2C, 0x20, 0x3A])
    guard i < sentenceEnd else { return nil }
    let words = wordsFrom(bytes, i, limit: sentenceEnd, count: 4)
    if let first = words.first {
      let word = first.text.lowercased()
      if (word == "he" || word == "she"), words.count > 1, speechVerbs.contains(words[1].text.lowercased()) {
        return lastPerson
      }
      if speechVerbs.contains(word), words.count > 1 {
        // "stated Nikkei", "said Mr. Trump"
        let next = skipTitles(words.dropFirst())
        if let name = named.first(where: { $0.start == next }), isSpeaker(name.entity) { return name.entity }
      }
    }
    // "Nakatani remarked", "Prime Minister Ishiba said"
    let start = skipTitles(words[...]) ?? i
    if let name = named.first(where: { $0.start == start }), isSpeaker(name.entity) {
      let following = wordsFrom(bytes, name.end, limit: sentenceEnd, count: 2)
      if following.contains(where: { speechVerbs.contains($0.text.lowercased()) }) { return name.entity }
    }
    // "“…” with the incoming administration, Iwaya stated during talks": later in the sentence.
    for name in named where name.start > i && name.start < sentenceEnd && isSpeaker(name.entity) {
      let following = wordsFrom(bytes, name.end, limit: sentenceEnd, count: 1)
      if let verb = following.first, speechVerbs.contains(verb.text.lowercased()) { return name.entity }
    }
    // "(in the words of Prime Minister Shinzo Abe)"
    let rest = String(decoding: bytes[i..<sentenceEnd], as: UTF8.self)
    if let phrase = rest.range(of: "in the words of ") {
      let offset = i + rest.utf8.distance(from: rest.startIndex, to: phrase.upperBound)
      let names = named.filter { $0.start >= offset && $0.start <= offset + 40 && isSpeaker($0.entity) }
      if let name = names.first { return name.entity }
    }
    return nil
  }

  /// "Suga emphasized … that “…”" / "He said that “…”" / "Nakatani conveyed the urgency, stating, "…"".
  private static func before(
    _ span: Span, _ bytes: [UInt8], _ named: [Named], sentenceStart: Int, lastPerson: String?
  ) -> String? {
    let words = wordsFrom(bytes, sentenceStart, limit: span.open, count: 60)
    guard let verb = words.lastIndex(where: { speechVerbs.contains($0.text.lowercased()) }) else {
      return nil
    }
    let verbStart = words[verb].start
    let subjects = named.filter { $0.start >= sentenceStart && $0.end <= verbStart && isSpeaker($0.entity) }
    if let subject = subjects.last { return subject.entity }
    // "He said that “…”", "… he claimed that Japan “…”"
    if verb > 0, ["he", "she"].contains(words[verb - 1].text.lowercased()) { return lastPerson }
    return nil
  }

  private static func isSpeaker(_ entity: String) -> Bool {
    entity.hasPrefix("people/") || entity.hasPrefix("organizations/")
  }

  private struct Word {
    var text: String
    var start: Int
  }

  /// Up to `count` words from `start`, without surrounding punctuation.
  private static func wordsFrom(_ bytes: [UInt8], _ start: Int, limit: Int, count: Int) -> [Word] {
    var words: [Word] = []
    var i = start
    while i < limit && words.count < count {
      while i < limit, !isWordByte(bytes[i]) { i += 1 }
      let begin = i
      while i < limit, isWordByte(bytes[i]) || bytes[i] == 0x2E && i + 1 < limit && isWordByte(bytes[i + 1]) {
        i += 1
      }
      if i > begin {
        words.append(Word(text: String(decoding: bytes[begin..<i], as: UTF8.self), start: begin))
      }
    }
    return words
  }

  /// The start of the first word that is not a title ("Prime Minister", "Mr.").
  private static func skipTitles(_ words: ArraySlice<Word>) -> Int? {
    for word in words where !Matcher.titles.contains(Array(word.text.utf8)) && !titleWords.contains(word.text)
    {
      return word.start
    }
    return nil
  }

  private static let titleWords: Set<String> = [
    "Prime", "Foreign", "Defense", "Defence", "Chief", "Cabinet", "Deputy", "Vice",
  ]

  private static func skip(_ bytes: [UInt8], _ i: inout Int, over set: Set<UInt8>) {
    while i < bytes.count, set.contains(bytes[i]) { i += 1 }
  }

  private static func trimmed(_ text: String) -> String {
    var t = Substring(text)
    while let last = t.last, last == "," || last == " " { t = t.dropLast() }
    while let first = t.first, first == " " { t = t.dropFirst() }
    return String(t)
  }

  static let speechVerbs: Set<String> = [
    "said", "says", "say", "stated", "states", "stating", "remarked", "noted", "warned", "emphasized",
    "emphasised", "highlighted", "added", "told", "asserted", "claimed", "conveyed", "saying", "explained",
    "insisted", "stressed", "argued", "declared", "announced", "wrote", "commented", "replied", "responded",
    "cautioned", "urged", "observed", "acknowledged", "admitted", "reported", "reports", "tweeted", "posted",
  ]
}
