/// Escaping for text that goes into HTML or XML.
public enum HTML {
  /// Escapes `& < > " '`, working on UTF-8 bytes: text without them is returned as it is.
  public static func escape(_ text: String) -> String {
    let utf8 = text.utf8
    guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
      return text
    }
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count + 32)
    for b in utf8 {
      switch b {
      case 0x26: out += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
      case 0x3C: out += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
      case 0x3E: out += [0x26, 0x67, 0x74, 0x3B]  // &gt;
      case 0x22: out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
      case 0x27: out += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
      default: out.append(b)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `text` escaped, with the first occurrence of `mark` wrapped in `<mark>`.
  static func highlight(_ mark: String, in text: String) -> String {
    guard let start = firstOffset(of: mark, in: text) else { return escape(text) }
    let bytes = Array(text.utf8)
    let end = start + mark.utf8.count
    func escaped(_ part: ArraySlice<UInt8>) -> String { escape(String(decoding: part, as: UTF8.self)) }
    return escaped(bytes[..<start]) + "<mark>" + escaped(bytes[start..<end]) + "</mark>"
      + escaped(bytes[end...])
  }

  /// The UTF-8 offset of the first occurrence of `needle` in `text` (byte for byte, so never inside
  /// a character unless the needle itself starts mid-character); nil when absent or empty.
  static func firstOffset(of needle: String, in text: String) -> Int? {
    var needle = needle
    var text = text
    return needle.withUTF8 { needle -> Int? in
      text.withUTF8 { haystack -> Int? in
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
          if haystack[index] == first
            && (1..<needle.count).allSatisfy({ haystack[index + $0] == needle[$0] })
          {
            return index
          }
          index += 1
        }
        return nil
      }
    }
  }

  /// Whether `text` contains `needle`, byte for byte.
  static func contains(_ needle: String, in text: String) -> Bool { firstOffset(of: needle, in: text) != nil }
}
