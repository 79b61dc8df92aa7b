/// The escaping `{{name}}` applies, for text written into HTML or XML outside templates: `&`, `<`,
/// `>`, `"` and `'`, over UTF-8 bytes.
public enum HTMLEscaping {
  public static func escape(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes in
      guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
      else {
        return nil
      }
      var out = Output(capacity: bytes.count + 32)
      defer { out.deallocate() }
      Renderer.escape(bytes, &out)
      return String(decoding: out.bytes, as: UTF8.self)
    } ?? text
  }

  /// `text` escaped, with the UTF-8 bytes in `marked` wrapped in `<mark>…</mark>`: one pass, one
  /// new string.
  public static func escape(_ text: String, marking marked: Range<Int>) -> String {
    var text = text
    return text.withUTF8 { bytes in
      var out = Output(capacity: bytes.count + 48)
      defer { out.deallocate() }
      Renderer.escape(UnsafeBufferPointer(rebasing: bytes[..<marked.lowerBound]), &out)
      out.append("<mark>")
      Renderer.escape(UnsafeBufferPointer(rebasing: bytes[marked]), &out)
      out.append("</mark>")
      Renderer.escape(UnsafeBufferPointer(rebasing: bytes[marked.upperBound...]), &out)
      return String(decoding: out.bytes, as: UTF8.self)
    }
  }
}
