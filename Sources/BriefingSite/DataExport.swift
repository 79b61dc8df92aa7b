import BriefingCore
import Foundation

/// `data/briefing.json`, schema 1 (DESIGN.md §6): a stable export for other tools.
struct DataExport {
  let briefing: Briefing

  struct Root: Encodable {
    var schema = 1
    var title: String
    @Null var asOf: String?
    var entities: [EntityRecord]
    var articles: [ArticleRecord]
    var timeline: [TimelineRecord]
    var quotes: [QuoteRecord]

  }

  struct QuoteRecord: Encodable {
    var text: String
    @Null var speaker: String?
    /// The speaker's name: the note's name, or the name as the article gives it when there is no note.
    @Null var speakerName: String?
    var article: String
    @Null var date: String?

  }

  struct PassageRecord: Encodable {
    var article, text: String
  }

  struct EntityRecord: Encodable {
    var id, kind, name: String
    var aliases: [String]
    var url: String
    @Null var date: String?
    @Null var precision: String?
    var mentions: Int
    /// For issues: the passages of the articles that discuss it.
    var passages: [PassageRecord]?

  }

  struct Count: Encodable {
    var entity: String
    var count: Int
  }

  struct ArticleRecord: Encodable {
    var id, title: String
    @Null var date: String?
    @Null var source: String?
    var url: String
    var mentions: [Count]

  }

  struct Source: Encodable {
    var article, text: String
  }

  struct TimelineRecord: Encodable {
    var date, precision, title: String
    /// For an approximate date: early, mid or late (of the month, or of the year).
    var part: String?
    @Null var event: String?
    var entities: [String]
    var sources: [Source]

  }

  func root() -> Root {
    let entities = briefing.entities.sorted { $0.id < $1.id }.map { entity in
      EntityRecord(
        id: entity.id, kind: entity.kind.name, name: entity.name,
        aliases: entity.aliases + AliasIndex.derivedAliases(of: entity), url: entity.url,
        date: entity.date?.iso, precision: entity.date?.precision.rawValue,
        mentions: briefing.mentionCount(of: entity.id),
        passages: entity.kind == .issue
          ? (briefing.passagesByEntity[entity.id] ?? []).map {
            PassageRecord(article: $0.document, text: $0.text)
          }
          : nil)
    }
    let articles = briefing.articles.map { article in
      let counts = Dictionary(grouping: briefing.mentionsByDocument[article.id] ?? [], by: \.entity)
        .map { Count(entity: $0.key, count: $0.value.count) }.sorted { $0.entity < $1.entity }
      return ArticleRecord(
        id: article.id, title: article.title, date: article.date?.iso, source: article.source,
        url: article.pageURL, mentions: counts)
    }
    let timeline = briefing.timeline.map { entry in
      TimelineRecord(
        date: entry.date.iso, precision: entry.date.precision.rawValue, title: entry.title,
        part: entry.date.part?.rawValue, event: entry.event,
        entities: entry.entities, sources: entry.sources.map { Source(article: $0.article, text: $0.text) })
    }
    let quotes = briefing.quotes.map { quote in
      QuoteRecord(
        text: quote.text, speaker: quote.speaker,
        speakerName: quote.speaker.flatMap { briefing.entityByID[$0]?.name } ?? quote.speakerName,
        article: quote.document,
        date: briefing.articleByID[quote.document]?.date?.iso)
    }
    return Root(
      title: briefing.config.title, asOf: briefing.asOf?.iso, entities: entities, articles: articles,
      timeline: timeline, quotes: quotes)
  }

  func json() throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(root())
    data.append(10)
    return Array(data)
  }
}

/// An optional that is written as `null` when nil, where synthesized `Encodable` would leave the
/// key out: schema 1 promises every key on every record.
@propertyWrapper
struct Null<Value: Encodable>: Encodable {
  var wrappedValue: Value?

  init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

  func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
  }
}
