import BriefingCore
import Foundation
import Testing

@testable import BriefingSite

/// Quote attribution and timeline dates scored against the hand annotations of Tests/DevSet
/// (real news text nobody here wrote; see its README). `make accuracy` prints the numbers.
@Suite struct AccuracyTests {
  /// Floors set from the measured numbers (see the README's "Accuracy"); precision comes first.
  static let quotePrecisionFloor = 0.95
  static let datePrecisionFloor = 0.85

  @Test func quoteAttributionAndTimelineDatesHoldTheirFloors() throws {
    let score = try DevSetScore.measure("Tests/DevSet")
    // The whole report (every mistake) goes to a file: the test runner's output is no place for it.
    try? score.report.write(
      toFile: repositoryRoot + "/.build/accuracy.txt", atomically: true, encoding: .utf8)
    #expect(score.quotes.precision >= AccuracyTests.quotePrecisionFloor)
    #expect(score.dates.precision >= AccuracyTests.datePrecisionFloor)
    #expect(score.quotes.recall >= 0.75)
    #expect(score.dates.recall >= 0.6)
  }
}

/// The check set, Tests/DevSetCheck: annotated after the rules were tuned and never tuned on, so
/// its numbers say how the rules do on text they have not seen. Reported, not held to a floor; it
/// fails only when the set's own content has errors.
@Suite struct CheckSetTests {
  @Test func theCheckSetIsScored() throws {
    guard FileManager.default.fileExists(atPath: repositoryRoot + "/Tests/DevSetCheck/gold") else { return }
    let score = try DevSetScore.measure("Tests/DevSetCheck")
    try? score.report.write(
      toFile: repositoryRoot + "/.build/accuracy-check.txt", atomically: true, encoding: .utf8)
  }
}

/// Precision and recall of one kind of fact.
struct Tally {
  var correct = 0
  var claimed = 0
  var expected = 0
  var found = 0
  var precision: Double { claimed == 0 ? 1 : Double(correct) / Double(claimed) }
  var recall: Double { expected == 0 ? 1 : Double(found) / Double(expected) }
  var line: String {
    String(
      format: "precision %.3f (%d of %d)  recall %.3f (%d of %d)", precision, correct, claimed, recall, found,
      expected)
  }
}

/// The dev set read, built and compared with its gold annotations.
struct DevSetScore {
  var quotes = Tally()
  var dates = Tally()
  /// Dates without the gold sentences dated only to a year (the timeline does not read a bare year).
  var datesBelowYear = Tally()
  var mistakes: [String] = []
  var misses: [String] = []

  var report: String {
    ([
      "accuracy: quotes  " + quotes.line, "accuracy: dates   " + dates.line,
      "accuracy: dates finer than a year  " + datesBelowYear.line,
    ]
      + mistakes.map { "  " + $0 } + misses.map { "  " + $0 }).joined(separator: "\n")
  }

  struct Gold: Decodable {
    struct QuoteGold: Decodable {
      var quote: String
      var speaker: String?
    }
    struct DateGold: Decodable {
      var sentence: String
      var date: String
      var also: [String]?
    }
    var quotes: [QuoteGold]
    var dates: [DateGold]
  }

