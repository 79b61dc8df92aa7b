/// A content file as read from disk: its path (as the user names it) and its bytes.
public struct SourceFile: Sendable, Hashable {
  /// Path as shown in diagnostics, e.g. `content/articles/x.txt`.
  public var path: String
  /// Path relative to the content folder, e.g. `articles/x.txt`.
  public var relativePath: String
  public var bytes: [UInt8]

  public init(path: String, relativePath: String, bytes: [UInt8]) {
    self.path = path
    self.relativePath = relativePath
    self.bytes = bytes
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
