/// `[[Target]]` or `[[Target|Label]]` in a note or Markdown article body.
public struct Wikilink: Sendable, Hashable {
  public var target: String
  public var label: String
  /// Where the link stands in the text it was found in.
  public var range: Range<String.Index>

  /// The wikilinks in `text`, in order.
  public static func all(in text: String) -> [Wikilink] {
    let utf8 = text.utf8
    guard containsOpening(utf8) else { return [] }
    var result: [Wikilink] = []
    var search = text.startIndex
    while let open = text.range(of: "[[", range: search..<text.endIndex) {
      guard let close = text.range(of: "]]", range: open.upperBound..<text.endIndex) else { break }
      let inner = text[open.upperBound..<close.lowerBound]
      if inner.contains("\n") || inner.contains("[") || inner.trimmingCharacters(in: .whitespaces).isEmpty {
        search = open.upperBound
        continue
      }
      let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
      let target = parts[0].trimmingCharacters(in: .whitespaces)
      let label = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : target
      result.append(
        Wikilink(
          target: target, label: label.isEmpty ? target : label, range: open.lowerBound..<close.upperBound))
      search = close.upperBound
    }
    return result
  }

  /// Whether `[[` occurs at all: most text has no wikilink, and a byte scan says so cheaply.
  static func containsOpening<Bytes: Sequence>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
    var previous: UInt8 = 0
    for b in bytes {
      if b == 0x5B && previous == 0x5B { return true }
      previous = b
    }
    return false
  }

  /// Wikilinks of a Markdown body with their 1-based line and column, leaving out fenced code and
  /// code spans.
  public static func located(in body: String, firstLine: Int) -> [(link: Wikilink, line: Int, column: Int)] {
    guard containsOpening(body.utf8) else { return [] }
    var result: [(Wikilink, Int, Int)] = []
    var inFence = false
    for (offset, raw) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = String(raw)
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        inFence.toggle()
        continue
      }
      if inFence || line.hasPrefix("    ") || line.hasPrefix("\t") { continue }
      let spans = codeSpans(in: line)
      for link in all(in: line) where !spans.contains(where: { $0.overlaps(link.range) }) {
        let column = line[..<link.range.lowerBound].count + 1
        result.append((link, firstLine + offset, column))
      }
    }
    return result
  }

  private static func codeSpans(in line: String) -> [Range<String.Index>] {
    var spans: [Range<String.Index>] = []
    var search = line.startIndex
    while let open = line.range(of: "`", range: search..<line.endIndex),
      let close = line.range(of: "`", range: open.upperBound..<line.endIndex)
    {
      spans.append(open.lowerBound..<close.upperBound)
      search = close.upperBound
    }
    return spans
  }
}

import Foundation
