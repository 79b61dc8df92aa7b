/// Splits prose into sentences without mistaking "U.S.", "Mr." or "Jan. 20" for a sentence end.
public enum Sentences {
  /// The sentences of `text`, trimmed, in order.
  public static func split(_ text: String) -> [String] {
    ranges(in: text).map { String(text[$0]) }
  }

  /// The ranges of the sentences of `text`.
  public static func ranges(in text: String) -> [Range<String.Index>] {
    var result: [Range<String.Index>] = []
    var start = text.startIndex
    var i = text.startIndex
    while i < text.endIndex {
      let c = text[i]
      if c == "." || c == "!" || c == "?" {
        var end = text.index(after: i)
        while end < text.endIndex, "\"”’)".contains(text[end]) { end = text.index(after: end) }
        if end == text.endIndex {
          break
        }
        if text[end] == " ", c != "." || !isAbbreviation(text[start..<i]) {
          var next = end
          while next < text.endIndex, text[next] == " " { next = text.index(after: next) }
          if next < text.endIndex, startsSentence(text[next]) {
            appendTrimmed(text, start..<end, to: &result)
            start = next
            i = next
            continue
          }
        }
        i = end
        continue
      }
      i = text.index(after: i)
    }
    appendTrimmed(text, start..<text.endIndex, to: &result)
    return result
  }

  private static func startsSentence(_ c: Character) -> Bool {
    c.isUppercase || c.isNumber || c == "\"" || c == "“" || c == "‘" || c == "("
  }

  /// Whether the word before a period is an abbreviation or an initial.
  private static func isAbbreviation(_ before: Substring) -> Bool {
    let word = before.split(separator: " ").last.map(String.init) ?? ""
    let bare = word.trimmingCharacters(in: .init(charactersIn: "(\"“"))
    if bare.count == 1, bare.first!.isUppercase { return true }  // an initial: "John F. Kennedy"
    if bare.contains(".") { return true }  // "U.S", "e.g"
    return abbreviations.contains(bare)
  }

  private static let abbreviations: Set<String> = [
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "St", "Jr", "Sr",
    "Corp", "Inc", "Co", "Ltd", "No", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "approx", "etc",
  ]

  private static func appendTrimmed(_ text: String, _ range: Range<String.Index>, to result: inout [Range<String.Index>]) {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, text[lower].isWhitespace { lower = text.index(after: lower) }
    while upper > lower, text[text.index(before: upper)].isWhitespace { upper = text.index(before: upper) }
    if lower < upper { result.append(lower..<upper) }
  }
}

import Foundation
