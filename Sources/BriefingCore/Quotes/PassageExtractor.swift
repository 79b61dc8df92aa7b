/// The passages of each paragraph that discuss an issue: the sentences that name the issue, with
/// one sentence of context on each side, merged where they touch.
struct PassageExtractor: Extractor {
  func extract(from document: AnalysedDocument, into findings: inout Findings) {
    var found: [Passage] = []
    for paragraph in document.paragraphs {
      found += Self.passages(
        sentences: paragraph.sentenceTexts, named: paragraph.entities, document: document.context.document)
    }
    findings.passages.append(contentsOf: Passages(found))
  }

  /// The passages of one paragraph, by issue, then in order.
  static func passages(sentences: [String], named: [[String]], document: String) -> [Passage] {
    var byIssue: [String: [Int]] = [:]
    for (index, ids) in named.enumerated() {
      for id in ids where id.hasPrefix("issues/") { byIssue[id, default: []].append(index) }
    }
    var passages: [Passage] = []
    for (issue, indices) in byIssue.sorted(by: { $0.key < $1.key }) {
      var ranges: [ClosedRange<Int>] = []
      for index in indices {
        let range = max(0, index - 1)...min(sentences.count - 1, index + 1)
        if let last = ranges.last, range.lowerBound <= last.upperBound + 1 {
          ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
        } else {
          ranges.append(range)
        }
      }
      for range in ranges {
        let entities = Set(range.flatMap { named[$0] }).sorted()
        passages.append(
          Passage(
            entity: issue, document: document, text: sentences[range].joined(separator: " "),
            entities: entities))
      }
    }
    return passages
  }
}
