import Yams

/// YAML front matter (`---` … `---` at the top of a file) and the body after it.
public struct FrontMatter: Sendable {
  /// A scalar or list value with the place it was written.
  public enum Value: Sendable, Hashable {
    case scalar(String)
    case list([Value])
    case map([Field])
  }

  /// One key of a mapping, with its 1-based line and column in the file.
  public struct Field: Sendable, Hashable {
    public var key: String
    public var value: Value
    public var line: Int
    public var column: Int
  }

  /// The top-level keys, in the order written.
  public var fields: [Field]
  /// The text after the closing `---` (the whole file when there is no front matter).
  public var body: String
  /// 1-based line of the body's first line.
  public var bodyLine: Int

  /// The field named `key`, if present.
  public subscript(key: String) -> Field? { fields.first { $0.key == key } }

  /// Splits `text` into front matter and body; a YAML error is returned as a diagnostic for `file`.
  public static func parse(_ text: String, file: String) -> (FrontMatter, [Diagnostic]) {
    // Only the lines up to the closing `---` are looked at; the body is sliced off whole.
    var text = Substring(text)
    if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
    var lineStarts: [String.Index] = []
    var closeLine: Int?
    var cursor = text.startIndex
    while cursor < text.endIndex {
      lineStarts.append(cursor)
      let end = text[cursor...].firstIndex(of: "\n") ?? text.endIndex
      let isFence = text[cursor..<end].trimmingTrailingSpace == "---"
      if lineStarts.count == 1 && !isFence { break }
      if lineStarts.count > 1 && isFence {
        closeLine = lineStarts.count - 1
        cursor = end < text.endIndex ? text.index(after: end) : end
        break
      }
      cursor = end < text.endIndex ? text.index(after: end) : end
    }
    guard let first = lineStarts.first,
      text[first...].prefix(while: { $0 != "\n" }).trimmingTrailingSpace == "---"
    else {
      return (FrontMatter(fields: [], body: String(text), bodyLine: 1), [])
    }
    guard let close = closeLine else {
      return (
        FrontMatter(fields: [], body: String(text), bodyLine: 1),
        [
          .error(
            "unclosed-front-matter", file, line: 1, column: 1,
            "front matter opened with '---' is never closed")
        ]
      )
    }
    let yamlStart = lineStarts.count > 1 ? lineStarts[1] : text.endIndex
    let yaml = String(text[yamlStart..<lineStarts[close]])
    let body = String(text[cursor...])
    let bodyLine = close + 2
    if let (line, column) = YAMLAliases.overflow(in: yaml) {
      // The YAML starts on the file's second line; libyaml counts from 0.
      return (
        FrontMatter(fields: [], body: body, bodyLine: bodyLine),
        [
          .error(
            "yaml-alias-limit", file, line: line + 2, column: column + 1,
            "YAML aliases here expand the front matter past \(YAMLAliases.limit) values (the limit); write the values out instead"
          )
        ]
      )
    }
    do {
      // No resolver: every scalar stays text, so `date: 2025-01-13` is not turned into a timestamp.
      guard let root = try Yams.compose(yaml: yaml, Resolver.basic, .default, yamlEncoding) else {
        return (FrontMatter(fields: [], body: body, bodyLine: bodyLine), [])
      }
      guard let mapping = root.mapping else {
        let mark = root.mark
        return (
          FrontMatter(fields: [], body: body, bodyLine: bodyLine),
          [
            .error(
              "malformed-yaml", file, line: (mark?.line ?? 1) + 1, column: mark?.column ?? 1,
              "front matter must be a mapping of keys to values")
          ]
        )
      }
      return (FrontMatter(fields: fields(of: mapping), body: body, bodyLine: bodyLine), [])
    } catch let error as YamlError {
      let (line, column, problem) = describe(error, in: yaml)
      return (
        FrontMatter(fields: [], body: body, bodyLine: bodyLine),
        [
          .error(
            "malformed-yaml", file, line: line + 1, column: column, "malformed YAML front matter: \(problem)")
        ]
      )
    } catch {
      return (
        FrontMatter(fields: [], body: body, bodyLine: bodyLine),
        [.error("malformed-yaml", file, line: 2, column: 1, "malformed YAML front matter: \(error)")]
      )
    }
  }

  /// Yams reads its default encoding from the environment each time it is asked: asked once.
  private static let yamlEncodingName = Parser.Encoding.default.rawValue
  private static var yamlEncoding: Parser.Encoding { Parser.Encoding(rawValue: yamlEncodingName) ?? .default }

  private static func fields(of mapping: Node.Mapping) -> [Field] {
    mapping.map { key, value in
      let mark = key.mark
      return Field(
        key: key.string ?? "", value: convert(value), line: (mark?.line ?? 0) + 1, column: mark?.column ?? 0)
    }
  }

  private static func convert(_ node: Node) -> Value {
    switch node {
    case .scalar(let scalar): return .scalar(scalar.string)
    case .sequence(let sequence): return .list(sequence.map(convert))
    case .mapping(let mapping): return .map(fields(of: mapping))
    case .alias: return .scalar("")
    }
  }

  private static func describe(_ error: YamlError, in yaml: String) -> (Int, Int, String) {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = context.map { "\(problem) \($0.text)" } ?? problem
      return (mark.line, mark.column, detail)
    case .duplicatedKeysInMapping(let duplicates, let context):
      // Yams marks the mapping; name the line where a key comes again, as the reader looks there.
      let line = duplicates.lazy.compactMap {
        repeatedKey($0, in: yaml, indent: context.mark.column - 1, from: context.mark.line)
      }.first
      return (
        line ?? context.mark.line, context.mark.column, "duplicate keys \(duplicates.joined(separator: ", "))"
      )
    default:
      return (1, 1, "\(error)")
    }
  }
}

extension FrontMatter {
  /// The 1-based line of `yaml`, at or after `from`, where `key` starts a line at `indent` for the
  /// second time; nil when it is written otherwise (quoted, in a flow mapping).
  fileprivate static func repeatedKey(_ key: String, in yaml: String, indent: Int, from: Int) -> Int? {
    var seen = false
    for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where index + 1 >= from {
      guard line.count > indent, line.prefix(indent).allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
      let rest = line.dropFirst(indent)
      guard rest.hasPrefix(key) else { continue }
      let after = rest.dropFirst(key.count).drop { $0 == " " }
      guard after.hasPrefix(":") else { continue }
      if seen { return index + 1 }
      seen = true
    }
    return nil
  }
}

extension FrontMatter.Value {
  /// The value as text when it is a scalar.
  public var text: String? {
    if case .scalar(let s) = self { return s }
    return nil
  }

  /// The value as a list of texts: a scalar counts as a list of one.
  public var texts: [String] {
    switch self {
    case .scalar(let s): return s.isEmpty ? [] : [s]
    case .list(let items): return items.compactMap(\.text)
    case .map: return []
    }
  }
}

extension Substring {
  fileprivate var trimmingTrailingSpace: Substring {
    var s = self
    while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
    return s
  }
}
