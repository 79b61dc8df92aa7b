/// Typed access to front-matter fields that records a diagnostic for each value of the wrong shape.
struct Fields {
  let front: FrontMatter
  let file: String
  private(set) var diagnostics: [Diagnostic] = []

  init(_ front: FrontMatter, file: String) {
    self.front = front
    self.file = file
  }

  /// A text value; `~`, `null` and empty count as absent.
  mutating func text(_ key: String) -> String? {
    guard let field = front[key] else { return nil }
    guard let value = field.value.text else {
      report(field, "'\(key)' must be a single value, not a list or mapping")
      return nil
    }
    let trimmed = value.trimming(.whitespacesAndNewlines)
    return trimmed.isEmpty || trimmed == "~" || trimmed == "null" ? nil : trimmed
  }

  /// A list of texts; a single value counts as a list of one.
  mutating func texts(_ key: String) -> [String] {
    guard let field = front[key] else { return [] }
    if case .map = field.value {
      report(field, "'\(key)' must be a list of names")
      return []
    }
    return field.value.texts.map { $0.trimming(.whitespaces) }.filter { !$0.isEmpty }
  }

  /// References to other entities by name, each with its own line.
  mutating func references(_ key: String) -> [Reference] {
    guard let field = front[key] else { return [] }
    let names = texts(key)
    // Flow lists (`[a, b]`) share the key's line; block lists put one item a line below it.
    let isBlock: Bool = {
      if case .list = field.value, let line = front.fields.first(where: { $0.line > field.line })?.line {
        return line > field.line + 1
      }
      return false
    }()
    return names.enumerated().map { index, name in
      Reference(name: name, line: isBlock ? field.line + 1 + index : field.line, column: field.column)
    }
  }

  /// A date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
  mutating func date(_ key: String) -> BriefingDate? {
    guard let field = front[key], let text = text(key) else { return nil }
    guard let date = BriefingDate(iso: text) else {
      report(
        field, "'\(key)' must be a date written YYYY-MM-DD, YYYY-MM or YYYY, not '\(text)'",
        code: "invalid-date")
      return nil
    }
    return date
  }

  /// A day (`YYYY-MM-DD`): an article's date, which every relative date in it is counted from.
  mutating func day(_ key: String) -> BriefingDate? {
    guard let field = front[key], let text = text(key) else { return nil }
    guard let date = BriefingDate(iso: text), date.precision == .day else {
      report(
        field,
        "an article's '\(key)' must be a day written YYYY-MM-DD, not '\(text)' (only events may give YYYY-MM or YYYY)",
        code: "invalid-date")
      return nil
    }
    return date
  }

  /// The user's own fields: `extra:`, which must be a mapping.
  mutating func extra() -> FrontMatter.Value? {
    guard let field = front["extra"] else { return nil }
    guard case .map = field.value else {
      report(field, "'extra' must be a mapping of your own keys to values")
      return nil
    }
    return field.value
  }

  /// Warns of each top-level key not in `known`, with the known key it most likely meant, or where
  /// the user's own fields go.
  mutating func reportUnknownKeys(known: [String]) {
    for field in front.fields where !known.contains(field.key) {
      let hint =
        KeySuggestion.nearest(field.key, in: known).map { "; did you mean '\($0)'?" }
        ?? (known.contains("extra")
          ? "; your own fields go under 'extra:', where templates can read them" : "")
      diagnostics.append(
        .warning(
          "unknown-key", file, line: field.line, column: field.column,
          "unknown key '\(field.key)', which is ignored\(hint)"))
    }
  }

  /// Records a problem once, however often the field is read.
  mutating func report(_ field: FrontMatter.Field, _ message: String, code: String = "invalid-field") {
    let problem = Diagnostic.error(code, file, line: field.line, column: field.column, message)
    if !diagnostics.contains(problem) { diagnostics.append(problem) }
  }
}

import Foundation
