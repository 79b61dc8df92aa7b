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
  /// Adds `bytes` to the end of the file at `path`, which must exist.
  func append(_ bytes: [UInt8], to path: String) throws
  func createDirectory(_ path: String) throws
  func remove(_ path: String) throws
  /// Renames `from` to `to`; `to` must not exist.
  func move(_ from: String, to: String) throws
  /// The names in `folder` (not below it), unsorted; empty when it cannot be listed.
  func names(in folder: String) -> [String]
  /// Swaps two existing paths in one step; false when this file system cannot.
  func exchange(_ first: String, _ second: String) throws -> Bool
  /// Runs `body` holding an exclusive lock on the file `path` (created when missing); throws
  /// `BriefingFileError.locked` at once when another holder has it.
  func withExclusiveLock<T>(_ path: String, _ body: () throws -> T) throws -> T
  /// What `path` finally points at when it is a symbolic link; otherwise `path`.
  func resolvingSymbolicLinks(_ path: String) -> String
  /// Gives the regular file `existing` the second name `path` (creating folders as needed) when
  /// it holds exactly `bytes`, and says whether it did; false when it differs, is missing, or this
  /// file system cannot.
  func reuse(_ existing: String, holding bytes: [UInt8], as path: String) -> Bool
  /// Gives the regular file `existing` the second name `path`, as `reuse(_:holding:as:)` does, when
  /// it has `size` bytes and `matches` says yes to them.
  func reuse(_ existing: String, as path: String, size: Int, if matches: ([UInt8]) -> Bool) -> Bool
  /// As `reuse(_:as:size:if:)`, but when the file's inode and modification time are `stamp`, it is
  /// taken without being read. Says the file's stamp when it was reused, nil when not.
  func reuse(_ existing: String, as path: String, size: Int, stamp: FileStamp?, if matches: ([UInt8]) -> Bool)
    -> FileStamp?
  /// The inode and modification time of the file at `path` (not following a symbolic link).
  func stamp(_ path: String) -> FileStamp?
  /// Asks that the folders made in `folder` be placed apart from it on the disk, where there is
  /// room; says whether the file system took the request (a hint: nothing else changes).
  @discardableResult func spreadsSubfolders(_ folder: String) -> Bool
}

/// What says a file has not changed since it was last seen, without reading it: its inode and its
/// modification time in nanoseconds since 1970.
public struct FileStamp: Equatable, Sendable {
  public var inode: UInt64
  public var modified: Int

  public init(inode: UInt64, modified: Int) {
    self.inode = inode
    self.modified = modified
  }

  init(_ info: stat) {
    inode = UInt64(info.st_ino)
    modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
  }
}

extension FileSystem {
  public func names(in folder: String) -> [String] { [] }
  public func exchange(_ first: String, _ second: String) throws -> Bool { false }
  public func withExclusiveLock<T>(_ path: String, _ body: () throws -> T) throws -> T { try body() }
  public func resolvingSymbolicLinks(_ path: String) -> String { path }
  public func reuse(_ existing: String, holding bytes: [UInt8], as path: String) -> Bool {
    reuse(existing, as: path, size: bytes.count) { $0 == bytes }
  }
  public func reuse(_ existing: String, as path: String, size: Int, if matches: ([UInt8]) -> Bool) -> Bool {
    false
  }
  public func reuse(
    _ existing: String, as path: String, size: Int, stamp: FileStamp?, if matches: ([UInt8]) -> Bool
  ) -> FileStamp? {
    nil
  }
  public func stamp(_ path: String) -> FileStamp? { nil }
  public func spreadsSubfolders(_ folder: String) -> Bool { false }
}

/// The real disk.
public struct LocalFileSystem: FileSystem {
  public init() {}

