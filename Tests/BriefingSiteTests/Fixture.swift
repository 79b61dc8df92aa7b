import BriefingCore
import Foundation
import Testing

@testable import BriefingSite

/// The repository root, found from this file's path.
let repositoryRoot: String = {
  var url = URL(fileURLWithPath: #filePath)
  for _ in 0..<3 { url.deleteLastPathComponent() }
  return url.path
}()

/// A temporary folder holding a content fixture, the repository's templates, and an output place.
struct Fixture {
  let folder: String
  var content: String { folder + "/content" }
  var output: String { folder + "/site" }
  var templates: String { repositoryRoot + "/templates" }
  let fileSystem = LocalFileSystem()

  init(_ files: [String: String]) throws {
    folder = NSTemporaryDirectory() + "briefing-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder + "/content", withIntermediateDirectories: true)
    for (path, text) in files { try write(text, to: "content/" + path) }
  }

  func write(_ text: String, to path: String) throws {
    try fileSystem.write(Array(text.utf8), to: folder + "/" + path)
  }

  func writeBytes(_ bytes: [UInt8], to path: String) throws {
    try fileSystem.write(bytes, to: folder + "/" + path)
  }

  @discardableResult
  func build(strict: Bool = false) throws -> BuildReport {
    try Pipeline(fileSystem: fileSystem).build(
      content: content, templates: templates, output: output, strict: strict)
  }

  func check() -> [Diagnostic] {
    Pipeline(fileSystem: fileSystem).check(content: content).diagnostics
  }

  /// Every file of the built site, by path relative to it.
  func site() throws -> [String: String] {
    var files: [String: String] = [:]
    for path in try fileSystem.files(under: output) {
      files[path] = String(decoding: try fileSystem.read(output + "/" + path), as: UTF8.self)
    }
    return files
  }

  func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

/// A small briefing: two people, an event, an issue, an organization and two articles.
let smallBriefing: [String: String] = [
  "briefing.yml": "title: Test briefing\nlanguage: en\n",
  "index.md": "An introduction about [[Gen Nakatani]].\n",
  "people/gen-nakatani.md":
    "---\nname: Gen Nakatani\naliases: [Nakatani]\n---\nMet [[Pete Hegseth|Hegseth]].\n",
  "people/pete-hegseth.md": "---\nname: Pete Hegseth\n---\n",
  "events/call.md":
    "---\ntitle: Nakatani–Hegseth call\ndate: 2025-01-31\npeople: [Gen Nakatani, Pete Hegseth]\nissues: [Defense spending]\n---\n",
  "issues/defense-spending.md":
    "---\ntitle: Defense spending\nsummary: What Japan spends.\nstatus: Rising\n---\n",
  "organizations/nhk.md": "---\nname: NHK\n---\n",
  "articles/call.md":
    "---\ntitle: The call\ndate: 2025-02-01\nsource: Test Wire\n---\n[[Gen Nakatani]] spoke with [[Pete Hegseth]] on the [[Nakatani–Hegseth call|call]].\n",
  "articles/plain.txt":
    "Plain Title\n\nA plain article with <script>alert(1)</script> in it. It mentions nobody.\n",
]

/// Internal links (href/src) of every HTML page that point at no file of the site.
func brokenLinks(in site: [String: String]) -> [String] {
  var broken: [String] = []
  for (path, html) in site where path.hasSuffix(".html") {
    let folder = path.split(separator: "/").dropLast().joined(separator: "/")
    for attribute in ["href=\"", "src=\""] {
      var rest = Substring(html)
      while let start = rest.range(of: attribute) {
        rest = rest[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { break }
        let target = String(rest[..<end])
        rest = rest[end...]
        if target.hasPrefix("http:") || target.hasPrefix("https:") || target.hasPrefix("mailto:")
          || target.hasPrefix("#") || target.isEmpty
        {
          continue
        }
        let file = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        for part in file.split(separator: "/") {
          if part == ".." {
            if parts.popLast() == nil { parts.append("<outside>") }
          } else if part != "." {
            parts.append(String(part))
          }
        }
        if site[parts.joined(separator: "/")] == nil { broken.append("\(path) → \(target)") }
      }
    }
  }
  return broken.sorted()
}

/// The bundled briefing (content/ and templates/ of the repository) built once for all tests that
/// read it: every file of the site, and the parsed `data/briefing.json`.
struct BundledSite: Sendable {
  let files: [String: String]
  let diagnostics: [Diagnostic]

  var json: [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(files["data/briefing.json"]!.utf8))) as? [String: Any]
      ?? [:]
  }

  static func build() throws -> BundledSite {
    try cached.get()
  }

  private static let cached: Result<BundledSite, Error> = Result {
    let fileSystem = LocalFileSystem()
    let output = NSTemporaryDirectory() + "briefing-bundled-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: output) }
    let report = try Pipeline(fileSystem: fileSystem).build(
      content: repositoryRoot + "/content", templates: repositoryRoot + "/templates", output: output)
    var files: [String: String] = [:]
    for path in try fileSystem.files(under: output) {
      files[path] = String(decoding: try fileSystem.read(output + "/" + path), as: UTF8.self)
    }
    return BundledSite(files: files, diagnostics: report.diagnostics)
  }
}
