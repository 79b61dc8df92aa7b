import BriefingTemplates
import Foundation
import Mustache

/// swift-mustache 2.1.1, which the site rendered with before: what our renderer is compared with.
enum SwiftMustache {
  /// The escaping the site registers for `{{% CONTENT_TYPE: BRIEFING_HTML }}`: the five characters of
  /// swift-mustache's HTML type, over UTF-8 bytes.
  struct BriefingHTML: MustacheContentType {
    func escapeText(_ text: String) -> String { EscapeTests.reference(text) }
  }

  static func library(_ sources: [String: String]) throws -> MustacheLibrary {
    MustacheContentTypes.register(BriefingHTML(), named: "BRIEFING_HTML")
    var library = MustacheLibrary()
    for (name, source) in sources { try library.register(source, named: name) }
    return library
  }

  static func render(_ sources: [String: String], _ name: String, _ value: TemplateValue) throws -> String {
    try library(sources).render(any(value), withTemplate: name) ?? ""
  }

  /// The value as the `[String: Any]` views swift-mustache renders.
  static func any(_ value: TemplateValue) -> Any {
    switch value {
    case .string(let text): return text
    case .int(let number): return number
    case .bool(let truth): return truth
    case .list(let items): return items.map(any)
    case .object(let members): return members.mapValues(any)
    case .null: return NSNull()
    }
  }
}
