/// Turns template source into nodes, following the Mustache spec for tags, standalone lines and
/// delimiters, plus swift-mustache's `{{% pragma }}` tags.
struct Compiler {
  private(set) var nodes: [Node] = []
  private(set) var pool: [UInt8] = []
  private(set) var names: [Name] = []
  private(set) var indents: [[UInt8]] = []
  private var nameIndex: [String: Int32] = [:]

  /// What `compile` learned about one template.
  struct Compiled {
    var range: Range<Int>
    var literalBytes: Int
    var names: Set<String>
    var partials: Set<Int>
  }

  private enum Kind: Equatable {
    case text, variable, raw, section, inverted, close, partial, comment, delimiters, pragma

    /// Tags that vanish with their line when nothing but blanks shares it.
    var canStandAlone: Bool {
      switch self {
      case .section, .inverted, .close, .partial, .comment, .delimiters, .pragma: return true
      case .text, .variable, .raw: return false
      }
    }
  }

  /// A piece of the source: text up to and including a newline, or one tag.
  private struct Token {
    var kind: Kind
    /// Where it starts in the source (the opening delimiter for tags) and where it ends.
    var start: Int
    var end: Int
    /// A tag's name, trimmed.
    var content: String = ""
    /// A tag alone on its line, or text that goes away with such a line.
    var standalone = false
    /// For a standalone partial: the blanks before it.
    var indentation: [UInt8] = []
  }

  private static let newline = UInt8(ascii: "\n")

  /// Compiles one template; `templates` gives every template's index, for partials.
  mutating func compile(_ name: String, _ source: [UInt8], templates: [String: Int]) throws -> Compiled {
    let tokens = try Self.markStandalone(Self.lex(name, source), source)
    let first = nodes.count
    var literalBytes = 0
    var used = Set<String>()
    var partials = Set<Int>()
    var atLineStart = true
    // The text node that text may still be added to: none once a tag made a node or closed a section.
    var textNode = -1
    var open: [(name: String, node: Int, start: Int)] = []

    for token in tokens {
      switch token.kind {
      case .text:
        if token.standalone { continue }
        let length = token.end - token.start
        if textNode >= 0 {
          nodes[textNode].b += Int32(length)
        } else {
          textNode = nodes.count
          nodes.append(Node(op: .text, lineStart: atLineStart, a: Int32(pool.count), b: Int32(length)))
        }
        pool.append(contentsOf: source[token.start..<token.end])
        literalBytes += length
        atLineStart = source[token.end - 1] == Self.newline
      case .variable, .raw:
        textNode = -1
        indentIfAtLineStart(&atLineStart)
        let index = self.name(token.content, used: &used)
        nodes.append(Node(op: token.kind == .raw ? .raw : .escaped, lineStart: false, a: index, b: 0))
      case .section, .inverted:
        textNode = -1
        if !token.standalone { indentIfAtLineStart(&atLineStart) }
        let index = self.name(token.content, used: &used)
        open.append((token.content, nodes.count, token.start))
        nodes.append(
          Node(op: token.kind == .section ? .section : .inverted, lineStart: false, a: index, b: 0))
      case .close:
        guard let section = open.popLast() else {
          throw Self.error(
            name, source, token.start, "'\(token.content)' closes a section that was never opened")
        }
        guard section.name == token.content else {
          throw Self.error(
            name, source, token.start,
            "'\(token.content)' closes section '\(section.name)', opened at \(Self.place(source, section.start))"
          )
        }
        textNode = -1
        if !token.standalone { indentIfAtLineStart(&atLineStart) }
        nodes[section.node].b = Int32(nodes.count)
      case .partial:
        guard let template = templates[token.content] else { continue }
        partials.insert(template)
        textNode = -1
        var own: Int32 = -1
        if token.standalone {
          own = -2
          if !token.indentation.isEmpty {
            own = Int32(indents.count)
            indents.append(token.indentation)
          }
        } else {
          indentIfAtLineStart(&atLineStart)
        }
        nodes.append(Node(op: .partial, lineStart: false, a: Int32(template), b: own))
      case .comment, .delimiters, .pragma:
        break
      }
    }
    if let section = open.last {
      throw Self.error(name, source, section.start, "section '\(section.name)' is never closed")
    }
    return Compiled(range: first..<nodes.count, literalBytes: literalBytes, names: used, partials: partials)
  }

  /// A tag that begins a line writes the indentation of the partial it is in, if any.
  private mutating func indentIfAtLineStart(_ atLineStart: inout Bool) {
    if atLineStart { nodes.append(Node(op: .indent, lineStart: true, a: 0, b: 0)) }
    atLineStart = false
  }

  private mutating func name(_ text: String, used: inout Set<String>) -> Int32 {
    if let index = nameIndex[text] {
      if names[Int(index)].isViewName { used.insert(text) }
      return index
    }
    let name = Name(text)
    if name.isViewName { used.insert(text) }
    let index = Int32(names.count)
    names.append(name)
    nameIndex[text] = index
    return index
  }

  // MARK: - Tokens

