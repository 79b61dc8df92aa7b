import BriefingCore
import Foundation

/// Full-text search with Pagefind: run over the finished site (in its staging folder, so a failed
/// index leaves the previous site untouched), writing `pagefind/` beside the pages.
///
/// Pagefind is found as `pagefind` on the PATH, or as the `pagefind_bin` Python package
/// (`pip install pagefind-bin`); `BRIEFING_PAGEFIND` names another command, or `off`.
public struct SearchIndexer: Sendable {
  let command: [String]

  /// The Pagefind command available here, or nil when there is none.
  public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> SearchIndexer?
  {
    if let configured = environment["BRIEFING_PAGEFIND"] {
      if configured == "off" || configured.isEmpty { return nil }
      return SearchIndexer(command: configured.split(separator: " ").map(String.init))
    }
    for folder in (environment["PATH"] ?? "").split(separator: ":") {
      let candidate = "\(folder)/pagefind"
      if FileManager.default.isExecutableFile(atPath: candidate) {
        return SearchIndexer(command: [candidate])
      }
    }
    let python = ["/usr/bin/env", "python3", "-m", "pagefind_bin"]
    if (try? run(python + ["--version"])) == 0 { return SearchIndexer(command: python) }
    return nil
  }

  /// Indexes the site in `folder`.
  func index(_ folder: String) throws {
    let status = try Self.run(
      command + ["--site", folder, "--output-subdir", "pagefind", "--keep-index-url", "--silent"])
    guard status == 0 else {
      throw BriefingError(
        stage: .write, file: folder, "pagefind failed with status \(status); the site was not changed")
    }
  }

  /// Indexes a site held in memory: writes it into a temporary folder, runs Pagefind there, and
  /// returns the files Pagefind wrote, by site-relative path (`pagefind/…`). The folder is removed.
  public func index(files: [String: [UInt8]], fileSystem: FileSystem = LocalFileSystem()) throws -> [String:
    [UInt8]]
  {
    let folder = NSTemporaryDirectory() + "briefing-search-" + UUID().uuidString
    defer { try? fileSystem.remove(folder) }
    try fileSystem.createDirectory(folder)
    let sink = FolderSink(fileSystem: fileSystem, folder: folder)
    for (path, bytes) in files { try sink.write(path, bytes) }
    try index(folder)
    var index: [String: [UInt8]] = [:]
    for path in try fileSystem.files(under: folder + "/pagefind") {
      index["pagefind/" + path] = try fileSystem.read(folder + "/pagefind/" + path)
    }
    return index
  }

  @discardableResult
  private static func run(_ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: arguments[0].hasPrefix("/") ? arguments[0] : "/usr/bin/env")
    process.arguments = arguments[0].hasPrefix("/") ? Array(arguments.dropFirst()) : arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.standardError
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }
}
