import BriefingCore
import BriefingTemplates

/// The parts of issue, person and organization pages that make them read like a briefing:
/// passages, quotes, key people, related and associated issues.
extension Views {
  /// Quotes with their speaker (when `showSpeaker`), article and date, newest article first.
  func quotes(_ quotes: [Quote], showSpeaker: Bool) -> [TemplateValue] {
    let ordered = quotes.sorted { rank($0.document) < rank($1.document) }
    return
      ordered.compactMap { quote -> TemplateValue? in
        guard let article = briefing.article(id: quote.document) else { return nil }
        var item: Fields = ["text": .string(quote.text), "article": .object(link(article))]
        item["speaker"] = false
        item["speakerName"] = false
        if showSpeaker, let speaker = quote.speaker.flatMap { link(id: $0) } {
          item["speaker"] = .object(speaker)
        } else if showSpeaker, let name = quote.speakerName {
          item["speakerName"] = .string(name)  // a speaker without a note: the name as the article gives it
        }
        return .object(item)
      }
  }

  /// The quotes that speak to an issue: said in a sentence that names it, or within its passages.
  func quotes(on issue: String) -> [Quote] {
    // Only the articles with quotes are looked at. Passages by their places, read by columns: a
    // passage's text only when a quote needs it.
    let quoting = briefing.quotesByDocument
    guard !quoting.isEmpty else { return [] }
    let table = briefing.passages
    var passages: [String: [Int]] = [:]
    for place in briefing.passagePlaces(about: issue) {
      let document = table.document(at: place)
      if quoting[document] != nil { passages[document, default: []].append(place) }
    }
    var documents = Set(passages.keys)
    for (document, _) in briefing.documents(mentioning: issue) where quoting[document] != nil {
      documents.insert(document)
    }
    return documents.map { (rank($0), $0) }.sorted { $0.0 < $1.0 }.flatMap { _, document in
      (briefing.quotesByDocument[document] ?? []).filter { quote in
        quote.entities.contains(issue)
          || (passages[document] ?? []).contains { HTML.contains(quote.context, in: table.text(at: $0)) }
      }
    }
  }

  /// An issue's passages grouped by article, newest first, its names marked.
  func passages(of issue: String) -> [TemplateValue] {
    let table = briefing.passages
    let byDocument = Dictionary(grouping: briefing.passagePlaces(about: issue), by: table.document(at:))
    // The longest name the issue goes by in a passage is marked; equal lengths by spelling: the
    // first of them, in that order, that the passage holds.
    let words = briefing.names(of: issue).sorted { ($0.count, $1) > ($1.count, $0) }
    return byDocument.keys.map { (rank($0), $0) }.sorted { $0.0 < $1.0 }.compactMap {
      _, id -> TemplateValue? in
      guard let article = link(articleID: id) else { return nil }
      let items = byDocument[id]!.map { place -> TemplateValue in
        let text = table.text(at: place)
        return ["html": .string(HTML.highlight(words.first { HTML.contains($0, in: text) } ?? "", in: text))]
      }
      return ["article": .object(article), "passages": .list(items)]
    }
  }

  /// People ranked by how many of the issue's passages name them.
  func keyPeople(of issue: String) -> TemplateValue {
    var counts: [String: Int] = [:]
    for place in briefing.passagePlaces(about: issue) {
      for id in briefing.passages.entityIDs(at: place) where id.hasPrefix("people/") {
        counts[id, default: 0] += 1
      }
    }
    return rankedByPassages(counts, including: briefing.connections(of: issue, kind: .person))
  }

  /// Issues related by the note, then by the articles they share.
  func relatedIssues(of issue: String) -> TemplateValue {
    // Highest count first, then by id.
    let sharing = aggregates.sharedArticles(briefing).of(issue).filter { $0.id.hasPrefix("issues/") }
    let counts = Dictionary(sharing.map { ($0.id, $0.count) }, uniquingKeysWith: { first, _ in first })
    let curated = briefing.connections(of: issue, kind: .issue).map(\.id)
    let byArticles = sharing.map(\.id).filter { !curated.contains($0) }
    return list(
      (curated + byArticles).compactMap { id in
        link(id: id).map { link -> Fields in
          var item = link
          item["why"] = .string(
            curated.contains(id) ? "related" : "\(counts[id]!) shared article\(counts[id]! == 1 ? "" : "s")")
          return item
        }
      })
  }

  /// The issues whose passages name an entity most often, then those its note connects it to.
  func associatedIssues(of id: String) -> TemplateValue {
    var counts: [String: Int] = [:]
    for place in briefing.passagePlaces(naming: id) {
      counts[briefing.passages.entity(at: place), default: 0] += 1
    }
    return rankedByPassages(counts, including: briefing.connections(of: id, kind: .issue))
  }

  /// The top eight of `counts` (passages by entity id) as links with "N passages", with the
  /// `connected` entities the notes name counted as zero when no passage names them.
  private func rankedByPassages(_ counts: [String: Int], including connected: [Entity]) -> TemplateValue {
    var counts = counts
    for entity in connected where counts[entity.id] == nil { counts[entity.id] = 0 }
    return list(
      ranked(counts).prefix(8).compactMap { id, count in
        link(id: id).map { link -> Fields in
          var item = link
          item["count"] = .string(count == 1 ? "1 passage" : "\(count) passages")
          return item
        }
      })
  }

  private func rank(_ document: String) -> Int { briefing.articleRank[document] ?? Int.max }

  /// Highest count first, then by id, so the order never depends on hashing.
  private func ranked(_ counts: [String: Int]) -> [(String, Int)] {
    counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
  }
}
