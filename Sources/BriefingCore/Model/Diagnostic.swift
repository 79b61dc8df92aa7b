/// One problem found in the content, reported like a compiler's: `file:line:column: error: message`.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// How serious a problem is.
  public enum Severity: String, Sendable, Hashable, Comparable {
    case error, warning, note

    private var rank: Int {
      switch self {
      case .error: 0
      case .warning: 1
      case .note: 2
      }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  public var severity: Severity
  /// The file as the user named it, e.g. `content/people/gen-nakatani.md`.
  public var file: String
  /// 1-based line; 0 when the problem concerns the whole file.
  public var line: Int
  /// 1-based column; 0 when unknown.
  public var column: Int
  public var message: String
  /// What kind of problem it is, stable from version to version (`undated-article`): what
  /// `briefing.yml`'s `diagnostics:` and a document's `accept:` name. The README lists them.
  public var code: String

  public init(
    _ severity: Severity, code: String, file: String, line: Int = 0, column: Int = 0, _ message: String
  ) {
    self.severity = severity
    self.code = code
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public static func error(_ code: String, _ file: String, line: Int = 0, column: Int = 0, _ message: String)
    -> Diagnostic
  {
    Diagnostic(.error, code: code, file: file, line: line, column: column, message)
  }

  public static func warning(
    _ code: String, _ file: String, line: Int = 0, column: Int = 0, _ message: String
  ) -> Diagnostic {
    Diagnostic(.warning, code: code, file: file, line: line, column: column, message)
  }

  public static func note(_ code: String, _ file: String, line: Int = 0, column: Int = 0, _ message: String)
    -> Diagnostic
  {
    Diagnostic(.note, code: code, file: file, line: line, column: column, message)
  }

  /// `file:line:column: severity: message [code]`, leaving out an unknown line or column.
  public var description: String {
    var place = file
    if line > 0 {
      place += ":\(line)"
      if column > 0 { place += ":\(column)" }
    }
    return "\(place): \(severity.rawValue): \(message) [\(code)]"
  }

  /// GitHub Actions workflow-command form, so CI annotates the file; the code is the title.
  public var githubDescription: String {
    let kind = severity == .note ? "notice" : severity.rawValue
    var props = "file=\(Diagnostic.escapeProperty(file))"
    if line > 0 { props += ",line=\(line)" }
    if column > 0 { props += ",col=\(column)" }
    props += ",title=\(Diagnostic.escapeProperty(code))"
    return "::\(kind) \(props)::\(Diagnostic.escapeData(message))"
  }

  /// A workflow command's message, escaped as GitHub's toolkit does (`%`, CR, LF), so that no
  /// text from content can start a command of its own.
  static func escapeData(_ text: String) -> String {
    text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  /// A workflow command's property value: as a message, and `:` and `,` as well.
  static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }

  public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    (lhs.file, lhs.line, lhs.column, lhs.severity, lhs.message, lhs.code)
      < (rhs.file, rhs.line, rhs.column, rhs.severity, rhs.message, rhs.code)
  }
}

extension Diagnostic {
  /// Every code, with what it means: the README's table, and what `accept:` and `diagnostics:`
  /// may name.
  public static let codes: [(code: String, meaning: String)] = [
    ("ambiguous-mention", "a name in a text fits several entities and is left unlinked"),
    ("ambiguous-reference", "a front-matter reference fits several entities"),
    ("ambiguous-wikilink", "a [[wikilink]] fits several entities"),
    ("build-failed", "the build could not go on (the message says why)"),
    ("duplicate-slug", "two files give the same slug"),
    ("empty-slug", "a file name gives no slug"),
    ("file-too-large", "a file is over the 1,000,000-byte limit"),
    ("ignored-file", "a file in the content folder is not an article, a note, briefing.yml or index.md"),
    ("invalid-date", "a date is not written YYYY-MM-DD (or YYYY-MM, YYYY where allowed)"),
    ("invalid-field", "a front-matter value has the wrong shape"),
    ("invalid-kind-folder", "a folder name cannot name a kind of entity"),
    ("invalid-role", "a role in 'roles' is malformed"),
    ("invalid-url", "an article's url is not http(s), mailto: or relative"),
    ("invalid-utf8", "a file is not UTF-8 text"),
    ("malformed-yaml", "front matter or briefing.yml is not valid YAML"),
    ("missing-name", "a note has no name or title"),
    ("no-config", "there is no briefing.yml"),
    ("reserved-slug", "the slug 'index' is taken by a list page"),
    ("unclosed-front-matter", "front matter opened with '---' is never closed"),
    ("undated-article", "an article has no date and no dateline"),
    ("undated-event", "an event has no date"),
    ("unknown-code", "accept: or diagnostics: names a code that does not exist"),
    ("unknown-key", "a key of briefing.yml or front matter means nothing to briefing"),
    ("unknown-name", "a capitalized name seen in several articles names no entity (check only)"),
    ("unknown-reference", "a front-matter reference names no entity"),
    (
      "unknown-template-variable",
      "a template uses a name its page does not provide (an error under --strict)"
    ),
    ("unknown-wikilink", "a [[wikilink]] names no entity"),
    ("unreadable-file", "a file cannot be read"),
    ("yaml-alias-limit", "YAML aliases expand a file past 10,000 values"),
  ]
}

extension Array where Element == Diagnostic {
  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }
  /// Whether any diagnostic is a warning.
  public var hasWarnings: Bool { contains { $0.severity == .warning } }
}
