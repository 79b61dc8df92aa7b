/// Infers what a clipped article does not say in front matter: title, dek, dateline date, and which
/// lines at the top and bottom are page furniture (print buttons, section labels, tag lists).
///
/// Nothing that reads as a sentence of the article is ever dropped.
public enum ArticleInference {
  /// A line of the file with its 1-based number.
  public struct Line: Sendable, Hashable {
    public var text: String
    public var line: Int
  }

  /// What inference found.
  public struct Result: Sendable {
    public var title: Line?
    public var dek: Line?
    public var date: (date: BriefingDate, line: Int)?
    /// The first sentence, shortened, for an article without a title.
    public var excerpt: String?
    public var paragraphs: [Article.Paragraph] = []
    public var markdown: String = ""
    public var dropped: [Article.Paragraph] = []
  }

  /// How many non-blank lines at the top may hold a title, dateline or page furniture.
  static let headerDepth = 8
  /// A title has at most this many words.
  static let titleWords = 20

  /// Infers from a plain-text body whose first line is `firstLine` of the file. A `title` (and
  /// `dek`) from front matter is not looked for in the text: only a line that repeats it leaves.
  public static func infer(
    lines body: String, firstLine: Int, title given: String? = nil, dek givenDek: String? = nil
  )
    -> Result
  {
    let lines = body.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
      Line(
        text: $1.trimming(lineEnds),
        line: firstLine + $0)
    }
    var result = Result()
    var keep = Array(repeating: true, count: lines.count)
    let nonBlank = lines.indices.filter { !lines[$0].text.isEmpty }

    // The header: lines before the first one that reads as a sentence of the article.
    var bodyStart = nonBlank.first ?? lines.count
    for (rank, index) in nonBlank.enumerated() {
      let line = lines[index]
      bodyStart = index
      if rank >= headerDepth || isProse(line.text) { break }
      let nextBlank = index + 1 >= lines.count || lines[index + 1].text.isEmpty
      if isButtons(line.text) {
        keep[index] = false
      } else if let date = dateline(line.text) {
        keep[index] = false
        if result.date == nil { result.date = (date, line.line) }
      } else if result.title == nil && nextBlank && wordCount(line.text) <= titleWords
        && !endsSentence(line.text) && (given == nil || line.text == given)
      {
        result.title = line
        keep[index] = false
      } else if result.title == nil && given == nil && !nextBlank && wordCount(line.text) <= 3 {
        keep[index] = false  // a section label such as "World News"
      } else {
        break
      }
      bodyStart = index + 1
    }
    // A dek: one sentence right under the title.
    if result.title != nil, let index = nonBlank.first(where: { $0 >= bodyStart }) {
      let text = lines[index].text
      let isDek =
        given == nil
        ? Sentences.split(text).count == 1 && wordCount(text) <= 40 && endsSentence(text) : text == givenDek
      if isDek {
        result.dek = lines[index]
        keep[index] = false
      }
    }
    // The tail: a run of short non-sentence lines (navigation, tags) at the very end.
    var tail: [Int] = []
    for index in nonBlank.reversed() {
      let text = lines[index].text
      if index < bodyStart || !isFurniture(text) { break }
      tail.append(index)
    }
    if tail.count >= 2 || tail.contains(where: { lines[$0].text.hasPrefix("•") }) {
      for index in tail { keep[index] = false }
    }

