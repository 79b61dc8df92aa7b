import Foundation
import BriefingCore
import BriefingTemplates

/// The templates and static assets of a theme, each parsed once: the built-in theme, with the
/// files of a templates folder (when there is one) in place of the built-in files of the same name.
public struct Theme: Sendable {
  var library: TemplateLibrary
  /// Where each template came from (a file of the templates folder, or the built-in theme).
  var files: [String: String] = [:]
  /// Each template's source, to say where a name is used.
  var sources: [String: String] = [:]
  /// Names the templates looked up and found nowhere while pages were rendered.
  let missing = MissingNames()
  /// When set, the shape of every view each template is rendered with (for docs/templates.md).
  var shapes: ViewShapes?
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
      return Theme(library: try TemplateLibrary(sources), files: files, sources: sources, assets: assets)
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
    var names: Set<String> = []
    shapes?.add(value, template: name)
    library.render(name, value, into: &out, missing: &names)
    if !names.isEmpty {
      // What the page does give, for a suggestion.
      var given: [String] = []
      if case .object(let fields) = value { given = Array(fields.keys) }
      missing.add(names, template: name, given: given)
    }
    return out
  }

  /// A warning for each name a template looked up that its page did not provide: a misspelt
  /// variable renders nothing, and this says so.
  func missingNameWarnings() -> [Diagnostic] {
    let given = missing.given
    return missing.all.sorted { $0.key < $1.key }.flatMap { template, names in
      names.sorted().map { name in
        let head = String(name.split(separator: ".").first ?? "")
        let hint =
          KeySuggestion.nearest(head, in: given[template, default: []].sorted()).map {
            "; did you mean '\($0)'?"
          }
          ?? " (docs/templates.md lists what each page has)"
        let (line, column) = place(of: name, in: template)
        return Diagnostic.warning(
          "unknown-template-variable", files[template] ?? "\(template).mustache", line: line, column: column,
          "the template '\(template)' uses '\(name)', which its page does not provide\(hint)")
      }
    }
  }

  /// The line and column of the first tag in `template` (itself, not a partial) that names `name`;
  /// zeros when it is used only through a partial.
  private func place(of name: String, in template: String) -> (Int, Int) {
    guard let source = sources[template] else { return (0, 0) }
    var line = 1
    for text in source.split(separator: "\n", omittingEmptySubsequences: false) {
      var rest = Substring(text)
      while let open = rest.range(of: "{{") {
        var tag = rest[open.upperBound...]
        guard let close = tag.range(of: "}}") else { break }
        tag = tag[..<close.lowerBound]
        let written = tag.drop { "#^/&{ ".contains($0) }.prefix { !" }".contains($0) }
        if written == name {
          return (line, text.distance(from: text.startIndex, to: open.lowerBound) + 1)
        }
        rest = rest[close.upperBound...]
      }
      line += 1
    }
    return (0, 0)
  }

  func render(_ name: String, _ fields: Fields) -> [UInt8] { render(name, .object(fields)) }
}

/// Names looked up in vain, by template; filled from several threads.
final class MissingNames: @unchecked Sendable {
  // @unchecked: `names` is only touched under `lock`.
  private let lock = NSLock()
  private var names: [String: Set<String>] = [:]
  private var provided: [String: Set<String>] = [:]

  func add(_ found: Set<String>, template: String, given: [String]) {
    lock.withLock {
      names[template, default: []].formUnion(found)
      provided[template, default: []].formUnion(given)
    }
  }

  var all: [String: Set<String>] { lock.withLock { names } }
  /// The names the pages of each template did give, at the top of their views.
  var given: [String: [String]] { lock.withLock { provided.mapValues { Array($0) } } }
}
