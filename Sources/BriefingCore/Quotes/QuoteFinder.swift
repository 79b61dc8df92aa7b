/// Finds the quoted speech of an article and attributes it to its speaker as a careful reader
/// would, leaving it unattributed whenever the reader would have to guess.
///
/// A quote is text between quotation marks, of four words or more; a quote left open at the end
/// of a paragraph goes on when the next paragraph opens with a quotation mark (the wire-copy
/// convention), and is dropped otherwise. Its speaker is read, in this order, from
/// - the clause after it: "…,” Nakatani remarked / “…,” said Pentagon spokesman John Smith /
///   "…," he said / "…," the spokesman said / "…," according to Smith;
/// - the sentence before it: Suga emphasized that “…” / Bush defended the strikes, saying: "…";
///   or a paragraph ending in a colon just before it;
/// - the quote before it, when only its attribution stands between them ("A," he said. "B.").
///
/// The phrase found names a speaker in one of three ways. A name is the entity it links to, or,
/// when no note has it, the name as text ("John Smith", after its titles). "He" or "she" is the
/// person of the last sentence that names people outside quotes, when that sentence names one
/// (or one speaks in it). "The spokesman" is the last person given that role. Anything else
/// ("a western diplomat", "officials") stays unattributed; so does a quote whose pronoun could
/// mean two people. Names inside quotation marks never speak.
struct QuoteFinder {
  /// A mention in a paragraph: UTF-8 offsets and the entity.
  struct Named {
    var start: Int
    var end: Int
    var entity: String
  }

  /// A paragraph of the article, with its mentions and its sentences as UTF-8 ranges.
  struct Paragraph {
    var text: String
    var named: [Named]
    var sentences: [Range<Int>]
  }

  /// Quotes shorter than this many words are scare quotes ("America First"), not speech.
  static let minimumWords = 4

  /// The quotes of an article's paragraphs, in order, and for each paragraph the UTF-8 ranges
  /// that stand inside quotation marks (whose dates are the speaker's, not the news').
  static func quotes(in paragraphs: [Paragraph], document: String) -> (
    quotes: [Quote], quoted: [[Range<Int>]]
  ) {
    var reader = QuoteReader(paragraphs)
    return (reader.quotes(document: document), reader.quotedRanges())
  }

  /// Whether `text` holds a byte sequence the tokenizer reads as a quotation mark: `"`, “, ”,
  /// ``, or ''. Without one, no token is a mark, so no span of quoted speech can open, and the
  /// reader (which tokenizes every paragraph and finds every person named) need not run.
  static func mayQuote(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      var previous: UInt8 = 0
      for b in bytes {
        switch b {
        case 0x22: return true
        case 0x60 where previous == 0x60, 0x27 where previous == 0x27: return true
        // The third byte of “ (E2 80 9C) and ” (E2 80 9D).
        case 0x9C, 0x9D: return true
        default: break
        }
        previous = b
      }
      return false
    }
  }
}

/// Who said something: an entity with a note, or a name as the text gives it.
struct Speaker: Hashable {
  var entity: String?
  var name: String
}

/// A position in the article: paragraph and token.
private struct Position: Comparable {
  var paragraph: Int
  var token: Int
  static func < (a: Position, b: Position) -> Bool { (a.paragraph, a.token) < (b.paragraph, b.token) }
}

/// A person named outside quotes, whom a later "he" or "the spokesman" may mean.
private struct Referent {
  var position: Position
  var sentence: Int
  var speaker: Speaker
  /// Named with a title, a role or as the subject of speech: surely a person.
  var certain: Bool
  /// "male", "female" or nil, from titles and roles.
  var gender: String?
  var roles: Set<String>
  var speaks: Bool
  /// Someone unnamed ("bin Laden's spokesman"): "he" may mean them, so no one else, but they
  /// cannot be named as a speaker.
  var anonymous = false
  /// A single capitalized word with nothing to say it is a person ("Blair", or a place): it makes
  /// a "he" ambiguous, but "he" never means it alone.
  var blocker = false
}

/// What an attribution names.
private enum Phrase {
  case pronoun(String, Position)
  case name(Speaker, person: Bool, roles: Set<String>, gender: String?, Position)
  case description(String, head: String, definite: Bool, Position)

  var position: Position {
    switch self {
    case .pronoun(_, let p), .name(_, _, _, _, let p), .description(_, _, _, let p): p
    }
  }
}

/// One paragraph read as tokens.
private struct Tokens {
  var text: String
  var tokens: [QuoteToken]
  var named: [QuoteFinder.Named]
  var sentences: [Range<Int>]
  /// For each token, the index in `named` of the mention that covers it.
  var entityAt: [Int?]
  var inQuote: [Bool]
  /// A sentence number for each token, counted over the whole article.
  var sentence: [Int]
  /// For each token, whether its words alone make it a name word (see `isNameWord`): worked out
  /// once, as attribution asks again and again.
  private var nameLike: [Bool]
  /// For each token, whether a mention of a person or organization covers it.
  private var speakerNamed: [Bool]

  init(_ paragraph: QuoteFinder.Paragraph) {
    text = paragraph.text
    tokens = QuoteToken.tokens(Array(paragraph.text.utf8))
    named = paragraph.named
    sentences = paragraph.sentences
    var entityAt = [Int?](repeating: nil, count: tokens.count)
    var n = 0
    for (i, token) in tokens.enumerated() {
      while n < named.count, named[n].end <= token.start { n += 1 }
      // A mention covers a token it starts ("Iwaya" in "Iwaya's").
      if n < named.count, named[n].start <= token.start, token.start < named[n].end { entityAt[i] = n }
    }
    self.entityAt = entityAt
    inQuote = [Bool](repeating: false, count: tokens.count)
    sentence = [Int](repeating: 0, count: tokens.count)
    let named = named
    speakerNamed = entityAt.map { index in
      index.map { named[$0].entity.hasPrefix("people/") || named[$0].entity.hasPrefix("organizations/") }
        ?? false
    }
    nameLike = [Bool](repeating: false, count: tokens.count)
  }

