import Foundation

/// The few git commands `build --since` needs, run as a child process.
enum Git {
  /// The command's standard output, trimmed, or nil when git is missing or the command fails.
  static func run(_ arguments: [String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Writes `path` as it was at `revision` under `folder` (`git archive | tar -x`).
  static func unpack(top: String, revision: String, path: String, into folder: String) -> Bool {
    let archive = Process()
    archive.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    archive.arguments = ["git", "-C", top, "archive", "--format=tar", revision, "--", path]
    let extract = Process()
    extract.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    extract.arguments = ["tar", "-x", "-C", folder]
    let pipe = Pipe()
    archive.standardOutput = pipe
    archive.standardError = FileHandle.nullDevice
    extract.standardInput = pipe
    do {
      try archive.run()
      try extract.run()
    } catch { return false }
    archive.waitUntilExit()
    extract.waitUntilExit()
    return archive.terminationStatus == 0 && extract.terminationStatus == 0
  }
}
