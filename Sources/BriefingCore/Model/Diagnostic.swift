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

extension Array where Element == Diagnostic {
  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }
  /// Whether any diagnostic is a warning.
  public var hasWarnings: Bool { contains { $0.severity == .warning } }
}
