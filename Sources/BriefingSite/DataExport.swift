import BriefingCore
import Foundation

/// `data/briefing.json`, schema 1 (DESIGN.md §6): a stable export for other tools.
struct DataExport {
  let briefing: Briefing

  struct Root: Encodable {
    var schema = 1
    var title: String
    var asOf: String?
    var entities: [EntityRecord]
    var articles: [ArticleRecord]
    var timeline: [TimelineRecord]
    var quotes: [QuoteRecord]

    enum CodingKeys: String, CodingKey { case schema, title, asOf, entities, articles, timeline, quotes }
    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(schema, forKey: .schema)
      try c.encode(title, forKey: .title)
      try c.encode(asOf, forKey: .asOf)
      try c.encode(entities, forKey: .entities)
      try c.encode(articles, forKey: .articles)
      try c.encode(timeline, forKey: .timeline)
      try c.encode(quotes, forKey: .quotes)
    }
  }

  struct QuoteRecord: Encodable {
    var text: String
    var speaker: String?
    var article: String
    var date: String?

    enum CodingKeys: String, CodingKey { case text, speaker, article, date }
    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(text, forKey: .text)
      try c.encode(speaker, forKey: .speaker)
      try c.encode(article, forKey: .article)
      try c.encode(date, forKey: .date)
    }
  }

  struct PassageRecord: Encodable {
    var article, text: String
  }

  struct EntityRecord: Encodable {
    var id, kind, name: String
    var aliases: [String]
    var url: String
    var date: String?
    var precision: String?
    var mentions: Int
    /// For issues: the passages of the articles that discuss it.
    var passages: [PassageRecord]?

    enum CodingKeys: String, CodingKey {
      case id, kind, name, aliases, url, date, precision, mentions, passages
    }
    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(id, forKey: .id)
      try c.encode(kind, forKey: .kind)
      try c.encode(name, forKey: .name)
      try c.encode(aliases, forKey: .aliases)
      try c.encode(url, forKey: .url)
      try c.encode(date, forKey: .date)
      try c.encode(precision, forKey: .precision)
      try c.encode(mentions, forKey: .mentions)
      try c.encodeIfPresent(passages, forKey: .passages)
    }
  }

  struct Count: Encodable {
    var entity: String
    var count: Int
  }

  struct ArticleRecord: Encodable {
    var id, title: String
    var date, source: String?
    var url: String
    var mentions: [Count]

    enum CodingKeys: String, CodingKey { case id, title, date, source, url, mentions }
    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(id, forKey: .id)
      try c.encode(title, forKey: .title)
      try c.encode(date, forKey: .date)
      try c.encode(source, forKey: .source)
      try c.encode(url, forKey: .url)
      try c.encode(mentions, forKey: .mentions)
    }
  }

  struct Source: Encodable {
    var article, text: String
  }

  struct TimelineRecord: Encodable {
    var date, precision, title: String
    /// For an approximate date: early, mid or late (of the month, or of the year).
    var part: String?
    var event: String?
    var entities: [String]
    var sources: [Source]

    enum CodingKeys: String, CodingKey { case date, precision, part, title, event, entities, sources }
    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(date, forKey: .date)
      try c.encode(precision, forKey: .precision)
      try c.encodeIfPresent(part, forKey: .part)
      try c.encode(title, forKey: .title)
      try c.encode(event, forKey: .event)
      try c.encode(entities, forKey: .entities)
      try c.encode(sources, forKey: .sources)
    }
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
        text: quote.text, speaker: quote.speaker, article: quote.document,
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
