/// `[[Target]]` or `[[Target|Label]]` in a note or Markdown article body.
public struct Wikilink: Sendable, Hashable {
  public var target: String
  public var label: String
  /// Where the link stands in the text it was found in.
  public var range: Range<String.Index>

  /// The wikilinks in `text`, in order: `[[`, then text without `[`, a line break or `]]`,
  /// then `]]`. One pass over the bytes: an opening that cannot close is passed over, never
  /// searched from again.
  public static func all(in text: String) -> [Wikilink] {
    let utf8 = text.utf8
    guard containsOpening(utf8) else { return [] }
    var result: [Wikilink] = []
    var open: String.Index?
    var index = utf8.startIndex
    while index < utf8.endIndex {
      let byte = utf8[index]
      let next = utf8.index(after: index)
      let following = next < utf8.endIndex ? utf8[next] : 0
      if byte == 0x5B && following == 0x5B {
        // The last `[[` before a close is the only one that can pair with it.
        open = next
        index = utf8.index(after: next)
        continue
      }
      if byte == 0x5B || byte == 0x0A || byte == 0x0D {
        open = nil
      } else if byte == 0x5D && following == 0x5D, let start = open {
        let inner = text[utf8.index(after: start)..<index]
        let end = utf8.index(after: next)
        if let link = make(inner, range: utf8.index(before: start)..<end) { result.append(link) }
        open = nil
        index = end
        continue
      }
      index = next
    }
    return result
  }

  private static func make(_ inner: Substring, range: Range<String.Index>) -> Wikilink? {
    guard !inner.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
    let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
    let target = parts[0].trimmingCharacters(in: .whitespaces)
    let label = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : target
    return Wikilink(target: target, label: label.isEmpty ? target : label, range: range)
  }

  /// Whether `[[` occurs at all: most text has no wikilink, and a byte scan says so cheaply.
  static func containsOpening<Bytes: Sequence>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
    // Native strings are contiguous: memchr finds each "[" and the byte after it is looked at.
    let found = bytes.withContiguousStorageIfAvailable { buffer -> Bool in
      guard let base = buffer.baseAddress else { return false }
      var offset = 0
      while offset < buffer.count, let hit = memchr(base + offset, 0x5B, buffer.count - offset) {
        let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        if at + 1 < buffer.count, base[at + 1] == 0x5B { return true }
        offset = at + 1
      }
      return false
    }
    if let found { return found }
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
      let trimmed = line.trimming(.whitespaces)
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        inFence.toggle()
        continue
      }
      if inFence || line.hasPrefix("    ") || line.hasPrefix("\t") { continue }
      // Links and code spans both come in order: one walk over each, and columns are counted
      // on from the previous link rather than from the start of the line.
      let spans = codeSpans(in: line)
      var span = 0
      var counted = line.startIndex
      var column = 1
      for link in all(in: line) {
        while span < spans.count && spans[span].upperBound <= link.range.lowerBound { span += 1 }
        if span < spans.count && spans[span].overlaps(link.range) { continue }
        column += line[counted..<link.range.lowerBound].count
        counted = link.range.lowerBound
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