  static func measure(_ folder: String) throws -> DevSetScore {
    let root = repositoryRoot + "/" + folder
    let result = Pipeline(fileSystem: LocalFileSystem()).check(content: root + "/content")
    let briefing = try #require(result.briefing, "\(result.diagnostics)")
    #expect(
      !result.diagnostics.hasErrors,
      "\(folder) itself has errors: \(result.diagnostics.filter { $0.severity == .error })")
    var gold: [String: Gold] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: root + "/gold")
    where name.hasSuffix(".json") {
      let data = try Data(contentsOf: URL(fileURLWithPath: root + "/gold/" + name))
      gold["articles/" + name.dropLast(5)] = try JSONDecoder().decode(Gold.self, from: data)
    }
    var score = DevSetScore()
    score.scoreQuotes(briefing, gold)
    score.scoreDates(briefing, gold)
    return score
  }

  mutating func scoreQuotes(_ briefing: Briefing, _ gold: [String: Gold]) {
    var found: Set<String> = []
    for quote in briefing.quotes {
      guard let article = gold[quote.document] else { continue }
      let name =
        quote.speaker.flatMap { briefing.entityByID[$0] }.map { [$0.name] + $0.aliases }
        ?? quote.speakerName.map { [$0] }
      let text = normalized(quote.text)
      let match = article.quotes.first {
        let g = normalized($0.quote)
        return text.hasPrefix(g) || g.hasPrefix(text)
      }
      guard let name else { continue }
      quotes.claimed += 1
      if let match, let speaker = match.speaker, name.contains(where: { sameName($0, speaker) }) {
        quotes.correct += 1
        found.insert(quote.document + "|" + match.quote)
      } else {
        mistakes.append(
          "quote \(quote.document): “\(quote.text.prefix(50))…” given to \(name[0]), annotated "
            + (match.map { $0.speaker ?? "nobody" } ?? "not a quote"))
      }
    }
    for (document, article) in gold.sorted(by: { $0.key < $1.key }) {
      for quote in article.quotes where quote.speaker != nil {
        quotes.expected += 1
        if found.contains(document + "|" + quote.quote) {
          quotes.found += 1
        } else {
          let g = normalized(quote.quote)
          let seen = briefing.quotesByDocument[document, default: []].contains {
            let text = normalized($0.text)
            return text.hasPrefix(g) || g.hasPrefix(text)
          }
          misses.append(
            "missed quote \(document): “\(quote.quote.prefix(50))…” by \(quote.speaker!)"
              + (seen ? " (found, unattributed)" : " (not found)"))
        }
      }
    }
  }

  mutating func scoreDates(_ briefing: Briefing, _ gold: [String: Gold]) {
    var found: Set<String> = []
    var seen: Set<String> = []
    for entry in briefing.timeline {
      for source in entry.sources {
        guard let article = gold[source.article] else { continue }
        guard seen.insert(source.article + "|" + source.text + "|" + entry.date.iso).inserted else {
          continue
        }
        let sentence = normalized(source.text)
        let match = article.dates.first { sentence.contains(normalized($0.sentence)) }
        let fine = entry.date.precision != .year
        dates.claimed += 1
        if fine { datesBelowYear.claimed += 1 }
        if let match, ([match.date] + (match.also ?? [])).contains(entry.date.iso) {
          dates.correct += 1
          if fine { datesBelowYear.correct += 1 }
          found.insert(source.article + "|" + match.sentence)
        } else {
          mistakes.append(
            "date \(source.article): \(entry.date.iso) for “\(source.text.prefix(70))…”, annotated "
              + (match.map { $0.date } ?? "undated"))
        }
      }
    }
    for (document, article) in gold.sorted(by: { $0.key < $1.key }) {
      for date in article.dates {
        let hit = found.contains(document + "|" + date.sentence)
        if !hit { misses.append("missed date \(document): \(date.date) for “\(date.sentence.prefix(70))…”") }
        dates.expected += 1
        if hit { dates.found += 1 }
        if date.date.count > 4 {
          datesBelowYear.expected += 1
          if hit { datesBelowYear.found += 1 }
        }
      }
    }
  }

  /// Lower case, straight quotes, single spaces.
  func normalized(_ text: String) -> String {
    text.lowercased().replacingOccurrences(of: "“", with: "\"").replacingOccurrences(of: "”", with: "\"")
      .replacingOccurrences(of: "’", with: "'").split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// "Mr. Paul Volcker" and "Volcker" are one name: the family names agree and neither has a
  /// given name the other contradicts.
  func sameName(_ a: String, _ b: String) -> Bool {
    let titles: Set<String> = ["mr", "mrs", "ms", "dr", "the"]
    func words(_ s: String) -> [String] {
      s.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { !titles.contains($0) }
    }
    let x = words(a)
    let y = words(b)
    guard let lastX = x.last, let lastY = y.last else { return false }
    if x == y { return true }
    if lastX == lastY { return x.count == 1 || y.count == 1 || x.first == y.first }
    // "Statistics Canada" and "Canada's statistics agency" are not matched: names only.
    return x.joined(separator: " ").contains(y.joined(separator: " "))
      || y.joined(separator: " ").contains(x.joined(separator: " "))
  }
}
