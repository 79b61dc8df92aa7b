import BriefingCore
import Foundation
import Testing

@testable import BriefingSite

/// `build --since` tells a reviewer what a content change did to the briefing.
@Suite struct ChangesTests {
  @Test func anArticleAddedSinceAnEarlierBriefingIsReportedWithItsTimelineEntriesAndQuotes() throws {
    let fixture = try Fixture([:])
    defer { fixture.remove() }
    try FileManager.default.removeItem(atPath: fixture.content)
    try FileManager.default.copyItem(atPath: repositoryRoot + "/content", toPath: fixture.content)
    let old = fixture.folder + "/old"
    try FileManager.default.copyItem(atPath: fixture.content, toPath: old)
    let removed = "articles/nakatani-hegseth-call-ahead-of-summit"
    try FileManager.default.removeItem(atPath: old + "/" + removed + ".txt")

    // From the earlier content folder, and from the earlier site's data/briefing.json: the same.
    var reports: [String] = []
    for since in [old, fixture.folder + "/old-site"] {
      if since.hasSuffix("old-site") {
        try Pipeline(fileSystem: fixture.fileSystem).build(content: old, templates: nil, output: since)
      }
      try Pipeline(fileSystem: fixture.fileSystem).build(
        content: fixture.content, templates: nil, output: fixture.output, since: since)
      let site = try fixture.site()
      let changes = try #require(
        try JSONSerialization.jsonObject(with: Data((site["data/changes.json"] ?? "").utf8)) as? [String: Any]
      )
      let added = (changes["addedArticles"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
      #expect(added == [removed])
      let entries =
        (changes["newTimelineEntries"] as? [[String: Any]] ?? [])
        + (changes["sourcesAddedToTimelineEntries"] as? [[String: Any]] ?? [])
      #expect(entries.count >= 2)
      #expect(entries.allSatisfy { ($0["articles"] as? [String])?.contains(removed) == true })
      #expect(
        (changes["newQuotes"] as? [[String: Any]] ?? []).contains {
          $0["speaker"] as? String == "Gen Nakatani"
        })
      #expect(site["changes.html"]?.contains("Nakatani and Hegseth affirm the alliance") == true)
      #expect(site["index.html"]?.contains("href=\"changes.html\"") == true)
      #expect(brokenLinks(in: site) == [])
      reports.append(site["data/changes.md"] ?? "")
    }
    #expect(
      reports[0].replacingOccurrences(of: old, with: "X")
        == reports[1].replacingOccurrences(of: fixture.folder + "/old-site", with: "X"))
    #expect(reports[0].contains("**Articles added**\n\n- Nakatani and Hegseth affirm the alliance"))
  }

  @Test func anIssueWhoseStatusChangedIsReported() {
    var old = Snapshot(
      json: Array(
        #"{"schema": 1, "entities": [{"id": "issues/a", "kind": "issue", "name": "A", "status": "Open"}]}"#
          .utf8))!
    var new = old
    new.entities["issues/a"]?.status = "Settled"
    var changes = Changes(from: old, to: new, since: "x")
    #expect(
      changes.statusChanges.map { "\($0.issue.id): \($0.from ?? "-") → \($0.to ?? "-")" } == [
        "issues/a: Open → Settled"
      ])
    // An export that did not record statuses says nothing about them.
    old = Snapshot(
      json: Array(#"{"schema": 1, "entities": [{"id": "issues/a", "kind": "issue", "name": "A"}]}"#.utf8))!
    changes = Changes(from: old, to: new, since: "x")
    #expect(changes.statusChanges.isEmpty && changes.summary == "Nothing changed.")
    #expect(Snapshot(json: Array("{}".utf8)) == nil)
  }
}