  /// Works out `nameLike` for the words outside quotes, once the quotes are known.
  mutating func findNameLikeWords() {
    var nameLike = [Bool](repeating: false, count: tokens.count)
    for i in tokens.indices where !inQuote[i] && tokens[i].kind == .word { nameLike[i] = isNameLike(i) }
    self.nameLike = nameLike
  }

  var count: Int { tokens.count }
  subscript(i: Int) -> QuoteToken { tokens[i] }

  func word(_ i: Int) -> String? {
    i >= 0 && i < count && tokens[i].kind == .word ? tokens[i].lowercased : nil
  }

  /// Whether token `i` is one of `marks`, each a one-byte mark (",.;").
  func isPunctuation(_ i: Int, _ marks: StaticString) -> Bool {
    guard i >= 0, i < count, tokens[i].kind == .punctuation else { return false }
    let utf8 = tokens[i].text.utf8
    guard utf8.count == 1, let byte = utf8.first else { return false }
    return marks.withUTF8Buffer { $0.contains(byte) }
  }

  func slice(_ from: Int, _ to: Int) -> String {
    let utf8 = text.utf8
    let lower = utf8.index(utf8.startIndex, offsetBy: from)
    let upper = utf8.index(utf8.startIndex, offsetBy: to)
    return String(text[lower..<upper])
  }

  /// The mention's entity covering token `i`, if any.
  func entity(_ i: Int) -> QuoteFinder.Named? { entityAt[i].map { named[$0] } }

  /// A word that may belong to a name: capitalized and not a function word, or covered by a
  /// mention of a person or organization.
  func isNameWord(_ i: Int) -> Bool {
    guard i >= 0, i < count, tokens[i].kind == .word, !inQuote[i] else { return false }
    return speakerNamed[i] || nameLike[i]
  }

  /// What makes word `i` a name word by its text and the token before it: capitalized and not a
  /// function word, a title, or a name with a particle ("al-Sahhaf").
  private func isNameLike(_ i: Int) -> Bool {
    guard tokens[i].kind == .word else { return false }
    let text = tokens[i].text
    guard let byte = text.utf8.first else { return false }
    let upper = byte < 0x80 ? isUpper(byte) : text.unicodeScalars.first!.properties.isUppercase
    // Most words are ASCII: their tests below can read bytes. The tokenizer said whether it is,
    // and whether it has a hyphen or an apostrophe.
    let ascii = tokens[i].isASCII
    let joined = tokens[i].isJoined
    if !upper {
      if ascii, !joined { return false }
      // "al-Sahhaf", "bin-Laden", "d'Estaing"
      guard let cut = text.firstIndex(where: { $0 == "-" || $0 == "'" || $0 == "’" }),
        SpeakerWords.particles.contains(String(text[...cut]).lowercased()) || text[..<cut] == "d",
        text[text.index(after: cut)...].first?.isUppercase == true
      else { return false }
      return true
    }
    if SpeakerWords.titles.contains(bareTitle(text)) { return true }
    if SpeakerWords.notNames.contains(text) { return false }
    // "Explaining Japan's …": a word that opens a sentence is capitalized for that alone.
    let participle =
      ascii
      ? text.utf8.hasSuffix("ing") || text.utf8.hasSuffix("ly") || text.utf8.hasSuffix("ed")
      : text.hasSuffix("ing") || text.hasSuffix("ly") || text.hasSuffix("ed")
    guard participle else { return true }
    let opensSentence =
      i == 0 || tokens[i - 1].isQuoteMark
      || (tokens[i - 1].kind == .punctuation && Tokens.sentenceOpeners.contains(tokens[i - 1].text))
    return !opensSentence
  }

  /// The marks after which a capitalized word may be capitalized only for opening a sentence.
  static let sentenceOpeners: Set<String> = [".", "!", "?", ":", "(", "—", "–"]

  /// After a title, "of State" or "of the Exchequer": the index of the last word, if the title goes on.
  func titleOf(_ i: Int) -> Int? {
    guard i > 0, SpeakerWords.titles.contains(bareTitle(tokens[i - 1].text)), word(i) == "of" else {
      return nil
    }
    let object = word(i + 1) == "the" ? i + 2 : i + 1
    return isNameWord(object) && isNameWord(object + 1) ? object : nil
  }

  func isParticle(_ i: Int) -> Bool {
    guard let word = word(i), !inQuote[i] else { return false }
    return SpeakerWords.particles.contains(word) && tokens[i].text == word && isNameWord(i + 1)
  }
}

extension String.UTF8View {
  /// Whether the bytes end with those of `suffix`.
  fileprivate func hasSuffix(_ suffix: StaticString) -> Bool {
    suffix.withUTF8Buffer { tail in count >= tail.count && self.suffix(tail.count).elementsEqual(tail) }
  }
}

/// "Mr." → "Mr", "Gen." → "Gen".
private func bareTitle(_ word: String) -> String {
  word.utf8.last == 0x2E ? String(word.dropLast()) : word
}

private struct Span {
  /// Paragraph, opening mark and closing mark (nil: the paragraph ends first) of each part.
  var parts: [(paragraph: Int, open: Int, close: Int?)]
  var first: Position { Position(paragraph: parts[0].paragraph, token: parts[0].open) }
}

