/// The words, punctuation and quotation marks of a paragraph, with their UTF-8 offsets: what the
/// quote finder reads instead of raw bytes.
struct QuoteToken: Sendable, Hashable {
  enum Kind: Sendable, Hashable {
    case word
    case punctuation
    /// “ (or ``)
    case open
    /// ”
    case close
    /// " (or ''), which opens or closes by its place
    case straight
  }

  var kind: Kind
  var text: String
  var start: Int
  var end: Int
  /// `text` in lower case, made once: attribution asks for it many times a token.
  var lowercased: String
  /// "Iwaya's", "Trump’s": read once from the bytes.
  var isPossessive = false
  /// Whether every byte is ASCII, and whether one is a hyphen or an apostrophe: read once.
  var isASCII = true
  var isJoined = false

  var isQuoteMark: Bool { kind == .open || kind == .close || kind == .straight }

  /// Splits `bytes` into tokens. A word keeps its apostrophes ("Trump's", "don’t"), inner hyphens
  /// and the periods of abbreviations and initials ("Mr.", "U.S.", "W.").
  static func tokens(_ bytes: [UInt8]) -> [QuoteToken] {
    var tokens: [QuoteToken] = []
    tokens.reserveCapacity(bytes.count / 5)
    var i = 0
    func add(_ kind: Kind, _ start: Int, _ end: Int) {
      var upper = false
      var ascii = true
      var joined = false
      for k in start..<end {
        let b = bytes[k]
        if b >= 0x80 {
          ascii = false
        } else if isUpper(b) {
          upper = true
        } else if b == 0x2D || b == 0x27 {
          joined = true
        }
      }
      let plain = ascii && !upper
      let text = String(decoding: bytes[start..<end], as: UTF8.self)
      // Most words are ASCII and already lower case: no new string for them.
      let length = end - start
      let possessive =
        length >= 2 && bytes[end - 1] == 0x73
        && (bytes[end - 2] == 0x27
          || (length >= 4 && bytes[end - 4] == 0xE2 && bytes[end - 3] == 0x80 && bytes[end - 2] == 0x99))
      tokens.append(
        QuoteToken(
          kind: kind, text: text, start: start, end: end, lowercased: plain ? text : text.lowercased(),
          isPossessive: possessive, isASCII: ascii, isJoined: joined))
    }
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
        i += 1
      } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, (0x93...0x9D).contains(bytes[i + 2]) {
        switch bytes[i + 2] {
        case 0x9C: add(.open, i, i + 3)
        case 0x9D: add(.close, i, i + 3)
        default: add(.punctuation, i, i + 3)  // dashes, ‘ and a ’ that is not an apostrophe
        }
        i += 3
      } else if b == 0x22 {
        add(.straight, i, i + 1)
        i += 1
      } else if b == 0x60, i + 1 < bytes.count, bytes[i + 1] == 0x60 {
        add(.open, i, i + 2)  // ``…'' as some wire archives write quotes
        i += 2
      } else if b == 0x27, i + 1 < bytes.count, bytes[i + 1] == 0x27 {
        add(.straight, i, i + 2)  // '' closes ``, or opens and closes like "
        i += 2
      } else if isWordByte(b) {
        let start = i
        while i < bytes.count {
          let c = bytes[i]
          if c == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, (0x93...0x9D).contains(bytes[i + 2]) {
            // ’ inside a word is an apostrophe; other marks end the word.
            if bytes[i + 2] == 0x99, i + 3 < bytes.count, isWordByte(bytes[i + 3]), bytes[i + 3] != 0xE2 {
              i += 3
              continue
            }
            break
          }
          if isWordByte(c) {
            i += 1
          } else if (c == 0x27 || c == 0x2D), i + 1 < bytes.count, isWordByte(bytes[i + 1]),
            bytes[i + 1] != 0xE2
          {
            i += 2
          } else if c == 0x2E, keepsPeriod(bytes[start..<i], next: i + 1 < bytes.count ? bytes[i + 1] : 0x20)
          {
            i += 1
          } else {
            break
          }
        }
        add(.word, start, i)
      } else {
        add(.punctuation, i, i + 1)
        i += 1
      }
    }
    return tokens
  }

  /// "Mr.", "Gen.", "U.S.", an initial "W.": the period belongs to the word.
  private static func keepsPeriod(_ word: ArraySlice<UInt8>, next: UInt8) -> Bool {
    if word.count == 1, let b = word.first, isUpper(b) { return true }
    if isLetter(next) { return true }  // "U.S", "e.g"
    if word.contains(0x2E) { return true }  // the last period of "U.S."
    return abbreviations.contains(Array(word))
  }

  private static let abbreviations: Set<[UInt8]> = Set(
    [
      "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "St", "Jr",
      "Sr", "Maj", "Adm", "Brig", "Cpl", "Pte", "Rev", "Hon", "Insp", "Supt", "Det", "Const", "Jan", "Feb",
      "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
      "Oct", "Nov", "Dec", "No", "Co", "Corp", "Inc", "Ltd", "Bros", "Mt", "Ft",
    ].map { Array($0.utf8) })
}