    for index in nonBlank {
      let line = lines[index]
      let paragraph = Article.Paragraph(line.text, line: line.line)
      if keep[index] {
        result.paragraphs.append(paragraph)
      } else if line != result.title && line != result.dek {
        result.dropped.append(paragraph)
      }
    }
    result.excerpt = result.paragraphs.first.map { excerpt(of: $0.text) }
    return result
  }

  /// Infers from a Markdown body: a leading `# Heading` is the title and leaves the body.
  /// With a `title` from front matter, only a heading that repeats it leaves.
  public static func inferMarkdown(_ body: String, firstLine: Int, title given: String? = nil) -> Result {
    var result = Result()
    // Lines as slices of the body, not copies, read only as far as they are looked at (the header
    // and the first line of text); bytes are split directly unless a "\r\n" (one character) could
    // keep two lines together.
    var lines = BodyLines(body)
    lines.read(upTo: headerDepth)
    var titleIndex: Int?
    if let index = lines.prefix(headerDepth).firstIndex(where: { !isBlank($0) }),
      lines[index].hasPrefix("# "),
      case let title = lines[index].dropFirst(2).trimming(headingMarks),
      given == nil || title == given
    {
      result.title = Line(text: title, line: firstLine + index)
      titleIndex = index
    }
    for (offset, line) in lines.prefix(headerDepth).enumerated() where offset != titleIndex && !isBlank(line)
    {
      // A dateline has at most 60 characters; every ASCII byte other than white space is a
      // character of its own, so a line with more is passed over without being copied and read.
      if line.utf8.lazy.filter({ $0 > 0x20 && $0 < 0x80 }).count > 60 { continue }
      if let date = dateline(line.trimming(.whitespaces)) {
        result.date = (date, firstLine + offset)
        break
      }
    }
    // The body with the title's line left empty.
    result.markdown =
      titleIndex.map { String(body[..<lines[$0].startIndex] + body[lines[$0].endIndex...]) } ?? body
    var firstText: Int?
    var index = 0
    while firstText == nil, lines.read(upTo: index + 1) > index {
      if index != titleIndex, let first = lines[index].utf8.first(where: { $0 != 0x20 && $0 != 0x09 }),
        first != 0x23 && first != 0x2D  // not a heading or a rule
      {
        firstText = index
      }
      index += 1
    }
    result.excerpt = firstText.map { excerpt(of: String(lines[$0])) }
    return result
  }

  /// What is trimmed from each line of a plain-text article.
  private static let lineEnds = TrimmedCharacters(.whitespaces.union(.init(charactersIn: "\r\u{FEFF}")))
  /// What is trimmed from a Markdown title after "# ".
  private static let headingMarks = TrimmedCharacters(.whitespaces.union(.init(charactersIn: "#")))

  /// The lines of a Markdown body, split as far as asked.
  private struct BodyLines {
    let body: String
    private(set) var lines: [Substring] = []
    private var cursor: String.Index
    private var done = false

    init(_ body: String) {
      self.body = body
      cursor = body.startIndex
      // A "\r\n" is one character, which splitting on characters keeps whole: such a body is split
      // at once, as before.
      let hasReturn =
        body.utf8.withContiguousStorageIfAvailable { bytes in
          bytes.count > 0 && memchr(bytes.baseAddress!, 0x0D, bytes.count) != nil
        } ?? body.utf8.contains(0x0D)
      if hasReturn {
        lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        done = true
      }
    }

    subscript(index: Int) -> Substring { lines[index] }

    /// Splits off lines until there are `count` (or the body ends); how many there are.
    @discardableResult
    mutating func read(upTo count: Int) -> Int {
      let utf8 = body.utf8
      while !done, lines.count < count {
        // memchr over the bytes where the string has them together; the index then moves by the
        // byte count found, in one step.
        let from = utf8.distance(from: utf8.startIndex, to: cursor)
        let length =
          utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard from < bytes.count, let found = memchr(bytes.baseAddress! + from, 0x0A, bytes.count - from)
            else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(bytes.baseAddress! + from)
          } ?? utf8[cursor...].firstIndex(of: 0x0A).map { utf8.distance(from: cursor, to: $0) }
        if let length {
          let newline = utf8.index(cursor, offsetBy: length)
          lines.append(body[cursor..<newline])
          cursor = utf8.index(after: newline)
        } else {
          lines.append(body[cursor...])
          done = true
        }
      }
      return lines.count
    }

    func prefix(_ count: Int) -> ArraySlice<Substring> { lines.prefix(count) }
  }

  private static func isBlank(_ line: some StringProtocol) -> Bool {
    line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
  }

  /// The first sentence of `text`, cut to at most twelve words.
  public static func excerpt(of text: String) -> String {
    let sentence = Sentences.split(text).first ?? text
    let words = sentence.split(separator: " ")
    if words.count <= 12 { return sentence }
    return words.prefix(12).joined(separator: " ") + "…"
  }

  /// A full date standing in a short line of its own ("Today : Jan 13, 2025", "13 January 2025").
  static func dateline(_ text: String) -> BriefingDate? {
    guard wordCount(text) <= 8, !text.hasSuffix("."), text.count <= 60 else { return nil }
    return DatelineParser.fullDate(in: text)
  }

  /// "print PRINT", "Share", "Email Print Tweet": words that are only page buttons.
  static func isButtons(_ text: String) -> Bool {
    let words = text.lowercased().split { !$0.isLetter }
    guard !words.isEmpty, words.count <= 6 else { return false }
    return words.allSatisfy { buttonWords.contains(String($0)) }
  }

  private static let buttonWords: Set<String> = [
    "print", "share", "email", "e", "mail", "tweet", "facebook", "twitter", "x", "linkedin", "whatsapp",
    "copy", "link", "save", "comment", "comments", "font", "size", "a", "listen", "reddit", "line",
  ]

  /// A line that reads as prose: it ends a sentence, or is long.
  static func isProse(_ text: String) -> Bool {
    wordCount(text) > titleWords || (endsSentence(text) && wordCount(text) > 3 && dateline(text) == nil)
  }

  /// A short line that is not a sentence: a bullet, a tag, a navigation link.
  static func isFurniture(_ text: String) -> Bool {
    var t = Substring(text)
    for bullet in ["•", "·", "-", "*", "–", "|"] where t.hasPrefix(bullet) {
      t = t.dropFirst(bullet.count)
    }
    let s = t.trimming(.whitespaces)
    return !s.isEmpty && wordCount(s) <= 4 && !endsSentence(s)
  }

  static func endsSentence(_ text: String) -> Bool {
    guard var last = text.last else { return false }
    var t = Substring(text)
    while "\"”’)]".contains(last), t.count > 1 {
      t = t.dropLast()
      last = t.last!
    }
    return last == "." || last == "!" || last == "?" || last == "…"
  }

  static func wordCount(_ text: String) -> Int {
    text.split(whereSeparator: { $0 == " " || $0 == "\t" }).count
  }
}

import Foundation