private struct QuoteReader {
  var paragraphs: [Tokens]
  var spans: [Span] = []
  var referents: [Referent] = []

  init(_ input: [QuoteFinder.Paragraph]) {
    paragraphs = input.map(Tokens.init)
    findSpans()
    for p in paragraphs.indices { paragraphs[p].findNameLikeWords() }
    numberSentences()
    findReferents()
  }

  // MARK: Quotation marks

  func quotedRanges() -> [[Range<Int>]] {
    var ranges = [[Range<Int>]](repeating: [], count: paragraphs.count)
    for span in spans {
      for part in span.parts {
        let t = paragraphs[part.paragraph]
        let end = part.close.map { t[$0].end } ?? t.text.utf8.count
        ranges[part.paragraph].append(t[part.open].start..<end)
      }
    }
    return ranges
  }

  /// Pairs opening and closing marks; a quote open at a paragraph's end continues into a next
  /// paragraph that opens with a mark, and is dropped otherwise.
  mutating func findSpans() {
    var current: Span?
    for p in paragraphs.indices {
      let tokens = paragraphs[p]
      var i = 0
      if var carried = current {
        current = nil
        if tokens.count > 0, tokens[0].kind == .open || tokens[0].kind == .straight {
          carried.parts.append((p, 0, nil))
          current = carried
          i = 1
        }
      }
      while i < tokens.count {
        switch tokens[i].kind {
        case .open:
          current = Span(parts: [(p, i, nil)])  // an unclosed quote before it is dropped
        case .close:
          if var span = current {
            span.parts[span.parts.count - 1].close = i
            spans.append(span)
            current = nil
          }
        case .straight:
          if var span = current {
            span.parts[span.parts.count - 1].close = i
            spans.append(span)
            current = nil
          } else {
            current = Span(parts: [(p, i, nil)])
          }
        default: break
        }
        i += 1
      }
    }
    for span in spans {
      for part in span.parts {
        let end = part.close ?? paragraphs[part.paragraph].count - 1
        for i in part.open...end { paragraphs[part.paragraph].inQuote[i] = true }
      }
    }
  }

  /// Sentences end at ". ! ?" outside quotes, at a quote that ends with one and is not followed
  /// by its attribution, and at the end of a paragraph.
  mutating func numberSentences() {
    var number = 0
    for p in paragraphs.indices {
      number += 1
      let t = paragraphs[p]
      var sentence = [Int](repeating: 0, count: t.count)
      for i in t.tokens.indices {
        sentence[i] = number
        let terminal: StaticString = ".!?"
        if !t.inQuote[i], t.isPunctuation(i, terminal), !(i + 1 < t.count && t.word(i + 1) == t[i + 1].text),
          !(i + 1 < t.count && t[i + 1].text.first?.isNumber == true)
        {
          number += 1
        } else if t.inQuote[i], t[i].isQuoteMark, t.isPunctuation(i - 1, terminal), i + 1 < t.count,
          t[i + 1].kind != .punctuation, t.word(i + 1).map({ $0 != t[i + 1].text }) ?? true
        {
          number += 1  // "We won." Then … : a capitalized word or a new quote follows
        }
      }
      paragraphs[p].sentence = sentence
    }
  }

  // MARK: People named outside quotes

  mutating func findReferents() {
    for p in paragraphs.indices {
      let t = paragraphs[p]
      var i = 0
      while i < t.count {
        // "But he repeated …": a pronoun outside quotes carries its person into its sentence.
        if !t.inQuote[i], let word = t.word(i), word == "he" || word == "she" {
          let position = Position(paragraph: p, token: i)
          if var referent = pronoun(word, at: position, extra: []) {
            referent.position = position
            referent.sentence = t.sentence[i]
            referent.speaks = isSubjectOfSpeech(p, i + 1)
            referents.append(referent)
          }
        }
        guard t.isNameWord(i) else {
          i += 1
          continue
        }
        var end = i
        while end + 1 < t.count, !t[end].isPossessive {
          if t.isNameWord(end + 1) || t.isParticle(end + 1) {
            end += 1
          } else if let of = t.titleOf(end + 1) {
            end = of  // "Secretary of State George Shultz"
          } else {
            break
          }
        }
        let afterPreposition = t.word(i - 1).map(SpeakerWords.prepositions.contains) ?? false
        if t[end].isPossessive {
          // "Osama bin Laden's spokesman appeared": the possessor does not act; an unnamed
          // spokesman does, unless a name follows him ("his deputy, Ayman al-Zawahri").
          if let role = (end + 1..<min(t.count, end + 4)).first(where: {
            t.word($0).map(SpeakerWords.roles.contains) == true
          }), !t.isNameWord(role + 1), !(t.isPunctuation(role + 1, ",") && t.isNameWord(role + 2)) {
            referents.append(
              Referent(
                position: Position(paragraph: p, token: role), sentence: t.sentence[role],
                speaker: Speaker(entity: nil, name: t.slice(t[i].start, t[role].end)), certain: true,
                gender: nil,
                roles: [t[role].lowercased], speaks: isSubjectOfSpeech(p, role + 1), anonymous: true))
          }
        } else if let phrase = name(p, from: i, through: end),
          case .name(let speaker, let person, let roles, let gender, _) = phrase,
          person, !afterPreposition || speaker.entity != nil
        {
          let speaks = isSubjectOfSpeech(p, end + 1) || isInvertedSpeech(p, i - 1)
          let certain =
            speaker.entity != nil || roles.contains { !$0.isEmpty } || gender != nil || speaks
          let words = wordCount(speaker.name)
          // "Shultz" after "Secretary of State George Shultz": the person named before.
          if words == 1, speaker.entity == nil,
            let earlier = referents.suffix(QuoteReader.memory).last(where: {
              $0.speaker.entity == nil
                && lastWord(of: $0.speaker.name).map { $0 == speaker.name } == true
            })
          {
            var again = earlier
            again.position = Position(paragraph: p, token: i)
            again.sentence = t.sentence[i]
            again.speaks = speaks
            referents.append(again)
          } else if certain || words >= 2
            || (i > 0 && t.sentence[i - 1] == t.sentence[i] && t.entity(i) == nil)
          {
            // A lone capitalized word counts only mid-sentence, and only to make "he" ambiguous.
            referents.append(
              Referent(
                position: Position(paragraph: p, token: i), sentence: t.sentence[i], speaker: speaker,
                certain: certain, gender: gender, roles: roles, speaks: speaks,
                blocker: !certain && words == 1))
          }
        }
        i = end + 1
      }
    }
  }

