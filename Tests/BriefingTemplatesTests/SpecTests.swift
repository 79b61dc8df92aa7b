import BriefingTemplates
import Foundation
import Testing

/// One case of the official Mustache spec (the JSON files under `spec/`).
struct SpecCase: Sendable, CustomTestStringConvertible {
  let file: String
  let name: String
  let data: TemplateValue
  let template: String
  let partials: [String: String]
  let expected: String

  var testDescription: String { "\(file): \(name)" }

  static let files = ["interpolation", "sections", "inverted", "partials", "comments", "delimiters"]

  static func load() -> [SpecCase] {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("spec")
    return files.flatMap { file -> [SpecCase] in
      let url = folder.appendingPathComponent("\(file).json")
      guard let data = try? Data(contentsOf: url),
        let spec = try? JSONDecoder().decode(SpecFile.self, from: data)
      else { return [] }
      return spec.tests.map {
        SpecCase(
          file: file, name: $0.name, data: $0.data.value, template: $0.template, partials: $0.partials ?? [:],
          expected: $0.expected)
      }
    }
  }
}

private struct SpecFile: Decodable {
  struct Test: Decodable {
    let name: String
    let data: JSONValue
    let template: String
    let partials: [String: String]?
    let expected: String
  }
  let tests: [Test]
}

/// JSON as a template value: null, booleans, integers and strings as themselves; a number with a
/// fraction as the text the spec expects it to print (1.210 prints "1.21").
struct JSONValue: Decodable {
  let value: TemplateValue

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      value = .null
    } else if let bool = try? container.decode(Bool.self) {
      value = .bool(bool)
    } else if let int = try? container.decode(Int.self) {
      value = .int(int)
    } else if let double = try? container.decode(Double.self) {
      value = .string(String(double))
    } else if let string = try? container.decode(String.self) {
      value = .string(string)
    } else if let list = try? container.decode([JSONValue].self) {
      value = .list(list.map(\.value))
    } else {
      value = .object(TemplateFields(try container.decode([String: JSONValue].self).mapValues(\.value)))
    }
  }
}

@Suite struct SpecTests {
  /// Cases the closed value type cannot express; none so far.
  static let skipped: [String: String] = [:]

  @Test func theSpecFilesAreAllThere() {
    let cases = SpecCase.load()
    for file in SpecCase.files {
      #expect(cases.contains { $0.file == file }, "no cases loaded from spec/\(file).json")
    }
    #expect(cases.count == 133)
  }

  @Test(arguments: SpecCase.load())
  func specCase(_ spec: SpecCase) throws {
    guard Self.skipped[spec.testDescription] == nil else { return }
    var sources = spec.partials
    sources["__test__"] = spec.template
    let library = try TemplateLibrary(sources)
    #expect(library.render("__test__", spec.data) == spec.expected, "\(spec.template.debugDescription)")
  }

  @Test func onePointTwoTenPrintsAsTheSpecSays() throws {
    let value = try JSONDecoder().decode(JSONValue.self, from: Data("{\"power\": 1.210}".utf8)).value
    #expect(try TemplateLibrary(["t": "{{power}}"]).render("t", value) == "1.21")
  }
}
