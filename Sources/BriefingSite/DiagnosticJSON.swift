import BriefingCore

/// Diagnostics as JSON for tools: one array of objects with `code`, `column`, `file`, `line`,
/// `message` and `severity` (0 for an unknown line or column).
public enum DiagnosticJSON {
  public static func array(_ diagnostics: [Diagnostic]) -> String {
    var json = JSONWriter(pretty: true)
    json.beginArray()
    for diagnostic in diagnostics {
      json.beginObject()
      json.key("code")
      json.string(diagnostic.code)
      json.key("column")
      json.int(diagnostic.column)
      json.key("file")
      json.string(diagnostic.file)
      json.key("line")
      json.int(diagnostic.line)
      json.key("message")
      json.string(diagnostic.message)
      json.key("severity")
      json.string(diagnostic.severity.rawValue)
      json.endObject()
    }
    json.endArray()
    return String(decoding: json.bytes + [0x0A], as: UTF8.self)
  }
}