  /// Whether token `i` (after auxiliaries) is a speech verb.
  func isSubjectOfSpeech(_ p: Int, _ i: Int) -> Bool {
    let t = paragraphs[p]
    var j = i
    while let word = t.word(j), SpeakerWords.auxiliaries.contains(word) { j += 1 }
    if t.isPunctuation(j, ",") {  // "Smith, the minister, said"
      var k = j + 1
      while k < t.count, k < j + 10, !t.isPunctuation(k, ",.;") { k += 1 }
      if t.isPunctuation(k, ",") { j = k + 1 }
    }
    guard let word = t.word(j) else { return false }
    return SpeakerWords.verbs.contains(word)
  }

  func isInvertedSpeech(_ p: Int, _ i: Int) -> Bool {
    guard let word = paragraphs[p].word(i) else { return false }
    return SpeakerWords.verbs.contains(word) && !SpeakerWords.notInverted.contains(word)
  }

  /// The name in tokens `from...through` of paragraph `p` (titles and all), as a phrase.
  func name(_ p: Int, from: Int, through: Int) -> Phrase? {
    let t = paragraphs[p]
    var start = from
    var roles: Set<String> = []
    var gender: String?
    var definite = t.word(from - 1) == "the"
    if t[start].text == "The" {
      definite = true
      start += 1
    }
    guard start <= through else { return nil }
    // "the Prime Minister", "Treasurer", "Australian Defence Minister": a title with no name is a
    // role to look up, not a name.
    let isTitle = { (k: Int) in SpeakerWords.titles.contains(bareTitle(t[k].text)) && t.entity(k) == nil }
    if isTitle(through), through == start || isTitle(through - 1) {
      var b = through
      while b > start, isTitle(b - 1) { b -= 1 }
      let head = (b...through).map { bareTitle(t[$0].text).lowercased() }.joined(separator: " ")
      let the = t.word(start - 1) == "the" ? start - 1 : start
      return .description(
        t.slice(t[the].start, t[through].end), head: head, definite: definite || the < start,
        Position(paragraph: p, token: the))
    }
    // Titles end where the name begins: "Pentagon spokesman Rear Admiral John Stufflebeem".
    var nameStart = start
    for k in start..<through where SpeakerWords.titles.contains(bareTitle(t[k].text)) && t.entity(k) == nil {
      nameStart = k + 1
      roles.insert(bareTitle(t[k].text).lowercased())
      if let of = t.titleOf(k + 1), of < through { nameStart = of + 1 }
    }
    if let role = t.word(start - 1), SpeakerWords.roles.contains(role) {
      roles.insert(role)
    }
    // The whole title too: "prime minister", "defence minister", "opposition leader".
    let titleWords = (start..<nameStart).filter(isTitle).map { bareTitle(t[$0].text).lowercased() }
    if !titleWords.isEmpty { roles.insert(titleWords.suffix(3).joined(separator: " ")) }
    if roles.contains("prime") && roles.contains("minister") {
      roles.insert("premier")
      roles.insert("prime minister")
    }
    for k in start..<nameStart {
      switch bareTitle(t[k].text) {
      case "Mr", "Sir", "Lord", "King", "Prince", "Father": gender = "male"
      case "Mrs", "Ms", "Miss", "Dame", "Lady", "Queen", "Princess": gender = "female"
      default: break
      }
    }
    for role in roles {
      if ["spokesman", "father", "brother", "son", "husband"].contains(role) { gender = "male" }
      if ["spokeswoman", "mother", "sister", "daughter", "wife"].contains(role) { gender = "female" }
    }
    let position = Position(paragraph: p, token: nameStart)
    // An entity whose mention covers the whole name.
    if let named = t.entity(through), named.start <= t[nameStart].start,
      named.entity.hasPrefix("people/") || named.entity.hasPrefix("organizations/")
    {
      let person = named.entity.hasPrefix("people/")
      return .name(
        Speaker(entity: named.entity, name: t.slice(named.start, named.end)), person: person, roles: roles,
        gender: gender, position)
    }
    let words = (nameStart...through).map { t[$0].text }
    let institution = words.contains { SpeakerWords.institutionWords.contains($0) }
    let acronym =
      words.count == 1 && words[0].count > 1 && words[0].allSatisfy { $0.isUppercase || $0 == "." }
    let person = !definite && !institution && !acronym
    return .name(
      Speaker(entity: nil, name: t.slice(t[nameStart].start, t[through].end)), person: person, roles: roles,
      gender: gender, position)
  }

  // MARK: Attribution phrases

