import Foundation
import Testing

@testable import BriefingCore

/// Mentions and passages kept by columns read back as what they were made from, and join in order.
@Suite struct MentionsTests {
  /// A store of texts in memory, standing for a build's scratch file.
  final class Store: TextStore, @unchecked Sendable {
    var bytes: [UInt8] = []
    func keep(_ text: String) -> Range<Int> {
      let start = bytes.count
      bytes += Array(text.utf8)
      return start..<bytes.count
    }
    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
  }

  private func sample(_ document: String, _ count: Int) -> [Mention] {
    (0..<count).map { index in
      Mention(
        entity: "people/p\(index % 3)", document: document, sentence: "Sentence \(index / 2) of \(document).",
        text: index % 2 == 0 ? "A name longer than fifteen bytes" : "Short", inHeading: index == 0)
    }
  }

  @Test func readBackAsTheMentionsTheyWereMadeFrom() {
    let mentions = sample("articles/a", 9)
    let table = Mentions(mentions)
    #expect(Array(table) == mentions)
    #expect(table.indices.map(table.entity(at:)) == mentions.map(\.entity))
    #expect(table.indices.map(table.document(at:)) == mentions.map(\.document))
    #expect(table.indices.map(table.inHeading(at:)) == mentions.map(\.inHeading))
    // Two mentions a sentence: each sentence is kept once.
    #expect(table.distinctSentences.count == 5)
  }

  @Test func joiningDocumentsGivesThemInOrder() {
    let parts = [sample("articles/a", 5), sample("articles/b", 0), sample("people/c", 4)]
    var joiner = Mentions.Joiner()
    for part in parts { joiner.add(Mentions(part)) }
    #expect(Array(joiner.joined) == parts.flatMap { $0 })
    var appended = Mentions(parts[0])
    appended.append(contentsOf: Mentions(parts[2]))
    #expect(appended == joiner.joined)
  }

  @Test func storedSentencesStayInTheirStoreAndOthersAreHeld() {
    let store = Store()
    let other = Store()
    var table = Mentions(sample("articles/a", 6))
    let sentences = table.distinctSentences.map(\.text)
    table.replaceSentences(with: sentences.map { StoredText(in: store, at: store.keep($0)) })
    #expect(table.allSatisfy { $0.storedSentence.isStored })
    // A document whose sentences are in another store, and one whose are held, join the first:
    // the texts are the same either way.
    var second = Mentions(sample("articles/b", 4))
    second.replaceSentences(
      with: second.distinctSentences.map { StoredText(in: other, at: other.keep($0.text)) })
    let third = Mentions(sample("articles/c", 2))
    var joiner = Mentions.Joiner()
    for part in [table, second, third] { joiner.add(part) }
    let joined = joiner.joined
    #expect(Array(joined) == sample("articles/a", 6) + sample("articles/b", 4) + sample("articles/c", 2))
    #expect(joined.prefix(6).allSatisfy { $0.storedSentence.isStored })
    #expect(joined.dropFirst(6).allSatisfy { !$0.storedSentence.isStored })
  }

  @Test func resultsAreHandedOnInOrderAsTheyAreMade() {
    var seen: [Int] = []
    parallelMap(Array(0..<2_000)) { index -> Int in
      // Uneven work, so that later items often finish first.
      var sum = 0
      for step in 0..<(index % 7) * 500 { sum &+= step }
      return index + (sum & 0)
    } inOrder: {
      seen.append($0)
    }
    #expect(seen == Array(0..<2_000))
  }

  private func passages(_ document: String, _ count: Int) -> [Passage] {
    (0..<count).map { index in
      Passage(
        entity: "issues/i\(index % 2)", document: document, text: "Passage \(index) of \(document).",
        entities: (0..<index % 4).map { "people/p\($0)" })
    }
  }

  @Test func passagesByColumnsReadBackAndJoinInOrder() {
    let parts = [passages("articles/a", 7), passages("articles/b", 0), passages("articles/c", 5)]
    let table = Passages(parts[0])
    #expect(Array(table) == parts[0])
    #expect(table.indices.map(table.entity(at:)) == parts[0].map(\.entity))
    #expect(table.indices.map(table.entities(at:)) == parts[0].map(\.entities))
    var joiner = TableJoiner<Passages>()
    for part in parts { joiner.add(Passages(part)) }
    #expect(Array(joiner.joined) == parts.flatMap { $0 })
    var appended = table
    appended.append(contentsOf: Passages(parts[2]))
    #expect(appended == joiner.joined)
    // Texts put in a store read back the same, and stay stored when joined.
    let store = Store()
    var stored = Passages(parts[2])
    stored.replaceTexts(with: stored.storedTexts.map { StoredText(in: store, at: store.keep($0.text)) })
    var second = TableJoiner<Passages>()
    for part in [stored, Passages(parts[0])] { second.add(part) }
    #expect(Array(second.joined) == parts[2] + parts[0])
    let joined = second.joined
    #expect(joined.prefix(5).allSatisfy { $0.storedText.isStored })
    #expect(joined.dropFirst(5).allSatisfy { !$0.storedText.isStored })
  }

  @Test func joinedFindingsKeepEachDiagnosticMessageOnce() {
    func findings(_ file: String) -> Findings {
      var findings = Findings()
      // Made anew each time, as the linker makes it for every occurrence.
      let message = ["'Kim' could name", "people/a-kim,", "people/b-kim"].joined(separator: " ")
      findings.diagnostics = [.warning("ambiguous-mention", file, line: 3, message)]
      return findings
    }
    func storage(_ text: String) -> UnsafePointer<UInt8>? {
      text.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil
    }
    let parts = [findings("a.md"), findings("b.md")]
    #expect(storage(parts[0].diagnostics[0].message) != storage(parts[1].diagnostics[0].message))
    var joiner = Findings.Joiner()
    for part in parts { joiner.add(part) }
    let joined = joiner.joined.diagnostics
    #expect(joined == parts.flatMap(\.diagnostics))
    #expect(storage(joined[0].message) == storage(joined[1].message))
    // Another spelling of the same text (decomposed "é") keeps its own bytes.
    var composed = Findings()
    composed.diagnostics = [.warning("ambiguous-mention", "c.md", "'Andr\u{E9}' could name two")]
    var decomposed = Findings()
    decomposed.diagnostics = [.warning("ambiguous-mention", "d.md", "'Andre\u{301}' could name two")]
    var spellings = Findings.Joiner()
    for part in [composed, decomposed] { spellings.add(part) }
    #expect(
      spellings.joined.diagnostics.map { Array($0.message.utf8) }
        == [composed, decomposed].map { Array($0.diagnostics[0].message.utf8) })
  }
}
