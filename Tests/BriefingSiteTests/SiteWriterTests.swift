import BriefingCore
import Foundation
import Testing

@testable import BriefingSite

/// The output folder is written by one build at a time, and what an interrupted build leaves
/// behind never blocks the next.
@Suite struct SiteWriterTests {
  @Test func aSecondBuildIntoTheSameFolderFailsClearly() throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    try fixture.build()
    let before = try fixture.site()
    let writer = try SiteWriter(fileSystem: fixture.fileSystem, output: fixture.output)
    try fixture.fileSystem.withExclusiveLock(writer.lockFile) {
      let error = try #require(throws: BriefingError.self) { try fixture.build() }
      #expect(error.file == fixture.output)
      #expect(
        error.message
          == "another build is writing this folder (it holds \(writer.lockFile)); try again when it has finished"
      )
    }
    #expect(try fixture.site() == before)
    try fixture.build()
  }

  @Test func concurrentBuildsNeverLeaveAPartialSite() async throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    try fixture.build()
    let expected = try fixture.site()
    let outcomes = await withTaskGroup(of: Bool.self) { group in
      for _ in 0..<6 { group.addTask { (try? fixture.build()) != nil } }
      return await group.reduce(into: [Bool]()) { $0.append($1) }
    }
    #expect(outcomes.contains(true))
    #expect(try fixture.site() == expected)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.folder).filter {
      $0.hasPrefix("site.")
    }
    #expect(leftovers.isEmpty)
  }

  /// The new site is written one folder down in the staging folder, the folder the disk is asked
  /// to place apart; the staging folder is gone once the site is swapped in.
  @Test func theNewSiteIsWrittenInsideAFolderThatSpreadsItsFolders() throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    try fixture.build()
    let writer = try SiteWriter(fileSystem: fixture.fileSystem, output: fixture.output)
    try writer.claim {
      try writer.write { sink in
        #expect((writer.stagedSite as NSString).deletingLastPathComponent == writer.staging)
        #expect(fixture.fileSystem.isDirectory(writer.stagedSite))
        #if os(Linux)
          if fixture.fileSystem.spreadsSubfolders(fixture.folder) {
            let flags = try #require(LocalFileSystem.flags(of: writer.staging))
            #expect(flags & LocalFileSystem.topOfHierarchy != 0)
          }
        #endif
        try sink.write("index.html", Array("new".utf8))
      }
    }
    #expect(try fixture.site()["index.html"] == "new")
    #expect(!fixture.fileSystem.exists(writer.staging))
    #expect(!fixture.fileSystem.exists(writer.stagedSite))
  }

  #if os(Linux)
    /// On ext4 the request is its "top of directory hierarchies" flag, and nothing else changes;
    /// where the file system refuses it, nothing changes at all.
    @Test func spreadingFoldersSetsOnlyTheTopOfHierarchyFlag() throws {
      let folder = NSTemporaryDirectory() + "briefing-spread-" + UUID().uuidString
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(atPath: folder) }
      let before = LocalFileSystem.flags(of: folder)
      let took = LocalFileSystem().spreadsSubfolders(folder)
      let after = LocalFileSystem.flags(of: folder)
      if took {
        #expect(after == (before ?? 0) | LocalFileSystem.topOfHierarchy)
      } else {
        #expect(after == before)
      }
      // ext4, where it matters, takes it: the file system of the longest mount point above the folder.
      let mounts = (try? String(contentsOfFile: "/proc/mounts", encoding: .utf8)) ?? ""
      let resolved = (folder as NSString).resolvingSymlinksInPath
      var type = ""
      var longest = -1
      for line in mounts.split(separator: "\n") {
        let fields = line.split(separator: " ").map(String.init)
        guard fields.count > 2 else { continue }
        let point = fields[1] == "/" ? "/" : fields[1] + "/"
        if (resolved + "/").hasPrefix(point) && point.count > longest {
          longest = point.count
          type = fields[2]
        }
      }
      if type == "ext4" { #expect(took) }
      // Asked again, it says the same and changes nothing.
      #expect(LocalFileSystem().spreadsSubfolders(folder) == took)
      #expect(LocalFileSystem.flags(of: folder) == after)
    }
  #endif

  /// What a build killed at each moment leaves beside the output.
  enum Interruption: String, CaseIterable {
    /// Killed while writing: a staging folder with part of the site inside it, or, from older
    /// builds, the part of the site in the staging folder itself (with no marker from the oldest).
    case whileWriting, whileWritingIntoTheStagingFolder, whileWritingWithoutMarker
    /// Killed between moving the old site aside and moving the new one in.
    case betweenTheRenames
    /// Killed after the swap, before the old site was removed.
    case beforeRemovingTheOldSite
  }

  @Test(arguments: Interruption.allCases)
  func theNextBuildRecoversFromAnInterruptedOne(_ interruption: Interruption) throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    try fixture.build()
    let expected = try fixture.site()
    let manager = FileManager.default
    switch interruption {
    case .whileWriting:
      try fixture.write(SiteWriter.markerText, to: "site.briefing-new-4242/site-4242/" + SiteWriter.marker)
      try fixture.write("<p>half", to: "site.briefing-new-4242/site-4242/people/x.html")
    case .whileWritingIntoTheStagingFolder:
      try fixture.write(SiteWriter.markerText, to: "site.briefing-new-4242/" + SiteWriter.marker)
      try fixture.write("<p>half", to: "site.briefing-new-4242/people/x.html")
    case .whileWritingWithoutMarker:
      try fixture.write("<p>half", to: "site.briefing-new/people/x.html")
    case .betweenTheRenames:
      try manager.moveItem(atPath: fixture.output, toPath: fixture.output + ".briefing-old")
    case .beforeRemovingTheOldSite:
      try manager.copyItem(atPath: fixture.output, toPath: fixture.output + ".briefing-old")
    }
    // A build that fails on its content still finds the old site where it was.
    try fixture.write("---\nname: [unclosed\n---\n", to: "content/people/broken.md")
    #expect(throws: BriefingError.self) { try fixture.build() }
    #expect(try fixture.site() == expected)
    try manager.removeItem(atPath: fixture.content + "/people/broken.md")
    try fixture.build()
    #expect(try fixture.site() == expected)
    // Only the lock file (hidden) stays beside the site.
    #expect(
      try manager.contentsOfDirectory(atPath: fixture.folder).filter { !$0.hasPrefix(".") }.sorted() == [
        "content", "site",
      ])
  }

  @Test func anOutputThatIsALinkStaysALink() throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    let manager = FileManager.default
    try manager.createDirectory(atPath: fixture.folder + "/real", withIntermediateDirectories: true)
    try manager.createSymbolicLink(atPath: fixture.output, withDestinationPath: "real")
    try fixture.build()
    try fixture.build()
    #expect(try manager.destinationOfSymbolicLink(atPath: fixture.output) == "real")
    #expect(manager.fileExists(atPath: fixture.folder + "/real/index.html"))
  }
}