  /// The phrase that ends just before token `v`: "Howard also said", "Smith, the minister, said",
  /// "he said", "the spokesman said", "a western diplomat said".
  func phrase(before v: Int, in p: Int, limit: Int) -> Phrase? {
    let t = paragraphs[p]
    var j = v - 1
    while j >= limit, let word = t.word(j), SpeakerWords.auxiliaries.contains(word) { j -= 1 }
    guard j >= limit, !t.inQuote[j] else { return nil }
    if let word = t.word(j), word == "he" || word == "she" {
      return .pronoun(word, Position(paragraph: p, token: j))
    }
    var appositive: Set<String> = []
    if t.isPunctuation(j, ",") {
      // "John Smith, the minister, said" / "Smith, 45, said" / "the chairman, Pat Elmer, said"
      var k = j - 1
      while k >= limit, k > j - 22, !t.isPunctuation(k, ",.;:"), !t[k].isQuoteMark { k -= 1 }
      guard k + 1 < j else { return nil }
      let inner = (k + 1)..<j
      if inner.allSatisfy({ t.isNameWord($0) || t.isParticle($0) }) {
        guard
          case .name(let speaker, let person, var roles, let gender, let position)? = name(
            p, from: k + 1, through: j - 1)
        else { return nil }
        for m in max(limit, k - 6)..<max(limit, k) {
          if let word = t.word(m), SpeakerWords.roles.contains(word) { roles.insert(word) }
        }
        return .name(speaker, person: person, roles: roles, gender: gender, position)
      }
      guard k > limit, t.isPunctuation(k, ",") else { return nil }
      let first = t[k + 1]
      guard first.kind == .word, first.text.first?.isUppercase == false || first.text.first?.isNumber == true
      else { return nil }
      for m in inner {
        if let word = t.word(m), SpeakerWords.roles.contains(word) { appositive.insert(word) }
      }
      j = k - 1
    }
    if t.isNameWord(j) {
      var s = j
      while s - 1 >= limit, t.isNameWord(s - 1) || t.isParticle(s - 1) { s -= 1 }
      // "the Minister for Immigration said": a title, not a name.
      if let prep = t.word(s - 1), prep == "for" || prep == "of", s - 2 >= limit,
        SpeakerWords.titles.contains(bareTitle(t[s - 2].text))
      {
        var b = s - 2
        while b - 1 >= limit, SpeakerWords.titles.contains(bareTitle(t[b - 1].text)) { b -= 1 }
        let head = (b...(s - 2)).map { bareTitle(t[$0].text).lowercased() }.joined(separator: " ")
        return .description(
          t.slice(t[b].start, t[j].end), head: head, definite: t.word(b - 1) == "the",
          Position(paragraph: p, token: b))
      }
      // "Economist Wendy Smith Cork of the brokerage Nesbitt Thomson Bongard Inc said"
      if let of = (max(limit, s - 4)..<s).last(where: {
        ["of", "at", "with", "from"].contains(t.word($0) ?? "")
      }),
        ((of + 1)..<s).allSatisfy({ t[$0].kind == .word && !t.isNameWord($0) }), t.isNameWord(of - 1),
        of - 1 >= limit
      {
        let e = of - 1
        var b = e
        while b - 1 >= limit, t.isNameWord(b - 1) || t.isParticle(b - 1) { b -= 1 }
        if case .name(let speaker, true, let roles, let gender, let position)? = name(p, from: b, through: e)
        {
          return .name(speaker, person: true, roles: roles.union(appositive), gender: gender, position)
        }
      }
      // "the Taliban's ambassador to Pakistan said": a place is not the speaker.
      if let prep = t.word(s - 1), SpeakerWords.prepositions.contains(prep),
        t.entity(j).map({ $0.entity.hasPrefix("people/") }) != true
      {
        return nil
      }
      guard let phrase = name(p, from: s, through: j) else { return nil }
      if case .name(let speaker, let person, let roles, let gender, let position) = phrase {
        return .name(speaker, person: person, roles: roles.union(appositive), gender: gender, position)
      }
      return phrase
    }
    // A description: a determiner and up to five words before the verb.
    guard appositive.isEmpty, let head = t.word(j) else { return nil }
    var k = j
    while k >= limit, k > j - 6, t[k].kind == .word {
      if let word = t.word(k), SpeakerWords.determiners.contains(word), t[k].text == word {
        let text = t.slice(t[k].start, t[j].end)
        return .description(
          text, head: head, definite: ["the", "his", "her", "its", "their"].contains(word),
          Position(paragraph: p, token: k))
      }
      if SpeakerWords.verbs.contains(t[k].lowercased) { break }
      k -= 1
    }
    return nil
  }

