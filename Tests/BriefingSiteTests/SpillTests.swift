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

  @Test func aBuildReadsItsBodiesAndPassagesBackFromTheScratchFile() throws {
    var files = smallBriefing
    files["articles/spending.txt"] =
      "Spending\n\nTokyo met. Defense spending rose again this year. Nobody was surprised.\n"
    let fixture = try Fixture(files)
    defer { fixture.remove() }
    let spill = try #require(Spill(in: fixture.folder))
    let pipeline = Pipeline(fileSystem: fixture.fileSystem)
    let (briefing, spilled, _) = try pipeline.prepare(
      content: fixture.content, forCheck: false, cache: false, spill: spill
    )
    .prepared
    let (heldBriefing, held, _) = try pipeline.prepare(content: fixture.content)
    #expect(spilled.html.keys.sorted() == held.html.keys.sorted())
    for (id, body) in spilled.html {
      guard case .spilled = body else {
        Issue.record("\(id) is held in memory")
        continue
      }
      #expect(body.text == held.html[id]?.text)
    }
    #expect(spilled.html["articles/call"]?.text.contains("href=\"../people/gen-nakatani.html\"") == true)
    #expect(!briefing.passages.isEmpty && briefing.passages.allSatisfy(\.storedText.isStored))
    #expect(briefing.passages == heldBriefing.passages)
    let sentences = briefing.mentions.filter { !$0.sentence.isEmpty }
    #expect(!sentences.isEmpty && sentences.allSatisfy(\.storedSentence.isStored))
    #expect(briefing.mentions == heldBriefing.mentions)
    // Mentions in one sentence share it, and are told apart from the others without reading it.
    let call = briefing.mentions.filter { $0.document == "articles/call" && !$0.inHeading }
    #expect(call.count == 3 && Set(call.map(\.storedSentence.key)).count == 1)
    #expect(
      briefing.passages.map(\.text) == [
        "Tokyo met. Defense spending rose again this year. Nobody was surprised."
      ])
  }

  @Test func theLoaderLeavesEachArticleBodyInTheScratchFile() throws {
    var files = smallBriefing
    files["articles/long.txt"] = "Long Title\n\nFirst paragraph.\n\nSecond paragraph with é and “quotes”.\n"
    files["articles/wiki.md"] = "---\ntitle: Wiki\n---\nIntro.\n\nSee [[Nobody Known]] here.\n"
    let fixture = try Fixture(files)
    defer { fixture.remove() }
    let spill = try #require(Spill(in: fixture.folder))
    let held = try ContentLoader(fileSystem: fixture.fileSystem).load(fixture.content)
    let loaded = try ContentLoader(fileSystem: fixture.fileSystem, spill: spill).load(fixture.content)
    #expect(held.spilledTexts.isEmpty)
    #expect(loaded.spilledTexts.count == loaded.articles.count)
    for (article, place) in zip(loaded.articles, loaded.spilledTexts) {
      let original = try #require(held.articles.first { $0.id == article.id })
      #expect(article.markdown.isEmpty && article.paragraphs.count <= 1)
      var restored = article
      try ArticleText(decoding: spill.bytes(try #require(place))).restore(into: &restored)
      #expect(restored == original)
    }
    // What is checked in a body is checked where it is read back.
    let problems = Pipeline(fileSystem: fixture.fileSystem).check(content: fixture.content)
      .diagnostics.filter { $0.code == "unknown-wikilink" }
    let failure = try #require(throws: BriefingError.self) { try fixture.build() }
    #expect(problems.count == 1)
    #expect(failure.diagnostics.filter { $0.code == "unknown-wikilink" } == problems)
  }

  @Test func aStoredTextEqualsAndHashesAsItsText() throws {
    let fixture = try Fixture([:])
    defer { fixture.remove() }
    let spill = try #require(Spill(in: fixture.folder))
    let places = try #require(spill.keep(["same", "other", "same"]))
    let stored = places.map { StoredText(in: spill, at: $0) }
    #expect(stored.map(\.text) == ["same", "other", "same"])
    #expect(stored[0] == stored[2] && stored[0] != stored[1])
    #expect(stored[0] == StoredText("same") && Set([stored[0], StoredText("same"), stored[2]]).count == 1)
  }
}
