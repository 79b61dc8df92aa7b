import BriefingCore
import Foundation
import Testing

@testable import BriefingSite

/// Symbolic links in the content are followed; a loop is an error, never a silent skip.
@Suite struct LocalFileSystemTests {
  enum Link: String, CaseIterable {
    /// `--content` itself is a link to the real folder.
    case contentFolder
    /// `content/people` links to a folder elsewhere.
    case subfolder
    /// `content/articles/call.md` links to a file elsewhere.
    case file
  }

  @Test(arguments: Link.allCases)
  func symbolicLinksInTheContentAreFollowed(_ link: Link) throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    let manager = FileManager.default
    let elsewhere = fixture.folder + "/elsewhere"
    try manager.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
    switch link {
    case .contentFolder:
      try manager.moveItem(atPath: fixture.content, toPath: elsewhere + "/content")
      try manager.createSymbolicLink(atPath: fixture.content, withDestinationPath: elsewhere + "/content")
    case .subfolder:
      try manager.moveItem(atPath: fixture.content + "/people", toPath: elsewhere + "/people")
      try manager.createSymbolicLink(
        atPath: fixture.content + "/people", withDestinationPath: "../elsewhere/people")
    case .file:
      try manager.moveItem(atPath: fixture.content + "/articles/call.md", toPath: elsewhere + "/call.md")
      try manager.createSymbolicLink(
        atPath: fixture.content + "/articles/call.md", withDestinationPath: elsewhere + "/call.md")
    }
    try fixture.build()
    let site = try fixture.site()
    for page in [
      "articles/call.html", "articles/plain.html", "people/gen-nakatani.html", "people/pete-hegseth.html",
    ] {
      #expect(site[page] != nil, "\(page)")
    }
  }

  @Test func aLinkToAFolderThatHoldsItIsAnError() throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    try FileManager.default.createSymbolicLink(
      atPath: fixture.content + "/people/loop", withDestinationPath: "..")
    let error = try #require(throws: BriefingError.self) { try fixture.build() }
    #expect(error.file == fixture.content + "/people/loop")
    #expect(error.message == "a symbolic link to a folder that holds it (a loop); remove the link")
    #expect(!FileManager.default.fileExists(atPath: fixture.output))
  }

  @Test func aDanglingLinkIsReported() throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    try FileManager.default.createSymbolicLink(
      atPath: fixture.content + "/people/gone.md", withDestinationPath: "nowhere.md")
    #expect(
      fixture.check().map(\.description).contains(
        "\(fixture.content)/people/gone.md: error: cannot read the file [unreadable-file]"))
  }

  /// A file reads as exactly its bytes at any size, an empty one as nothing; a folder or a
  /// missing path is an error.
  @Test func readsEveryByteOfAFileAndNothingElse() throws {
    let folder = NSTemporaryDirectory() + "briefing-read-\(UUID().uuidString)"
    let fileSystem = LocalFileSystem()
    try fileSystem.createDirectory(folder)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for size in [0, 1, 4095, 65536, 65537, 300_001] {
      let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
      try fileSystem.write(bytes, to: folder + "/f\(size)")
      #expect(try fileSystem.read(folder + "/f\(size)") == bytes)
    }
    #expect(throws: (any Error).self) { try fileSystem.read(folder + "/missing") }
    #expect(throws: (any Error).self) { try fileSystem.read(folder) }
  }
}
