import BriefingCore
import Foundation

/// `data/briefing.json`, schema 1 (DESIGN.md §6): a stable export for other tools. Every key is
/// on every record (absent values are `null`), keys in sorted order, two-space indentation.
/// Written record by record in pieces of about 64 KB, so the export is never held whole.
struct DataExport {
  let briefing: Briefing

  /// Roughly how many bytes go out at a time (64 KB).
  static let pieceSize = 1 << 16

  func write(_ piece: ([UInt8]) throws -> Void) throws {
    var json = JSONWriter(pretty: true)
    func flush(_ force: Bool = false) throws {
      if force || json.bytes.count >= DataExport.pieceSize { try piece(json.take()) }
    }
    json.beginObject()
    json.key("articles")
    json.beginArray()
    for article in briefing.articles {
      self.article(article, &json)
      try flush()
    }
    json.endArray()
    json.key("asOf")
    json.string(briefing.asOf?.iso)
    json.key("entities")
    json.beginArray()
    for entity in briefing.entities.sorted(by: { $0.id < $1.id }) {
      self.entity(entity, &json)
      try flush()
    }
    json.endArray()
    json.key("quotes")
    json.beginArray()
    for quote in briefing.quotes {
      self.quote(quote, &json)
      try flush()
    }
    json.endArray()
    json.key("schema")
    json.int(1)
    json.key("timeline")
    json.beginArray()
    let timeline = briefing.timeline
    for index in timeline.indices {
      self.entry(timeline[index], &json)
      try flush()
    }
    json.endArray()
    json.key("title")
    json.string(briefing.config.title)
    json.endObject()
    try piece(json.take() + [0x0A])
  }

  private func article(_ article: Article, _ json: inout JSONWriter) {
    json.beginObject()
    json.key("date")
    json.string(article.date?.iso)
    json.key("id")
    json.string(article.id)
    json.key("mentions")
    json.beginArray()
    // Counted from the entities alone, not whole mentions.
    var counted: [String: Int] = [:]
    for entity in briefing.entitiesMentioned(inDocument: article.id) { counted[entity, default: 0] += 1 }
    let counts = counted.sorted { $0.key < $1.key }
    for (entity, count) in counts {
      json.beginObject()
      json.key("count")
      json.int(count)
      json.key("entity")
      json.string(entity)
      json.endObject()
    }
    json.endArray()
    json.key("source")
    json.string(article.source)
    json.key("title")
    json.string(article.title)
    json.key("url")
    json.string(article.pageURL)
    json.endObject()
  }

  private func entity(_ entity: Entity, _ json: inout JSONWriter) {
    json.beginObject()
    json.key("aliases")
    json.strings(entity.aliases + AliasIndex.derivedAliases(of: entity))
    json.key("date")
    json.string(entity.date?.iso)
    json.key("id")
    json.string(entity.id)
    json.key("kind")
    json.string(entity.kind.name)
    json.key("mentions")
    json.int(briefing.mentionCount(of: entity.id))
    json.key("name")
    json.string(entity.name)
    // For issues: the passages of the articles that discuss it.
    if entity.kind == .issue {
      json.key("passages")
      json.beginArray()
      for passage in briefing.passages(about: entity.id) {
        json.beginObject()
        json.fields([("article", passage.document), ("text", passage.text)])
        json.endObject()
      }
      json.endArray()
    }
    json.key("precision")
    json.string(entity.date?.precision.rawValue)
    json.key("status")
    json.string(entity.status)
    json.key("url")
    json.string(entity.url)
    json.endObject()
  }

  private func quote(_ quote: Quote, _ json: inout JSONWriter) {
    json.beginObject()
    json.key("article")
    json.string(quote.document)
    json.key("date")
    json.string(briefing.article(id: quote.document)?.date?.iso)
    json.key("speaker")
    json.string(quote.speaker)
    // The speaker's name: the note's name, or the name as the article gives it when there is no note.
    json.key("speakerName")
    json.string(quote.speaker.flatMap { briefing.entityByID[$0]?.name } ?? quote.speakerName)
    json.key("text")
    json.string(quote.text)
    json.endObject()
  }

  private func entry(_ entry: TimelineEntry, _ json: inout JSONWriter) {
    json.beginObject()
    json.key("date")
    json.string(entry.date.iso)
    json.key("entities")
    json.strings(entry.entities)
    json.key("event")
    json.string(entry.event)
    // For an approximate date: early, mid or late (of the month, or of the year).
    json.fields([("part", entry.date.part?.rawValue), ("precision", entry.date.precision.rawValue)])
    json.key("sources")
    json.beginArray()
    for source in entry.sources {
      json.beginObject()
      json.fields([("article", source.article), ("text", source.text)])
      json.endObject()
    }
    json.endArray()
    json.key("title")
    json.string(entry.title)
    json.endObject()
  }
}