  /// The phrase that begins at token `i`: "said Pentagon spokesman John Smith", "said he",
  /// "said the spokesman", "according to a source".
  func phrase(after i: Int, in p: Int, end: Int, subject: Bool = false) -> Phrase? {
    let t = paragraphs[p]
    var j = i
    while t.isPunctuation(j, ",") { j += 1 }
    guard j < end, !t.inQuote[j] else { return nil }
    if let word = t.word(j), word == "he" || word == "she" {
      return .pronoun(word, Position(paragraph: p, token: j))
    }
    if let word = t.word(j), SpeakerWords.determiners.contains(word), t[j].text == word {
      var k = j + 1
      while k < end, k < j + 6, t[k].kind == .word,
        !t.isNameWord(k) || !SpeakerWords.roles.contains(t[k].lowercased)
      {
        if let w = t.word(k), ["in", "on", "at", "to", "of", "who", "after", "when"].contains(w) { break }
        k += 1
      }
      let last = k - 1
      guard last > j, let head = t.word(last) else { return nil }
      let description = Phrase.description(
        t.slice(t[j].start, t[last].end), head: head,
        definite: ["the", "his", "her", "its", "their"].contains(word),
        Position(paragraph: p, token: j))
      // "said the spokesman, John Smith"
      if t.isPunctuation(k, ","), t.isNameWord(k + 1) {
        var e = k + 1
        while e + 1 < end, t.isNameWord(e + 1) || t.isParticle(e + 1) { e += 1 }
        if case .name(let speaker, let person, var roles, let gender, let position)? = name(
          p, from: k + 1, through: e)
        {
          roles.insert(head)
          return .name(speaker, person: person, roles: roles, gender: gender, position)
        }
      }
      return description
    }
    guard t.isNameWord(j) else { return nil }
    // "Pentagon spokesman John Smith", "Organisation for Security and Cooperation in Europe envoy
    // Franz Vranitzky": the name is the run after the last role; without a role, the first run.
    var e = j
    var firstRunEnd = j
    while firstRunEnd + 1 < end, t.isNameWord(firstRunEnd + 1) || t.isParticle(firstRunEnd + 1) {
      firstRunEnd += 1
    }
    var sawRole = false
    while e + 1 < end {
      if t.isNameWord(e + 1) || t.isParticle(e + 1) {
        e += 1
      } else if let word = t.word(e + 1), SpeakerWords.roles.contains(word), t.isNameWord(e + 2) {
        e += 2
        sawRole = true
      } else if t.word(e + 2).map(SpeakerWords.roles.contains) == true, t.word(e + 1) != nil,
        t.isNameWord(e + 3)
      {
        e += 3  // "British finance minister Gordon Brown"
        sawRole = true
      } else if let word = t.word(e + 1), ["of", "for", "and", "in", "the", "at"].contains(word), e + 2 < end,
        t.isNameWord(e + 2) || t.word(e + 2) == "the"
      {
        e += 1
      } else {
        break
      }
    }
    if !sawRole {
      e = firstRunEnd
      // "said British finance …" with no name after the role: not a speaker.
      if !subject, let next = t.word(e + 1), e + 1 < end, !SpeakerWords.followers.contains(next) {
        return nil
      }
    }
    while e > j, !t.isNameWord(e) { e -= 1 }
    // The name is the last capitalized run; the words before it are its roles.
    var s = e
    while s - 1 >= j, t.isNameWord(s - 1) || t.isParticle(s - 1) { s -= 1 }
    guard let phrase = name(p, from: s, through: e) else { return nil }
    guard case .name(let speaker, let person, var roles, let gender, let position) = phrase else {
      return phrase  // "said the Prime Minister"
    }
    for k in j..<s { if let word = t.word(k), SpeakerWords.roles.contains(word) { roles.insert(word) } }
    return .name(speaker, person: person, roles: roles, gender: gender, position)
  }

  /// The attribution in the clause after a quote closed at token `c`.
  func attributionAfter(_ p: Int, close c: Int) -> (Phrase, end: Int)? {
    let t = paragraphs[p]
    var start = c + 1
    while t.isPunctuation(start, ",(") { start += 1 }
    guard start < t.count else { return nil }
    // A quote that ended its sentence ("We won.") takes only a lower-case "he said" after it.
    let endedSentence = t.isPunctuation(c - 1, ".!?")
    if endedSentence, let word = t.word(start), word != t[start].text { return nil }
    if endedSentence, t[start].kind != .word { return nil }
    var end = start
    while end < t.count, end < start + 24, !t.isPunctuation(end, ".!?;"), !t[end].isQuoteMark {
      end += 1
    }
    if let word = t.word(start), SpeakerWords.verbs.contains(word), !SpeakerWords.notInverted.contains(word) {
      if let phrase = phrase(after: start + 1, in: p, end: end) { return (phrase, end) }
      return nil
    }
    if t.word(start) == "according", t.word(start + 1) == "to",
      let phrase = phrase(after: start + 2, in: p, end: end)
    {
      return (phrase, end)
    }
    // "(in the words of Gen Nakatani)"
    if t.word(start) == "in", t.word(start + 1) == "the", t.word(start + 2) == "words",
      t.word(start + 3) == "of",
      let phrase = phrase(after: start + 4, in: p, end: end)
    {
      return (phrase, end)
    }
    for v in start..<end {
      guard let word = t.word(v), SpeakerWords.verbs.contains(word) else { continue }
      // "…" by the time of June elections, said envoy Franz Vranitzky
      if t.isPunctuation(v - 1, ","), !SpeakerWords.notInverted.contains(word),
        t.isNameWord(v + 1) || t.word(v + 1).map(SpeakerWords.determiners.contains) == true
      {
        if let phrase = phrase(after: v + 1, in: p, end: end) { return (phrase, end) }
        return nil
      }
      if let phrase = phrase(before: v, in: p, limit: start) {
        if case .description = phrase, phrase.position.token != start { return nil }
        return (phrase, end)
      }
      return nil
    }
    return nil
  }

  /// The attribution in the sentence before a quote opened at token `o` (or ending a paragraph,
  /// `o` its last token plus one).
  func attributionBefore(_ p: Int, open o: Int) -> Phrase? {
    let t = paragraphs[p]
    guard o > 0 else { return nil }
    let sentence = t.sentence[o - 1]
    var s = o - 1
    while s > 0, s > o - 200, t.sentence[s - 1] == sentence { s -= 1 }
    var v = o - 1
    var read = 0
    while v >= s, read < 24 {
      if t.inQuote[v] {
        v -= 1
        read += 1
        continue
      }
      read += 1
      if let word = t.word(v) {
        // "… the veteran, who was seen by his followers as the “…”": someone else's words.
        if ["who", "whom", "whose", "which"].contains(word) { return nil }
        if word == "according", t.word(v + 1) == "to" { return phrase(after: v + 2, in: p, end: o) }
        if SpeakerWords.participles.contains(word) { return subject(of: p, from: s, before: v) }
        if SpeakerWords.verbs.contains(word) { return phrase(before: v, in: p, limit: s) }
      }
      v -= 1
    }
    return nil
  }

