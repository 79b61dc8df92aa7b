import BriefingCore
import BriefingTemplates

/// The templates and static assets of a theme, each parsed once: the built-in theme, with the
/// files of a templates folder (when there is one) in place of the built-in files of the same name.
public struct Theme: Sendable {
  var library: TemplateLibrary
  /// Files under `assets/`, by path relative to the templates folder.
  var assets: [String: [UInt8]]

  /// The built-in theme with the files of `folder` over it; `folder` nil means the built-in theme
  /// alone. A folder that is named but does not exist is an error.
  static func load(from folder: String?, fileSystem: FileSystem) throws -> Theme {
    var sources: [String: String] = [:]
    var assets: [String: [UInt8]] = [:]
    // Where each template came from, for error messages.
    var files: [String: String] = [:]
    for (path, text) in BuiltinTheme.files {
      if path.hasPrefix("assets/") {
        assets[path] = Array(text.utf8)
      } else {
        let name = String(path.dropLast(".mustache".count))
        sources[name] = text
        files[name] = "built-in theme: \(path)"
      }
    }
    if let folder {
      guard fileSystem.isDirectory(folder) else {
        throw BriefingError(stage: .render, file: folder, "the templates folder does not exist")
      }
      for path in try fileSystem.files(under: folder) {
        let bytes = try fileSystem.read("\(folder)/\(path)")
        if path.hasPrefix("assets/") {
          assets[path] = bytes
        } else if path.hasSuffix(".mustache") {
          guard let text = String(validating: bytes, as: UTF8.self) else {
            throw BriefingError(stage: .render, file: "\(folder)/\(path)", "the template is not valid UTF-8")
          }
          let name = String(path.dropLast(".mustache".count))
          sources[name] = text
          files[name] = "\(folder)/\(path)"
        }
      }
    }
    do {
      return Theme(library: try TemplateLibrary(sources), assets: assets)
    } catch let error as TemplateError {
      throw BriefingError(
        stage: .render, file: files[error.template] ?? error.template, line: error.line, column: error.column,
        "template error: \(error.message)")
    }
  }

  /// The built-in theme's files, written into `folder` for editing; an existing file is never
  /// replaced (the error names it, and nothing is written).
  public static func export(to folder: String, fileSystem: FileSystem) throws -> [String] {
    let paths = BuiltinTheme.files.map { folder + "/" + $0.path }
    if let existing = paths.first(where: fileSystem.exists) {
      throw BriefingError(stage: .write, file: existing, "the file exists; not replacing it")
    }
    for (path, text) in BuiltinTheme.files {
      try fileSystem.write(Array(text.utf8), to: folder + "/" + path)
    }
    return paths
  }

  /// Renders `value` with the named template, as UTF-8.
  func render(_ name: String, _ value: TemplateValue) -> [UInt8] {
    var out: [UInt8] = []
    library.render(name, value, into: &out)
    return out
  }

  func render(_ name: String, _ fields: Fields) -> [UInt8] { render(name, .object(fields)) }
}
