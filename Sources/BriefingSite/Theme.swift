import BriefingCore
import BriefingTemplates

/// The templates and static assets of a theme, each parsed once.
struct Theme: Sendable {
  /// The page templates every theme must have.
  static let required = [
    "index", "timeline", "list", "person", "event", "issue", "entity", "article", "404", "feed", "sitemap",
    "search",
  ]

  var library: TemplateLibrary
  /// Files under `assets/`, by path relative to the templates folder.
  var assets: [String: [UInt8]]

  static func load(from folder: String, fileSystem: FileSystem) throws -> Theme {
    guard fileSystem.isDirectory(folder) else {
      throw BriefingError(stage: .render, file: folder, "the templates folder does not exist")
    }
    var sources: [String: String] = [:]
    var assets: [String: [UInt8]] = [:]
    for path in try fileSystem.files(under: folder) {
      let bytes = try fileSystem.read("\(folder)/\(path)")
      if path.hasPrefix("assets/") {
        assets[path] = bytes
      } else if path.hasSuffix(".mustache") {
        guard let text = String(validating: bytes, as: UTF8.self) else {
          throw BriefingError(stage: .render, file: "\(folder)/\(path)", "the template is not valid UTF-8")
        }
        sources[String(path.dropLast(".mustache".count))] = text
      }
    }
    let library: TemplateLibrary
    do {
      library = try TemplateLibrary(sources)
    } catch let error as TemplateError {
      throw BriefingError(
        stage: .render, file: "\(folder)/\(error.template).mustache", line: error.line, column: error.column,
        "template error: \(error.message)")
    }
    for name in required where !library.has(name) {
      throw BriefingError(
        stage: .render, file: "\(folder)/\(name).mustache", "the theme has no '\(name)' template")
    }
    return Theme(library: library, assets: assets)
  }

  /// Renders `value` with the named template, as UTF-8.
  func render(_ name: String, _ value: TemplateValue) -> [UInt8] {
    var out: [UInt8] = []
    library.render(name, value, into: &out)
    return out
  }

  func render(_ name: String, _ fields: Fields) -> [UInt8] { render(name, .object(fields)) }
}
