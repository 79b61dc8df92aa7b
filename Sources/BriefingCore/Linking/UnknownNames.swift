/// Capitalized names that the articles use but no note defines: the notes to write next.
public enum UnknownNames {
  /// One place a name was seen.
  public struct Sighting: Sendable, Hashable {
    public var name: String
    public var document: String
    public var file: String
    public var line: Int

    public init(name: String, document: String, file: String, line: Int) {
      self.name = name
      self.document = document
      self.file = file
      self.line = line
    }
  }

  /// Runs of capitalized words (two or more, with a single "of" allowed between) and
  /// acronyms in `text` that are not a title before a linked name.
  public static func names(in text: String, followedByMention: Bool) -> [String] {
    var names: [String] = []
    var current: [String] = []
    func close(atEnd: Bool) {
      while let last = current.last, connectors.contains(last) { current.removeLast() }
      while let first = current.first, functionWords.contains(first) { current.removeFirst() }
      defer { current = [] }
      guard let last = current.last else { return }
      // "Japanese Defense Minister [Gen Nakatani]": a title, not a name of its own.
      if titles.contains(last) || (atEnd && followedByMention) { return }
      if current.count >= 2 || (last.count >= 2 && last.allSatisfy { $0.isUppercase || $0.isNumber }) {
        names.append(current.joined(separator: " "))
      }
    }
    let words = UnknownNames.words(of: text)
    for (index, raw) in words.enumerated() {
      var word = raw
      var ends = false
      let capitalized: Bool
      if word.utf8.allSatisfy({ $0 < 0x80 }) {
        // ASCII, as most words are: the same steps on bytes, with no curly marks to look for.
        while let first = word.utf8.first, first == 0x22 || first == 0x27 || first == 0x28 {
          if !current.isEmpty { close(atEnd: false) }
          word = word.dropFirst()
        }
        for suffix in ["'s", "s'"] where word.utf8.suffix(2).elementsEqual(suffix.utf8) {
          word = word.dropLast(suffix == "s'" ? 1 : 2)
          ends = true
        }
        while let last = word.utf8.last, asciiClosers.contains(last) {
          word = word.dropLast()
          ends = true
        }
        capitalized = word.utf8.first.map(isUpper) ?? false
      } else {
        while let first = word.first, "\"“‘'(".contains(first) {
          if !current.isEmpty { close(atEnd: false) }
          word = word.dropFirst()
        }
        for suffix in ["'s", "’s", "s'", "s’"] where word.hasSuffix(suffix) {
          word = word.dropLast(suffix == "s'" || suffix == "s’" ? 1 : 2)
          ends = true
        }
        while let last = word.last, ",.;:)\"”’'!?".contains(last) {
          word = word.dropLast()
          ends = true
        }
        capitalized = word.first.map { $0.isUppercase } ?? false
      }
      let w = String(word)
      if capitalized {
        current.append(w)
      } else if let last = current.last, !connectors.contains(last), connectors.contains(w), !ends {
        current.append(w)
      } else if !current.isEmpty {
        close(atEnd: false)
      }
      if ends && !current.isEmpty { close(atEnd: index == words.count - 1) }
    }
    if !current.isEmpty { close(atEnd: true) }
    return names
  }

  /// Notes for the names seen in two or more articles, or three times in one.
  public static func report(_ sightings: [Sighting]) -> [Diagnostic] {
    let byName = Dictionary(grouping: sightings, by: \.name)
    var diagnostics: [Diagnostic] = []
    for (name, seen) in byName.sorted(by: { $0.key < $1.key }) {
      let documents = Set(seen.map(\.document)).count
      guard documents >= 2 || seen.count >= 3 else { continue }
      let first = seen.min { ($0.file, $0.line) < ($1.file, $1.line) }!
      diagnostics.append(
        .note(
          "unknown-name", first.file, line: first.line,
          "'\(name)' appears \(seen.count) time\(seen.count == 1 ? "" : "s") in \(documents) article\(documents == 1 ? "" : "s") and names no entity"
        ))
    }
    return diagnostics
  }

  /// The words of `text` between spaces, as `split(separator: " ")` gives them. The bytes are
  /// split directly when every character beside a space is ASCII, a Latin letter or common
  /// punctuation (none of which joins a space into one character, as a combining accent would).
  private static func words(of text: String) -> [Substring] {
    // All ASCII, as most text is: no scalar needs decoding, and the words are the runs of bytes
    // between spaces, found on the bytes themselves.
    let asciiWords = text.utf8.withContiguousStorageIfAvailable { bytes -> [Range<Int>]? in
      var words: [Range<Int>] = []
      var start = 0
      for i in 0..<bytes.count {
        let b = bytes[i]
        if b >= 0x80 { return nil }
        if b == 0x20 {
          if i > start { words.append(start..<i) }
          start = i + 1
        }
      }
      if bytes.count > start { words.append(start..<bytes.count) }
      return words
    }
    if let words = asciiWords ?? nil {
      let utf8 = text.utf8
      return words.map {
        text[
          utf8.index(
            utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)]
      }
    }
    var previous: Unicode.Scalar = "\0"
    for scalar in text.unicodeScalars {
      if (previous == " " && !joinsNoSpace(scalar)) || (scalar == " " && !joinsNoSpace(previous)) {
        return text.split(separator: " ", omittingEmptySubsequences: true)
      }
      previous = scalar
    }
    return text.utf8.split(separator: 0x20, omittingEmptySubsequences: true).map { Substring($0) }
  }

  /// ASCII, Latin-1 and Latin Extended letters, and the dashes, quotes and marks of U+2010–U+205E.
  private static func joinsNoSpace(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return v < 0x250 || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v)
  }

  /// `,.;:)"'!?`: the ASCII marks stripped from the end of a word.
  private static let asciiClosers: Set<UInt8> = Set(",.;:)\"'!?".utf8)

  private static let connectors: Set<String> = ["of", "de", "von", "van", "del", "da"]
  private static let functionWords: Set<String> = Set(
    Matcher.functionWords.map { String(decoding: $0, as: UTF8.self) })
  private static let titles: Set<String> = Set(Matcher.titles.map { String(decoding: $0, as: UTF8.self) })
}
