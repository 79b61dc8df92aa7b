/// Finds the entities named in a run of text: whole words only, longest match first, never inside
/// a URL, and a derived family name only where it is not part of some other proper name.
struct Matcher: Sendable {
  /// Words found in the text and the entities they may name, as UTF-8 offsets into the text.
  struct Found: Sendable, Hashable {
    var start: Int
    var end: Int
    var candidates: [AliasIndex.Candidate]
  }

  let index: AliasIndex

  func find(in text: Substring) -> [Found] {
    // Copied whole where the text is one run of bytes (it always is here), not byte by byte.
    let utf8 = text.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(text.utf8)
    let canonical = CanonicalText(utf8)
    let bytes = canonical.bytes
    let urls = urlRanges(in: bytes)
    var raw = index.trie.matches(in: bytes).filter { match in
      !urls.contains { $0.overlaps(match.start..<match.end) }
    }
    // Leftmost, then longest.
    raw.sort { ($0.start, -$0.end, $0.pattern) < ($1.start, -$1.end, $1.pattern) }
    var found: [Found] = []
    var taken = 0
    var titleCase: Bool?
    for match in raw where match.start >= taken {
      var candidates = index.patterns[match.pattern].candidates
      if candidates.contains(where: \.derivedWord) {
        if titleCase == nil { titleCase = isTitleCase(bytes) }
        let alone = standsAlone(match, in: bytes, titleCase: titleCase!)
        candidates = candidates.filter { !$0.derivedWord || alone }
      }
      guard !candidates.isEmpty else { continue }
      found.append(
        Found(
          start: canonical.offsets[match.start], end: canonical.offsets[match.end], candidates: candidates))
      taken = match.end
    }
    return found
  }

  /// A derived family name stands alone unless a capitalized word joins it into a longer name
  /// ("Hill Top", "Ron Howard"); a title before it ("Mr", "Prime Minister") confirms it.
  /// In a title-case headline every word is capitalized, so a capital after the name proves nothing.
  private func standsAlone(_ match: WordTrie.Match, in bytes: [UInt8], titleCase: Bool) -> Bool {
    if !titleCase, match.end + 1 < bytes.count, bytes[match.end] == 0x20, isUpper(bytes[match.end + 1]) {
      return false
    }
    guard match.start >= 2, bytes[match.start - 1] == 0x20 else { return true }
    var wordStart = match.start - 1
    while wordStart > 0, bytes[wordStart - 1] != 0x20 { wordStart -= 1 }
    let word = Array(bytes[wordStart..<(match.start - 1)])
    guard let first = word.first, isUpper(first) else { return true }
    // "Mr. Hill", or "… Japan. Ishiba said": a title or the end of a sentence before it.
    if word.last == 0x2E { return true }
    if let last = word.last, !isWordByte(last) { return true }
    return Matcher.titles.contains(word) || Matcher.functionWords.contains(word)
  }

  /// A short line whose longer words are nearly all capitalized: "Japan Prepares For Talks With Trump".
  private func isTitleCase(_ bytes: [UInt8]) -> Bool {
    guard bytes.last != 0x2E else { return false }
    // A paragraph is no headline: the words are counted only up to the 21st.
    var words: [ArraySlice<UInt8>] = []
    var start = 0
    for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x20 {
      if i > start {
        words.append(bytes[start..<i])
        if words.count > 20 { return false }
      }
      start = i + 1
    }
    let long = words.filter { $0.count > 3 }
    guard long.count >= 4 else { return false }
    return long.filter { isUpper($0.first!) }.count * 10 >= long.count * 8
  }

  /// Titles that may stand before a family name.
  static let titles: Set<[UInt8]> = Set(
    [
      "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor", "Sen", "Senator", "Rep", "Representative", "Gov",
      "Governor", "President", "Premier", "Minister", "Secretary", "Chancellor", "Ambassador", "General",
      "Gen",
      "Admiral", "Adm", "Chairman", "Chairwoman", "Chair", "King", "Queen", "Emperor", "Prince", "Princess",
      "Judge", "Justice", "Mayor", "Speaker", "Leader", "Chief", "Commissioner", "Director", "Envoy",
      "Spokesman", "Spokeswoman", "Lt", "Col", "Capt", "Sgt", "Sir", "Dame", "Lord", "Lady",
    ].map { Array($0.utf8) })

  /// Words that start sentences and clauses without being part of a name.
  static let functionWords: Set<[UInt8]> = Set(
    [
      "The", "A", "An", "And", "But", "Or", "Nor", "So", "Yet", "If", "When", "While", "With", "Without",
      "As",
      "At", "In", "On", "Of", "For", "From", "To", "By", "After", "Before", "Since", "During", "Under",
      "Over",
      "Because", "Although", "Though", "Meanwhile", "Then", "That", "This", "These", "Those", "What", "Why",
      "How", "Where", "Whether", "Both", "Even", "Only", "Still", "Unlike", "Like", "Despite", "According",
      "Also", "Once", "Until", "Whereas", "Between", "Among", "Against", "Through", "Toward", "Towards",
      "Did",
      "Does", "Do", "Has", "Have", "Had", "Is", "Was", "Will", "Would", "Should", "Could", "Can", "May",
      "Might",
      "Must", "Not", "Now", "Here", "There", "Indeed", "However", "Moreover", "Yes", "No", "Why", "Let",
      "Mr", "Ms", "Mrs", "Dr",
    ].map { Array($0.utf8) })

  /// Byte ranges of web addresses (`http://…`, `https://…`, `www.…`) up to the next space.
  private func urlRanges(in bytes: [UInt8]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var i = 0
    while i < bytes.count {
      // Every address starts with "h" or "w": other bytes are passed over at once.
      guard bytes[i] == 0x68 || bytes[i] == 0x77 else {
        i += 1
        continue
      }
      let atWordStart = i == 0 || !isWordByte(bytes[i - 1])
      let startsURL =
        atWordStart
        && (has(Matcher.http, in: bytes, at: i) || has(Matcher.https, in: bytes, at: i)
          || has(Matcher.www, in: bytes, at: i))
      if startsURL {
        var end = i
        while end < bytes.count, bytes[end] != 0x20 { end += 1 }
        ranges.append(i..<end)
        i = end
      } else {
        i += 1
      }
    }
    return ranges
  }

  private func has(_ prefix: [UInt8], in bytes: [UInt8], at i: Int) -> Bool {
    guard i + prefix.count <= bytes.count, bytes[i] == prefix[0] else { return false }
    return bytes[i..<(i + prefix.count)].elementsEqual(prefix)
  }

  private static let http = Array("http://".utf8)
  private static let https = Array("https://".utf8)
  private static let www = Array("www.".utf8)
}
