import Foundation

/// The only way the pipeline touches the disk; tests use `InMemoryFileSystem`.
public protocol FileSystem: Sendable {
  /// The bytes of the file at `path`.
  func read(_ path: String) throws -> [UInt8]
  /// Files below `folder`, as paths relative to it, sorted; empty when the folder does not exist.
  func files(under folder: String) throws -> [String]
  func isDirectory(_ path: String) -> Bool
  func exists(_ path: String) -> Bool
  /// Writes `bytes` to `path`, creating folders as needed.
  func write(_ bytes: [UInt8], to path: String) throws
  func createDirectory(_ path: String) throws
  func remove(_ path: String) throws
  /// Renames `from` to `to`; `to` must not exist.
  func move(_ from: String, to: String) throws
}

/// The real disk.
public struct LocalFileSystem: FileSystem {
  public init() {}

  public func read(_ path: String) throws -> [UInt8] {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw BriefingFileError.unreadable(path)
    }
    defer { try? handle.close() }
    return Array(try handle.readToEnd() ?? Data())
  }

  public func files(under folder: String) throws -> [String] {
    guard isDirectory(folder) else { return [] }
    let base = URL(fileURLWithPath: folder).standardizedFileURL
    guard
      let enumerator = FileManager.default.enumerator(
        at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [])
    else { return [] }
    var result: [String] = []
    let prefix = base.path.hasSuffix("/") ? base.path : base.path + "/"
    for case let url as URL in enumerator {
      let values = try? url.resourceValues(forKeys: [.isRegularFileKey])
      guard values?.isRegularFile == true else { continue }
      let path = url.standardizedFileURL.path
      result.append(path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : url.lastPathComponent)
    }
    return result.sorted()
  }

  public func isDirectory(_ path: String) -> Bool {
    var isDir: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
  }

  public func exists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: path)
  }

  public func write(_ bytes: [UInt8], to path: String) throws {
    // One open(2) in the common case; folders are made only when it says they are missing.
    var fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if fd < 0 && errno == ENOENT {
      let folder = (path as NSString).deletingLastPathComponent
      if !folder.isEmpty { try createDirectory(folder) }
      fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    }
    guard fd >= 0 else { throw BriefingFileError.unwritable(path) }
    defer { close(fd) }
    var written = 0
    try bytes.withUnsafeBytes { buffer in
      while written < buffer.count {
        let n = Foundation.write(fd, buffer.baseAddress! + written, buffer.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          throw BriefingFileError.unwritable(path)
        }
        written += n
      }
    }
  }

  public func createDirectory(_ path: String) throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  public func remove(_ path: String) throws {
    try FileManager.default.removeItem(atPath: path)
  }

  public func move(_ from: String, to: String) throws {
    try FileManager.default.moveItem(atPath: from, toPath: to)
  }
}

/// A file system held in memory, for tests.
public final class InMemoryFileSystem: FileSystem, @unchecked Sendable {
  // @unchecked: every access goes through `lock`.
  private let lock = NSLock()
  private var contents: [String: [UInt8]] = [:]
  private var folders: Set<String> = []

  public init(files: [String: String] = [:]) {
    for (path, text) in files { try? write(Array(text.utf8), to: path) }
  }

  public func read(_ path: String) throws -> [UInt8] {
    try lock.withLock {
      guard let bytes = contents[normalize(path)] else { throw BriefingFileError.unreadable(path) }
      return bytes
    }
  }

  public func files(under folder: String) throws -> [String] {
    let prefix = normalize(folder) + "/"
    return lock.withLock {
      contents.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }
    .sorted()
  }

  public func isDirectory(_ path: String) -> Bool {
    let p = normalize(path)
    return lock.withLock { folders.contains(p) || contents.keys.contains { $0.hasPrefix(p + "/") } }
  }

  public func exists(_ path: String) -> Bool {
    let p = normalize(path)
    return lock.withLock { contents[p] != nil } || isDirectory(p)
  }

  public func write(_ bytes: [UInt8], to path: String) throws {
    lock.withLock { contents[normalize(path)] = bytes }
  }

  public func createDirectory(_ path: String) throws {
    _ = lock.withLock { folders.insert(normalize(path)) }
  }

  public func remove(_ path: String) throws {
    let p = normalize(path)
    lock.withLock {
      contents[p] = nil
      for key in contents.keys where key.hasPrefix(p + "/") { contents[key] = nil }
      folders = folders.filter { $0 != p && !$0.hasPrefix(p + "/") }
    }
  }

  public func move(_ from: String, to: String) throws {
    let f = normalize(from)
    let t = normalize(to)
    lock.withLock {
      if let bytes = contents.removeValue(forKey: f) { contents[t] = bytes }
      for key in contents.keys where key.hasPrefix(f + "/") {
        contents[t + key.dropFirst(f.count)] = contents.removeValue(forKey: key)
      }
      folders = Set(folders.map { $0 == f ? t : ($0.hasPrefix(f + "/") ? t + $0.dropFirst(f.count) : $0) })
    }
  }

  private func normalize(_ path: String) -> String {
    var p = path
    while p.hasSuffix("/") { p.removeLast() }
    if p.hasPrefix("./") { p.removeFirst(2) }
    return p
  }
}

/// A file that could not be read or written.
enum BriefingFileError: Error, CustomStringConvertible {
  case unreadable(String)
  case unwritable(String)

  var description: String {
    switch self {
    case .unreadable(let path): "cannot read \(path)"
    case .unwritable(let path): "cannot write \(path)"
    }
  }
}
