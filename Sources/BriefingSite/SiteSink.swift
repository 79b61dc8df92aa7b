import BriefingCore
import Foundation

/// Where a build puts each file as soon as it is rendered, by site-relative path: a staging folder
/// for `build`, memory for a server. Called from several threads at once.
protocol SiteSink: Sendable {
  func write(_ path: String, _ bytes: [UInt8]) throws
  /// Writes a file made in pieces: `produce` hands each piece, in order, to its argument.
  func write(_ path: String, pieces produce: (_ piece: ([UInt8]) throws -> Void) throws -> Void) throws
}

extension SiteSink {
  func write(_ path: String, pieces produce: (_ piece: ([UInt8]) throws -> Void) throws -> Void) throws {
    var whole: [UInt8] = []
    try produce { whole += $0 }
    try write(path, whole)
  }
}

/// Writes files under a folder (the staging folder of `SiteWriter`), creating folders as needed.
struct FolderSink: SiteSink {
  let fileSystem: FileSystem
  let folder: String

  func write(_ path: String, _ bytes: [UInt8]) throws {
    guard SitePath.safe(path) != nil else {
      throw BriefingError(stage: .write, file: path, "refusing to write outside the output folder")
    }
    do {
      try fileSystem.write(bytes, to: folder + "/" + path)
    } catch {
      throw BriefingError(stage: .write, file: folder + "/" + path, "could not write the file")
    }
  }

  func write(_ path: String, pieces produce: (_ piece: ([UInt8]) throws -> Void) throws -> Void) throws {
    try write(path, [])
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
