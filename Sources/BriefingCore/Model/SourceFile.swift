/// Where a content file is: the path the user names it by, and its path in the content folder.
public struct SourceFile: Sendable, Hashable {
  /// Path as shown in diagnostics, e.g. `content/articles/x.txt`.
  public var path: String
  /// Path relative to the content folder, e.g. `articles/x.txt`.
  public var relativePath: String

  public init(path: String, relativePath: String) {
    self.path = path
    self.relativePath = relativePath
  }

  /// The file name without its folder and extension.
  public var baseName: String {
    let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
    guard let dot = name.lastIndex(of: ".") else { return name }
    return String(name[..<dot])
  }

  /// The extension, lower-cased, without the dot.
  public var fileExtension: String {
    let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
    guard let dot = name.lastIndex(of: ".") else { return "" }
    return name[name.index(after: dot)...].lowercased()
  }

  /// The first folder of the relative path (`people` for `people/x.md`).
  public var folder: String {
    let parts = relativePath.split(separator: "/")
    return parts.count > 1 ? String(parts[0]) : ""
  }
}
