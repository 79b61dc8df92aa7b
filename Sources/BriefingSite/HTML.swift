/// Escaping for text that goes into HTML or XML.
enum HTML {
  /// Escapes `& < > " '`.
  static func escape(_ text: String) -> String {
    var out = ""
    out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `text` escaped, with the first occurrence of `mark` wrapped in `<mark>`.
  static func highlight(_ mark: String, in text: String) -> String {
    guard !mark.isEmpty, let range = text.range(of: mark) else { return escape(text) }
    return escape(String(text[..<range.lowerBound])) + "<mark>" + escape(String(text[range])) + "</mark>"
      + escape(String(text[range.upperBound...]))
  }
}