  /// The subject a sentence opens with: "Bush defended the strikes, saying …".
  func subject(of p: Int, from s: Int, before v: Int) -> Phrase? {
    let t = paragraphs[p]
    var start = s
    // "On Tuesday, Smith …", "In a statement, the ministry …"
    if let comma = (s..<min(v, s + 7)).first(where: { t.isPunctuation($0, ",") }),
      !t.isNameWord(s) || SpeakerWords.notNames.contains(t[s].text)
    {
      start = comma + 1
    }
    guard let phrase = phrase(after: start, in: p, end: v, subject: true) else { return nil }
    if case .description = phrase { return nil }
    return phrase
  }

  // MARK: Resolving a phrase

  /// The referents named before `position`, and those of attributions already made.
  func resolve(_ phrase: Phrase, extra: [Referent]) -> (speaker: Speaker?, referent: Referent?) {
    switch phrase {
    case .name(var speaker, let person, let roles, let gender, let position):
      if speaker.entity == nil, !speaker.name.contains(" ") {
        // "Stufflebeem said": the full name given earlier.
        let full = Set(
          recent(before: position, extra: extra).filter {
            $0.position < position && $0.speaker.entity == nil
              && lastWord(of: $0.speaker.name).map { $0 == speaker.name } == true
          }.map(\.speaker))
        if full.count == 1 { speaker = full.first! }
      }
      let referent =
        person
        ? Referent(
          position: position, sentence: paragraphs[position.paragraph].sentence[position.token],
          speaker: speaker,
          certain: true, gender: gender, roles: roles, speaks: true) : nil
      return (speaker, referent)
    case .pronoun(let word, let position):
      guard let referent = pronoun(word, at: position, extra: extra) else { return (nil, nil) }
      var said = referent
      said.position = position
      said.sentence = paragraphs[position.paragraph].sentence[position.token]
      said.speaks = true
      return (referent.speaker, said)
    case .description(_, let head, let definite, let position):
      // "the spokesman", "the Prime Minister": the one person given that role before.
      guard definite, !head.hasSuffix("s") || head == "boss" else { return (nil, nil) }
      let candidates = recent(before: position, extra: extra).filter { $0.roles.contains(head) }
      guard Set(candidates.map(\.speaker)).count == 1, let referent = candidates.last, !referent.anonymous
      else {
        return (nil, nil)
      }
      return (referent.speaker, nil)
    }
  }

  /// How many referents back a pronoun, a role or a family name is looked up: a reader's memory,
  /// and a bound on the work over a long document.
  static let memory = 256

  /// The referents named before `position` (the last `memory` of them), and the attributions made.
  func recent(before position: Position, extra: [Referent]) -> [Referent] {
    let low = firstIndex(referents.count) { !(referents[$0].position < position) }
    return referents[max(0, low - QuoteReader.memory)..<low]
      + extra.suffix(QuoteReader.memory).filter { $0.position < position }
  }

  /// Whom "he" or "she" at `position` means: the person of the last sentence that names people,
  /// if that sentence names one, or one of them speaks in it.
  func pronoun(_ word: String, at position: Position, extra: [Referent]) -> Referent? {
    let before = recent(before: position, extra: extra)
    guard let latest = before.map(\.sentence).max() else { return nil }
    let inSentence = before.filter { $0.sentence == latest }.sorted { $0.position < $1.position }
    let gender = word == "she" ? "female" : "male"
    let fitting = inSentence.filter { $0.gender == nil || $0.gender == gender }
    let people = Set(fitting.map(\.speaker))
    var chosen: Referent?
    if people.count == 1 {
      // One person, even one named without a title or a role ("registered nurse Emily Lyons"),
      // but not a lone capitalized word.
      chosen = fitting.first { $0.certain } ?? fitting.first { !$0.blocker }
    } else {
      // Several: the one who speaks in that sentence, if only one does.
      let speaking = Set(fitting.filter(\.speaks).map(\.speaker))
      if speaking.count == 1 { chosen = fitting.first { $0.speaks && !$0.blocker } }
    }
    if chosen?.anonymous == true { return nil }
    guard let chosen, fitting.count == inSentence.count || people.count == 1 else { return nil }
    return chosen
  }

  // MARK: Quotes

  mutating func quotes(document: String) -> [Quote] {
    var quotes: [Quote] = []
    var extra: [Referent] = []
    /// The speaker of the last quote, and where its attribution ended.
    var previous: (speaker: Speaker, paragraph: Int, end: Int)?
    for span in spans {
      let first = span.parts[0]
      let last = span.parts[span.parts.count - 1]
      var text = ""
      var words = 0
      for part in span.parts {
        let t = paragraphs[part.paragraph]
        let from = part.open + 1
        let to = part.close ?? t.count
        guard from < to else { continue }
        words += (from..<to).filter { t[$0].kind == .word }.count
        if !text.isEmpty { text += " " }
        text += t.slice(t[from].start, t[to - 1].end)
      }

      var phrase: Phrase?
      var attributionEnd: (paragraph: Int, token: Int)?
      if let close = last.close, let (found, end) = attributionAfter(last.paragraph, close: close) {
        phrase = found
        attributionEnd = (last.paragraph, end)
      }
      if phrase == nil { phrase = attributionBefore(first.paragraph, open: first.open) }
      if phrase == nil, first.open == 0, first.paragraph > 0 {
        let before = paragraphs[first.paragraph - 1]
        if before.isPunctuation(before.count - 1, ":") {
          phrase = attributionBefore(first.paragraph - 1, open: before.count - 1)
        }
      }
      var speaker: Speaker?
      if let phrase {
        let (found, referent) = resolve(phrase, extra: extra)
        speaker = found
        if let referent { extra.append(referent) }
      } else if let previous,
        continues(after: previous, to: span)
      {
        speaker = previous.speaker
      } else if first.open == 0, first.paragraph > 0, isWholeParagraph(span) {
        speaker = speakerOfParagraph(first.paragraph - 1, extra: extra)
      }
      if let speaker {
        previous = (
          speaker, attributionEnd?.paragraph ?? last.paragraph, attributionEnd?.token ?? (last.close ?? 0) + 1
        )
      } else {
        previous = nil
      }
      guard words >= QuoteFinder.minimumWords else { continue }
      let (context, entities) = context(of: span)
      quotes.append(
        Quote(
          text: trimmed(text), speaker: speaker?.entity,
          speakerName: speaker.map { $0.entity == nil ? $0.name : nil } ?? nil,
          document: document, context: context, entities: entities))
    }
    return quotes
  }