  public func read(_ path: String) throws -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw BriefingFileError.unreadable(path) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, let bytes = LocalFileSystem.contents(of: fd, size: Int(info.st_size)) else {
      throw BriefingFileError.unreadable(path)
    }
    return bytes
  }

  /// All that can be read from `fd`, which has `size` bytes by fstat: one read call for that size,
  /// with a byte to spare to see that it ended; a file that grew meanwhile is read on to its end.
  /// Nil when reading fails.
  private static func contents(of fd: Int32, size: Int) -> [UInt8]? {
    var failed = false
    func readAll(into buffer: UnsafeMutableRawBufferPointer) -> Int {
      var count = 0
      while count < buffer.count {
        let n = Foundation.read(fd, buffer.baseAddress! + count, buffer.count - count)
        if n < 0 && errno == EINTR { continue }
        if n < 0 { failed = true }
        if n <= 0 { break }
        count += n
      }
      return count
    }
    let expected = max(size, 0) + 1
    var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
      count = readAll(into: UnsafeMutableRawBufferPointer(buffer))
    }
    var more = bytes.count == expected
    while more && !failed {
      let chunk = [UInt8](unsafeUninitializedCapacity: 65536) { buffer, count in
        count = readAll(into: UnsafeMutableRawBufferPointer(buffer))
      }
      bytes += chunk
      more = chunk.count == 65536
    }
    return failed ? nil : bytes
  }

  /// Follows symbolic links to files and folders; a link to a folder that holds it throws
  /// `.loop`, and a link to nothing is listed (reading it then fails, naming it).
  public func files(under folder: String) throws -> [String] {
    guard isDirectory(folder) else { return [] }
    var result: [String] = []
    try collect(folder, relative: "", ancestors: [], into: &result)
    return result.sorted()
  }

  /// The device and inode of `path`, following links; nil when it cannot be reached.
  private func identity(_ path: String) -> (dev: UInt64, ino: UInt64, isDirectory: Bool, isFile: Bool)? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    let type = info.st_mode & S_IFMT
    return (UInt64(info.st_dev), UInt64(info.st_ino), type == S_IFDIR, type == S_IFREG)
  }

  private func collect(
    _ folder: String, relative: String, ancestors: [(UInt64, UInt64)], into result: inout [String]
  ) throws {
    guard let me = identity(folder) else { return }
    if ancestors.contains(where: { $0 == (me.dev, me.ino) }) { throw BriefingFileError.loop(folder) }
    let ancestors = ancestors + [(me.dev, me.ino)]
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
    for name in names {
      let path = folder + "/" + name
      let shown = relative.isEmpty ? name : relative + "/" + name
      if let target = identity(path) {
        if target.isDirectory {
          try collect(path, relative: shown, ancestors: ancestors, into: &result)
        } else if target.isFile {
          result.append(shown)
        }
      } else {
        // A link to nothing: listed, so that reading it reports it.
        result.append(shown)
      }
    }
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
    try write(bytes, to: fd, path: path)
  }

  public func append(_ bytes: [UInt8], to path: String) throws {
    let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
    guard fd >= 0 else { throw BriefingFileError.unwritable(path) }
    defer { close(fd) }
    try write(bytes, to: fd, path: path)
  }

  private func write(_ bytes: [UInt8], to fd: Int32, path: String) throws {
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

  /// ext4's "top of directory hierarchies" flag (`chattr +T`): its block allocator then places
  /// each folder made inside on its own, in a part of the disk with room, instead of beside the
  /// parent. A site replaced by a build was freed beside the folder the next one is built in, and
  /// on ext4 without a journal every file created there first steps past each inode freed in the
  /// last minute or more: a cost that grows with the square of the site. Other file systems refuse
  /// the request, which changes nothing.
  public func spreadsSubfolders(_ folder: String) -> Bool {
    #if os(Linux)
      let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      guard fd >= 0 else { return false }
      defer { close(fd) }
      guard var flags = LocalFileSystem.flags(of: fd) else { return false }
      if flags & LocalFileSystem.topOfHierarchy != 0 { return true }
      flags |= LocalFileSystem.topOfHierarchy
      return ioctl(fd, LocalFileSystem.setFlags, &flags) == 0
    #else
      return false
    #endif
  }

  #if os(Linux)
    /// FS_IOC_GETFLAGS, FS_IOC_SETFLAGS and FS_TOPDIR_FL from <linux/fs.h>.
    static let getFlags: UInt = 0x8008_6601
    static let setFlags: UInt = 0x4008_6602
    static let topOfHierarchy: Int32 = 0x0002_0000

    /// The inode flags of `path`; nil where the file system has none.
    static func flags(of path: String) -> Int32? {
      let fd = open(path, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { return nil }
      defer { close(fd) }
      return flags(of: fd)
    }

    /// The inode flags of the open file `fd`; nil where the file system has none.
    private static func flags(of fd: Int32) -> Int32? {
      var flags: Int32 = 0
      return ioctl(fd, getFlags, &flags) == 0 ? flags : nil
    }
  #endif

  public func move(_ from: String, to: String) throws {
    try FileManager.default.moveItem(atPath: from, toPath: to)
  }

  public func names(in folder: String) -> [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
  }

  public func exchange(_ first: String, _ second: String) throws -> Bool {
    #if os(Linux)
      guard let exchange = LocalFileSystem.renameat2 else { return false }
      if exchange(AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */) == 0 { return true }
      // Kernels and file systems without RENAME_EXCHANGE say so; the caller renames twice instead.
      if errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP { return false }
      throw BriefingFileError.unwritable(second)
    #else
      return false
    #endif
  }

  #if os(Linux)
    // Glibc declares renameat2 only under _GNU_SOURCE, which Swift's Glibc module leaves out.
    private typealias RenameAt2 =
      @convention(c) (
        Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
      ) -> Int32
    private static let renameat2: RenameAt2? = {
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
      return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
  #endif

  public func withExclusiveLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw BriefingFileError.unwritable(path) }
    // Closing the descriptor releases the lock, and so does the end of the process, however it ends.
    defer { close(fd) }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      if errno == EWOULDBLOCK { throw BriefingFileError.locked(path) }
      throw BriefingFileError.unwritable(path)
    }
    return try body()
  }

  public func resolvingSymbolicLinks(_ path: String) -> String {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return path }
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// A hard link: the file is neither copied nor created, which on a large site saves most of the
  /// cost of writing it (allocating the file, not copying its bytes, is what is slow).
  public func reuse(_ existing: String, as path: String, size: Int, if matches: ([UInt8]) -> Bool) -> Bool {
    reuse(existing, as: path, size: size, stamp: nil, if: matches) != nil
  }

  public func reuse(
    _ existing: String, as path: String, size: Int, stamp: FileStamp?, if matches: ([UInt8]) -> Bool
  ) -> FileStamp? {
    func linked(_ current: FileStamp) -> FileStamp? {
      if link(existing, path) == 0 { return current }
      guard errno == ENOENT else { return nil }
      let folder = (path as NSString).deletingLastPathComponent
      guard !folder.isEmpty, (try? createDirectory(folder)) != nil else { return nil }
      return link(existing, path) == 0 ? current : nil
    }
    // A symbolic link is never followed: what is reused is a file the last build wrote.
    var info = stat()
    if let stamp, lstat(existing, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == size,
      FileStamp(info) == stamp
    {
      return linked(stamp)
    }
    let fd = open(existing, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == size,
      let bytes = LocalFileSystem.contents(of: fd, size: size), bytes.count == size, matches(bytes)
    else { return nil }
    return linked(FileStamp(info))
  }

  public func stamp(_ path: String) -> FileStamp? {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    return FileStamp(info)
  }

  /// The bytes of the file at `path` and its stamp, read through one descriptor.
  func stampedContents(_ path: String) -> (bytes: [UInt8], stamp: FileStamp)? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, let bytes = LocalFileSystem.contents(of: fd, size: Int(info.st_size)) else {
      return nil
    }
    return (bytes, FileStamp(info))
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

  public func append(_ bytes: [UInt8], to path: String) throws {
    try lock.withLock {
      guard contents[normalize(path)] != nil else { throw BriefingFileError.unwritable(path) }
      contents[normalize(path)]! += bytes
    }
  }

  public func createDirectory(_ path: String) throws {
    _ = lock.withLock { folders.insert(normalize(path)) }
  }

  /// Memory has no hard links: the bytes are shared instead.
  public func reuse(_ existing: String, as path: String, size: Int, if matches: ([UInt8]) -> Bool) -> Bool {
    lock.withLock {
      guard let bytes = contents[normalize(existing)], bytes.count == size, matches(bytes) else {
        return false
      }
      contents[normalize(path)] = bytes
      return true
    }
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

  public func names(in folder: String) -> [String] {
    let prefix = normalize(folder) + "/"
    let paths: [String] = lock.withLock { Array(contents.keys) + Array(folders) }
    var names: Set<String> = []
    for path in paths where path.hasPrefix(prefix) {
      names.insert(String(path.dropFirst(prefix.count).prefix { $0 != "/" }))
    }
    return names.sorted()
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
  /// A symbolic link to a folder that holds it.
  case loop(String)
  /// A lock another process (or build) holds.
  case locked(String)

  var description: String {
    switch self {
    case .loop(let path): "\(path): a symbolic link to a folder that holds it (a loop)"
    case .locked(let path): "\(path) is locked by another build"
    case .unreadable(let path): "cannot read \(path)"
    case .unwritable(let path): "cannot write \(path)"
    }
  }
}
