import BriefingCore
import Foundation
import Testing

@testable import BriefingSite

/// The bodies a build renders wait for their pages in an unnamed scratch file, not in memory.
@Suite struct SpillTests {
  @Test func textWrittenFromManyThreadsIsReadBackExactly() throws {
    let fixture = try Fixture([:])
    defer { fixture.remove() }
    let spill = try #require(Spill(in: fixture.folder))
    let texts = (0..<500).map { index in
      index % 50 == 0 ? "" : String(repeating: "é<a href=\"x\">\(index)</a> — ", count: index % 37 + 1)
    }
    let places = parallelMap(texts) { try! #require(spill.keep($0)) }
    #expect(texts.indices.allSatisfy { spill.text(places[$0]) == texts[$0] })
    #expect(Set(places.filter { !$0.isEmpty }.map(\.lowerBound)).count == texts.filter { !$0.isEmpty }.count)
  }

  @Test func theScratchFileHasNoNameInItsFolder() throws {
    let fixture = try Fixture([:])
    defer { fixture.remove() }
    let before = try FileManager.default.contentsOfDirectory(atPath: fixture.folder)
    let spill = try #require(Spill(in: fixture.folder))
    _ = spill.keep("a body")
    #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder) == before)
  }

  @Test func aBuildReadsItsBodiesBackFromTheScratchFile() throws {
    let fixture = try Fixture(smallBriefing)
    defer { fixture.remove() }
    let spill = try #require(Spill(in: fixture.folder))
    let pipeline = Pipeline(fileSystem: fixture.fileSystem)
    let (_, spilled, _) = try pipeline.prepare(
      content: fixture.content, forCheck: false, cache: false, spill: spill
    )
    .prepared
    let (_, held, _) = try pipeline.prepare(content: fixture.content)
    #expect(spilled.html.keys.sorted() == held.html.keys.sorted())
    for (id, body) in spilled.html {
      guard case .spilled = body else {
        Issue.record("\(id) is held in memory")
        continue
      }
      #expect(body.text == held.html[id]?.text)
    }
    #expect(spilled.html["articles/call"]?.text.contains("href=\"../people/gen-nakatani.html\"") == true)
  }
}
