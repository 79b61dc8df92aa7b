import Foundation
import BriefingTemplates

/// Escaping for text that goes into HTML or XML.
public enum HTML {
  /// Escapes `& < > " '` exactly as templates do (one escaper for the whole site).
  public static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

  /// `text` escaped, with the first occurrence of `mark` wrapped in `<mark>`.
  static func highlight(_ mark: String, in text: String) -> String {
    guard let start = firstOffset(of: mark, in: text) else { return escape(text) }
    return HTMLEscaping.escape(text, marking: start..<start + mark.utf8.count)
  }

  /// The UTF-8 offset of the first occurrence of `needle` in `text` (byte for byte, so never inside
  /// a character unless the needle itself starts mid-character); nil when absent or empty.
  static func firstOffset(of needle: String, in text: String) -> Int? {
    var needle = needle
    var text = text
    return needle.withUTF8 { needle -> Int? in
      text.withUTF8 { haystack -> Int? in
        guard let n = needle.baseAddress, let h = haystack.baseAddress, !needle.isEmpty,
          needle.count <= haystack.count
        else { return nil }
        // memchr finds each place the first byte stands; memcmp checks the rest there.
        let last = haystack.count - needle.count
        var index = 0
        while index <= last, let found = memchr(h + index, Int32(n.pointee), last - index + 1) {
          let at = UnsafeRawPointer(found) - UnsafeRawPointer(h)
          if memcmp(h + at, n, needle.count) == 0 { return at }
          index = at + 1
        }
        return nil
      }
    }
  }

  /// Whether `text` contains `needle`, byte for byte.
  static func contains(_ needle: String, in text: String) -> Bool { firstOffset(of: needle, in: text) != nil }
}
