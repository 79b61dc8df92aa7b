import BriefingCore
import Foundation
import Testing

@testable import BriefingSite

/// A rebuild keeps the files of the site it replaces that come out the same (as hard links), and
/// writes only the others; what it builds is exactly what a build into an empty folder builds.
@Suite struct PageReuseTests {
  func inode(_ path: String) -> UInt64? {
    var info = stat()
    return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
  }

  func build(_ fixture: Fixture, into output: String) throws -> Int {
    let lines = LinkCacheTests.Lines()
    try Pipeline(fileSystem: fixture.fileSystem, log: { lines.add($0) }).build(
      content: fixture.content, templates: nil, output: output)
    let line = lines.all.first { $0.hasPrefix("unchanged files kept from the previous site: ") } ?? ""
    return Int(line.split(separator: " ").last ?? "") ?? -1
  }

  func files(_ fixture: Fixture, _ folder: String) throws -> [String: [UInt8]] {
    var site: [String: [UInt8]] = [:]
    for path in try fixture.fileSystem.files(under: folder) {
      site[path] = try fixture.fileSystem.read(folder + "/" + path)
    }
    return site
  }

  @Test func aRebuildKeepsUnchangedFilesAndWritesTheChangedOnes() throws {
    let fixture = try Fixture(PagingTests.manyArticles(40))
    defer { fixture.remove() }
    let output = fixture.output
    #expect(try build(fixture, into: output) == 0)
    let total = try fixture.fileSystem.files(under: output).count
    let unchanged = inode(output + "/articles/a7.html")
    let changed = inode(output + "/articles/a3.html")

    // Nothing changed: every file is the old one again, but for the marker (written first) and
    // data/briefing.json (written in pieces as it is made).
    #expect(try build(fixture, into: output) == total - 2)
    #expect(inode(output + "/articles/a7.html") == unchanged)

    try fixture.write(
      "---\ntitle: Article 3, revised\ndate: 2024-04-28\n---\nAda Lovelace closed bridge 3 on April 9, 2024.\n",
      to: "content/articles/a3.md")
    let kept = try build(fixture, into: output)
    #expect(kept > 0 && kept < total - 2)
    #expect(inode(output + "/articles/a7.html") == unchanged)
    #expect(inode(output + "/articles/a3.html") != changed)
    #expect(try build(fixture, into: fixture.folder + "/fresh") == 0)
    #expect(try files(fixture, output) == files(fixture, fixture.folder + "/fresh"))
  }

  @Test func aFileChangedInTheOldSiteIsWrittenAgainNotKept() throws {
    let fixture = try Fixture(PagingTests.manyArticles(3))
    defer { fixture.remove() }
    let output = fixture.output
    _ = try build(fixture, into: output)
    let page = output + "/articles/a1.html"
    let built = try fixture.fileSystem.read(page)
    // The same length, one byte different: only a comparison of the bytes can tell.
    var edited = built
    edited[edited.count / 2] ^= 0x01
    try fixture.fileSystem.write(edited, to: page)
    // A symbolic link where a page was is not followed, and the page is written again.
    let other = output + "/articles/a2.html"
    let elsewhere = fixture.folder + "/elsewhere.html"
    try FileManager.default.moveItem(atPath: other, toPath: elsewhere)
    try FileManager.default.createSymbolicLink(atPath: other, withDestinationPath: elsewhere)

    _ = try build(fixture, into: output)
    #expect(try fixture.fileSystem.read(page) == built)
    var info = stat()
    #expect(lstat(other, &info) == 0 && info.st_mode & S_IFMT == S_IFREG)
    _ = try build(fixture, into: fixture.folder + "/fresh")
    #expect(try files(fixture, output) == files(fixture, fixture.folder + "/fresh"))
  }
}
