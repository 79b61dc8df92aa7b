import Foundation
import Testing

@testable import BriefingSite

/// The JSON writer writes what Foundation would, so the export and the JSON-LD did not change when
/// it replaced Foundation's encoders.
@Suite struct JSONWriterTests {
  static let texts = [
    "", "plain", "quote \" and backslash \\ and slash /", "lines\nand\rreturns\tand tabs",
    "\u{8}\u{c}\u{1}\u{1f}\u{7f}", "café 😀 \u{2028} — ’", "<script>&</script>",
  ]

  struct Record: Encodable {
    var a: [String]
    var b: [Int]
    var c: [[String]]
    var d: String
  }

  @Test func prettyOutputIsWhatJSONEncoderWrites() throws {
    let records = JSONWriterTests.texts.enumerated().map { n, text in
      Record(a: Array(JSONWriterTests.texts.prefix(n)), b: Array(0..<n), c: [[], [text]], d: text)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let expected = Array(try encoder.encode(["records": records, "empty": []]))

    var json = JSONWriter(pretty: true)
    json.beginObject()
    json.key("empty")
    json.beginArray()
    json.endArray()
    json.key("records")
    json.beginArray()
    for record in records {
      json.beginObject()
      json.key("a")
      json.strings(record.a)
      json.key("b")
      json.beginArray()
      for number in record.b { json.int(number) }
      json.endArray()
      json.key("c")
      json.beginArray()
      for list in record.c { json.strings(list) }
      json.endArray()
      json.key("d")
      json.string(record.d)
      json.endObject()
    }
    json.endArray()
    json.endObject()
    #expect(String(decoding: json.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
  }

  @Test func compactOutputIsWhatJSONSerializationWrites() throws {
    for text in JSONWriterTests.texts {
      let object: [String: Any] = [
        "@type": "Thing", "list": [text, "x"], "name": text, "nested": ["@type": text],
      ]
      let expected = try JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
      var json = JSONWriter(pretty: false)
      json.beginObject()
      json.fields([("@type", "Thing")])
      json.key("list")
      json.strings([text, "x"])
      json.fields([("name", text)])
      json.key("nested")
      json.beginObject()
      json.fields([("@type", text)])
      json.endObject()
      json.endObject()
      #expect(json.bytes == Array(expected), "\(text)")
    }
  }

  @Test func theExportIsWrittenInPiecesThatMakeValidJSON() throws {
    let fixture = try Fixture(PagingTests.manyArticles(300))
    defer { fixture.remove() }
    let (briefing, _, _) = try Pipeline(fileSystem: fixture.fileSystem).prepare(content: fixture.content)
    var pieces: [[UInt8]] = []
    try DataExport(briefing: briefing).write { pieces.append($0) }
    #expect(pieces.count > 1)
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(pieces.flatMap { $0 })) as? [String: Any])
    #expect((root["articles"] as? [Any])?.count == 300)
    #expect((root["timeline"] as? [Any])?.count == 300)
  }
}
