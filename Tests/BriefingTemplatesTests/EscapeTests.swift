import BriefingTemplates
import Testing

@Suite struct EscapeTests {
  /// The five replacements, byte by byte: what the site's output has always had.
  static func reference(_ text: String) -> String {
    var out: [UInt8] = []
    for byte in text.utf8 {
      switch byte {
      case 0x26: out += Array("&amp;".utf8)
      case 0x3C: out += Array("&lt;".utf8)
      case 0x3E: out += Array("&gt;".utf8)
      case 0x22: out += Array("&quot;".utf8)
      case 0x27: out += Array("&#39;".utf8)
      default: out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  @Test func everyLengthAndPositionEscapesAsTheReferenceDoes() throws {
    let library = try TemplateLibrary(["t": "{{x}}", "raw": "{{{x}}}"])
    // The special characters, their neighbours in the byte table, and multi-byte characters.
    let pieces: [String] = [
      "&", "<", ">", "\"", "'", "!", "#", "%", "(", "=", "?", ";", "a", "Z", " ", "0", "é", "—", "’",
      "\u{1F600}",
      "\u{7F}", "\t",
    ]
    var state: UInt64 = 7
    for length in 0..<48 {
      for _ in 0..<40 {
        var text = ""
        for _ in 0..<length {
          state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          text += pieces[Int(state >> 33) % pieces.count]
        }
        #expect(library.render("t", ["x": .string(text)]) == Self.reference(text), "\(text.debugDescription)")
        #expect(library.render("raw", ["x": .string(text)]) == text)
      }
    }
  }

  @Test func longPlainTextIsCopiedAsItIs() throws {
    let text = String(repeating: "plain words, numbers 0123456789 and punctuation ;:-_/ ", count: 50)
    #expect(try TemplateLibrary(["t": "{{x}}"]).render("t", ["x": .string(text)]) == text)
    let bytes = String(decoding: (1...255).map { UInt8($0) }, as: UTF8.self)
    #expect(try TemplateLibrary(["t": "{{x}}"]).render("t", ["x": .string(bytes)]) == Self.reference(bytes))
  }
}
