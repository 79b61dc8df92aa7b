import BriefingCore
import BriefingTemplates
import Mustache

/// The templates and static assets of a theme, each parsed once.
struct Theme: Sendable {
  /// The page templates every theme must have.
  static let required = [
    "index", "timeline", "list", "person", "event", "issue", "entity", "article", "404", "feed", "sitemap",
    "search",
  ]

  var library: MustacheLibrary
  /// Files under `assets/`, by path relative to the templates folder.
  var assets: [String: [UInt8]]

  static func load(from folder: String, fileSystem: FileSystem) throws -> Theme {
    guard fileSystem.isDirectory(folder) else {
      throw BriefingError(stage: .render, file: folder, "the templates folder does not exist")
    }
    FastHTMLContentType.register()
    var library = MustacheLibrary()
    var assets: [String: [UInt8]] = [:]
    for path in try fileSystem.files(under: folder) {
      let bytes = try fileSystem.read("\(folder)/\(path)")
      if path.hasPrefix("assets/") {
        assets[path] = bytes
      } else if path.hasSuffix(".mustache") {
        guard let text = String(validating: bytes, as: UTF8.self) else {
          throw BriefingError(stage: .render, file: "\(folder)/\(path)", "the template is not valid UTF-8")
        }
        do {
          try library.register(text, named: String(path.dropLast(".mustache".count)))
        } catch let error as MustacheTemplate.ParserError {
          throw BriefingError(
            stage: .render, file: "\(folder)/\(path)", line: error.context.lineNumber,
            column: error.context.columnNumber, "template error: \(error.error)")
        }
      }
    }
    for name in required where library.getTemplate(named: name) == nil {
      throw BriefingError(
        stage: .render, file: "\(folder)/\(name).mustache", "the theme has no '\(name)' template")
    }
    return Theme(library: library, assets: assets)
  }

  /// Renders `context` with the named template.
  func render(_ name: String, _ value: TemplateValue) -> String {
    library.render(value.mustache, withTemplate: name) ?? ""
  }

  func render(_ name: String, _ fields: Fields) -> String { render(name, .object(fields)) }
}

extension TemplateValue {
  var mustache: Any {
    switch self {
    case .string(let text): return text
    case .int(let number): return number
    case .bool(let flag): return flag
    case .list(let items): return items.map(\.mustache)
    case .object(let fields): return fields.mapValues(\.mustache)
    case .null: return false
    }
  }
}
