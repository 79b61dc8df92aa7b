import BriefingCore
import Foundation

/// Where a build puts each file as soon as it is rendered, by site-relative path: a staging folder
/// for `build`, memory for a server. Called from several threads at once.
protocol SiteSink: Sendable {
  func write(_ path: String, _ bytes: [UInt8]) throws
  /// Writes a file made in pieces: `produce` hands each piece, in order, to its argument.
  func write(_ path: String, pieces produce: (_ piece: ([UInt8]) throws -> Void) throws -> Void) throws
  /// Puts the last site's `files` in this one unchanged, when each still has the size and digest
  /// recorded when it was written (or, with a stamp, the same inode and modification time); all
  /// of them, saying their stamps now, or, saying nil, none.
  func keep(_ files: [PageReuse.File]) -> [PageReuse.File]?
  /// The stamp of a file this sink has written.
  func stamp(_ path: String) -> FileStamp?
}

extension SiteSink {
  func keep(_ files: [PageReuse.File]) -> [PageReuse.File]? { nil }
  func stamp(_ path: String) -> FileStamp? { nil }

  func write(_ path: String, pieces produce: (_ piece: ([UInt8]) throws -> Void) throws -> Void) throws {
    var whole: [UInt8] = []
    try produce { whole += $0 }
    try write(path, whole)
  }
}

/// Writes files under a folder (the staging folder of `SiteWriter`), creating folders as needed.
///
/// With `previous` (the site being replaced), a file whose bytes are the same as the previous
/// site's file at that path is that file again, under a second name, rather than a new file: an
/// unchanged page keeps its modification time, and a rebuild after a small change allocates few
/// files. Only whole files written in one piece are compared.
struct FolderSink: SiteSink {
  let fileSystem: FileSystem
  let folder: String
  var previous: String? = nil
  /// How many files were reused from `previous`.
  let reused = Counter()

  final class Counter: @unchecked Sendable {
    // @unchecked: `count` is only touched under `lock`.
    private let lock = NSLock()
    private var value = 0
    func add() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
  }

  func write(_ path: String, _ bytes: [UInt8]) throws {
    guard SitePath.safe(path) != nil else {
      throw BriefingError(stage: .write, file: path, "refusing to write outside the output folder")
    }
    if let previous, fileSystem.reuse(previous + "/" + path, holding: bytes, as: folder + "/" + path) {
      reused.add()
      return
    }
    do {
      try fileSystem.write(bytes, to: folder + "/" + path)
    } catch {
      throw BriefingError(stage: .write, file: folder + "/" + path, "could not write the file")
    }
  }

  func keep(_ files: [PageReuse.File]) -> [PageReuse.File]? {
    guard let previous, files.allSatisfy({ SitePath.safe($0.path) != nil }) else { return nil }
    var linked: [PageReuse.File] = []
    for file in files {
      let stamp = fileSystem.reuse(
        previous + "/" + file.path, as: folder + "/" + file.path, size: file.size, stamp: file.stamp
      ) { Digest(of: $0) == file.digest }
      guard let stamp else {
        // None, then: the page is rendered and written whole.
        for file in linked { try? fileSystem.remove(folder + "/" + file.path) }
        return nil
      }
      var kept = file
      kept.stamp = stamp
      linked.append(kept)
      reused.add()
    }
    return linked
  }

  func stamp(_ path: String) -> FileStamp? {
    fileSystem.stamp(folder + "/" + path)
  }

  func write(_ path: String, pieces produce: (_ piece: ([UInt8]) throws -> Void) throws -> Void) throws {
    // A new file, never a reused one: it is appended to.
    try FolderSink(fileSystem: fileSystem, folder: folder).write(path, [])
    try produce { piece in
      do {
        try fileSystem.append(piece, to: folder + "/" + path)
      } catch {
        throw BriefingError(stage: .write, file: folder + "/" + path, "could not write the file")
      }
    }
  }
}

/// Keeps every file in memory.
final class MemorySink: SiteSink, @unchecked Sendable {
  // @unchecked: `files` is only touched under `lock`.
  private let lock = NSLock()
  private var stored: [String: [UInt8]] = [:]

  func write(_ path: String, _ bytes: [UInt8]) throws {
    guard SitePath.safe(path) != nil else {
      throw BriefingError(stage: .write, file: path, "refusing to write outside the output folder")
    }
    lock.withLock { stored[path] = bytes }
  }

  var files: [String: [UInt8]] { lock.withLock { stored } }
}