  /// Whether a quote is all its last paragraph holds, but for punctuation.
  func isWholeParagraph(_ span: Span) -> Bool {
    let last = span.parts[span.parts.count - 1]
    guard let close = last.close else { return false }
    let t = paragraphs[last.paragraph]
    return (close + 1..<t.count).allSatisfy { t[$0].kind == .punctuation }
  }

  /// The one person who speaks in paragraph `p` ("Camdessus said he was convinced …"), whose words
  /// a paragraph of nothing but a quote goes on with.
  func speakerOfParagraph(_ p: Int, extra: [Referent]) -> Speaker? {
    let speaking = recent(before: Position(paragraph: p + 1, token: 0), extra: extra).filter {
      $0.position.paragraph == p && $0.speaks && $0.certain
    }
    let people = Set(speaking.map(\.speaker))
    return people.count == 1 ? people.first : nil
  }

  /// Whether only the last quote's attribution stands between it and `open`: "A," he said. "B."
  func continues(after previous: (speaker: Speaker, paragraph: Int, end: Int), to span: Span) -> Bool {
    let open = span.first
    var p = previous.paragraph
    var i = previous.end
    while Position(paragraph: p, token: i) < open {
      let t = paragraphs[p]
      if i >= t.count {
        p += 1
        i = 0
        if p > previous.paragraph + 1 { return false }
        continue
      }
      if t[i].kind == .word, !(SpeakerWords.auxiliaries.contains(t[i].lowercased)) { return false }
      if t[i].isQuoteMark { return false }
      i += 1
    }
    // A new paragraph continues the speaker only when it is nothing but the quote.
    if open.paragraph != previous.paragraph {
      guard let close = span.parts.last?.close else { return false }
      let t = paragraphs[span.parts[span.parts.count - 1].paragraph]
      return (close + 1..<t.count).allSatisfy { t[$0].kind == .punctuation }
    }
    return true
  }

  /// The sentences a quote stands in, and the entities they name.
  func context(of span: Span) -> (String, [String]) {
    var pieces: [String] = []
    var entities: [String] = []
    for part in span.parts {
      let t = paragraphs[part.paragraph]
      let from = t[part.open].start
      let to = part.close.map { t[$0].end } ?? t.text.utf8.count
      // Sentences and mentions are in order: find the first that can overlap, then walk.
      var k = firstIndex(t.sentences.count) { t.sentences[$0].upperBound > from }
      var lower: Int?
      var upper = 0
      while k < t.sentences.count, t.sentences[k].lowerBound < to {
        lower = lower ?? t.sentences[k].lowerBound
        upper = t.sentences[k].upperBound
        k += 1
      }
      guard var lower else { continue }
      // A sentence that runs on for pages is cut to forty words either side of the quote.
      if upper - lower > 2000 {
        let close = part.close ?? t.count - 1
        lower = max(lower, t[max(0, part.open - 40)].start)
        upper = min(upper, t[min(t.count - 1, close + 40)].end)
      }
      pieces.append(t.slice(lower, upper))
      var n = firstIndex(t.named.count) { t.named[$0].start >= lower }
      while n < t.named.count, t.named[n].start < upper {
        let name = t.named[n]
        if name.end <= upper, !entities.contains(name.entity) { entities.append(name.entity) }
        n += 1
      }
    }
    return (pieces.joined(separator: " "), entities.sorted())
  }

  /// The first index below `count` where `isAfter` holds, for a predicate false then true.
  func firstIndex(_ count: Int, where isAfter: (Int) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let mid = (low + high) / 2
      if isAfter(mid) { high = mid } else { low = mid + 1 }
    }
    return low
  }

  func trimmed(_ text: String) -> String {
    var t = Substring(text)
    while let last = t.last, last == "," || last == " " { t = t.dropLast() }
    while let first = t.first, first == " " { t = t.dropFirst() }
    return String(t)
  }
}

/// The words of a name split at spaces: how many there are, without making them.
private func wordCount(_ name: String) -> Int {
  var count = 0
  var inWord = false
  for byte in name.utf8 {
    if byte == 0x20 {
      inWord = false
    } else if !inWord {
      inWord = true
      count += 1
    }
  }
  return count
}

/// The last of a name's words split at spaces ("Shultz" of "George Shultz"), nil for none; a view
/// of the name, not a new string.
private func lastWord(of name: String) -> Substring? {
  let utf8 = name.utf8
  var end = utf8.endIndex
  while end > utf8.startIndex, utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
  guard end > utf8.startIndex else { return nil }
  var start = end
  while start > utf8.startIndex, utf8[utf8.index(before: start)] != 0x20 { start = utf8.index(before: start) }
  return name[start..<end]
}