  /// Splits the source into text (one piece per line) and tags, following set-delimiter tags.
  private static func lex(_ name: String, _ source: [UInt8]) throws -> [Token] {
    var tokens: [Token] = []
    var open: [UInt8] = [0x7B, 0x7B]  // {{
    var close: [UInt8] = [0x7D, 0x7D]  // }}
    var position = 0
    let count = source.count
    while position < count {
      let tagStart = find(open, in: source, from: position) ?? count
      var start = position
      while start < tagStart {
        var end = start
        while end < tagStart && source[end] != newline { end += 1 }
        if end < tagStart { end += 1 }
        tokens.append(Token(kind: .text, start: start, end: end))
        start = end
      }
      if tagStart == count { break }

      var p = tagStart + open.count
      var kind = Kind.variable
      var closer = close
      if p < count {
        switch source[p] {
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: "%"): kind = .pragma
        case UInt8(ascii: "&"): kind = .raw
        case UInt8(ascii: "{"):
          kind = .raw
          closer = [UInt8(ascii: "}")] + close
        case UInt8(ascii: "="):
          kind = .delimiters
          closer = [UInt8(ascii: "=")] + close
        default: break
        }
        if kind != .variable { p += 1 }
      }
      guard let closeAt = find(closer, in: source, from: p) else {
        let shown = String(decoding: closer, as: UTF8.self)
        throw error(name, source, tagStart, "tag is never closed: no '\(shown)' after it")
      }
      var token = Token(kind: kind, start: tagStart, end: closeAt + closer.count)
      let content = trimmed(source[p..<closeAt])
      switch kind {
      case .comment, .pragma:
        break
      case .delimiters:
        let parts = content.split(whereSeparator: isBlank)
        guard parts.count == 2, !parts[0].contains(UInt8(ascii: "=")), !parts[1].contains(UInt8(ascii: "="))
        else {
          throw error(name, source, tagStart, "a set-delimiters tag takes two delimiters, as in {{=<% %>=}}")
        }
        open = Array(parts[0])
        close = Array(parts[1])
      case .partial:
        guard !content.isEmpty else { throw error(name, source, tagStart, "partial tag without a name") }
        token.content = String(decoding: content, as: UTF8.self)
      default:
        guard !content.isEmpty else { throw error(name, source, tagStart, "tag without a name") }
        guard !content.contains(where: isBlank) else {
          throw error(name, source, tagStart, "a name cannot contain blanks")
        }
        token.content = String(decoding: content, as: UTF8.self)
      }
      tokens.append(token)
      position = token.end
    }
    return tokens
  }

  /// Finds lines holding one standalone-capable tag and nothing else but blanks: the tag is marked
  /// standalone, and the blanks and the newline go.
  private static func markStandalone(_ tokens: [Token], _ source: [UInt8]) -> [Token] {
    var tokens = tokens
    var lineStart = 0
    while lineStart < tokens.count {
      var lineEnd = lineStart
      var tag = -1
      var tags = 0
      var blank = true
      while lineEnd < tokens.count {
        let token = tokens[lineEnd]
        lineEnd += 1
        if token.kind == .text {
          if !isBlankLine(source[token.start..<token.end]) { blank = false }
          if source[token.end - 1] == newline { break }
        } else {
          tags += 1
          tag = lineEnd - 1
        }
      }
      if blank, tags == 1, tokens[tag].kind.canStandAlone {
        tokens[tag].standalone = true
        for i in lineStart..<lineEnd where i != tag {
          tokens[i].standalone = true
          if i < tag { tokens[tag].indentation += source[tokens[i].start..<tokens[i].end] }
        }
      }
      lineStart = lineEnd
    }
    return tokens
  }

  /// Spaces and tabs, then perhaps a line ending.
  private static func isBlankLine(_ bytes: ArraySlice<UInt8>) -> Bool {
    var end = bytes.endIndex
    if end > bytes.startIndex && bytes[end - 1] == newline {
      end -= 1
      if end > bytes.startIndex && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    }
    return bytes[bytes.startIndex..<end].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var start = bytes.startIndex
    var end = bytes.endIndex
    while start < end && isBlank(bytes[start]) { start += 1 }
    while end > start && isBlank(bytes[end - 1]) { end -= 1 }
    return bytes[start..<end]
  }

  private static func find(_ needle: [UInt8], in source: [UInt8], from start: Int) -> Int? {
    guard let first = needle.first, needle.count <= source.count else { return nil }
    var i = start
    let last = source.count - needle.count
    while i <= last {
      if source[i] == first {
        var k = 1
        while k < needle.count && source[i + k] == needle[k] { k += 1 }
        if k == needle.count { return i }
      }
      i += 1
    }
    return nil
  }

  // MARK: - Errors

  private static func place(_ source: [UInt8], _ offset: Int) -> String {
    let (line, column) = lineAndColumn(source, offset)
    return "\(line):\(column)"
  }

  private static func lineAndColumn(_ source: [UInt8], _ offset: Int) -> (Int, Int) {
    var line = 1
    var lineStart = 0
    for i in 0..<offset where source[i] == newline {
      line += 1
      lineStart = i + 1
    }
    return (line, String(decoding: source[lineStart..<offset], as: UTF8.self).count + 1)
  }

  private static func error(_ template: String, _ source: [UInt8], _ offset: Int, _ message: String)
    -> TemplateError
  {
    let (line, column) = lineAndColumn(source, offset)
    return TemplateError(template: template, line: line, column: column, message: message)
  }
}
