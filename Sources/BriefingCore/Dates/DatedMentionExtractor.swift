/// The sentences of an article that speak of a date (see `DateExtractor`), with the entities
/// named in them and in the sentence before. Quoted words and a dateline ("WASHINGTON, Feb 26 - ")
/// date nothing.
struct DatedMentionExtractor: Extractor {
  func extract(from document: AnalysedDocument, into findings: inout Findings) {
    for (p, paragraph) in document.paragraphs.enumerated() {
      let quoted = p < findings.quoted.count ? findings.quoted[p] : []
      // Quoted ranges are in order, like the sentences: skip those that end before this one.
      var cursor = 0
      for (s, range) in paragraph.sentences.enumerated() {
        while cursor < quoted.count, quoted[cursor].upperBound <= range.lowerBound { cursor += 1 }
        var ignoring: [Range<Int>] = []
        var q = cursor
        while q < quoted.count, quoted[q].lowerBound < range.upperBound {
          let lower = max(quoted[q].lowerBound, range.lowerBound)
          let upper = min(quoted[q].upperBound, range.upperBound)
          ignoring.append((lower - range.lowerBound)..<(upper - range.lowerBound))
          q += 1
        }
        let sentence = paragraph.sentenceTexts[s]
        if p == 0, range.lowerBound == 0, let dateline = DatelineParser.datelinePrefix(sentence) {
          ignoring.append(0..<dateline)
        }
        let dates = DateExtractor.dates(in: sentence, articleDate: document.context.date, ignoring: ignoring)
        guard !dates.isEmpty else { continue }
        let entities = paragraph.entities[s].sorted()
        let before = s > 0 ? paragraph.entities[s - 1].sorted() : []
        for found in dates {
          findings.dated.append(
            DatedMention(
              date: found.date, document: document.context.document, sentence: sentence, phrase: found.text,
              entities: entities, context: before))
        }
      }
    }
  }
}
