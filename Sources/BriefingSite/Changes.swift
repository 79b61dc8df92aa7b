import BriefingCore
import BriefingTemplates
import Foundation

/// What a briefing holds, as far as "what changed" compares it: read from a built briefing or from
/// a `data/briefing.json` (schema 1).
struct Snapshot: Sendable {
  struct Item: Hashable, Sendable {
    var id: String
    var kind: String
    var name: String
    var status: String?
    /// False when read from an export that did not record statuses.
    var knowsStatus = true
  }

  struct Quote: Hashable, Sendable {
    var speaker: String?
    var text: String
    var article: String
  }

  struct Entry: Hashable, Sendable {
    var date: String
    var title: String
    /// The articles it rests on.
    var articles: [String]
  }

  var articles: [String: Item] = [:]
  var entities: [String: Item] = [:]
  var quotes: Set<Quote> = []
  var timeline: Set<Entry> = []

  init(_ briefing: Briefing) {
    for article in briefing.articles {
      articles[article.id] = Item(id: article.id, kind: "article", name: article.title)
    }
    for entity in briefing.entities {
      entities[entity.id] = Item(
        id: entity.id, kind: entity.kind.name, name: entity.name, status: entity.status)
    }
    for quote in briefing.quotes {
      let speaker = quote.speaker.flatMap { briefing.entityByID[$0]?.name } ?? quote.speakerName
      quotes.insert(Quote(speaker: speaker, text: quote.text, article: quote.document))
    }
    // Read by columns: the sources' articles, not their sentences.
    let entries = briefing.timeline
    for place in entries.indices {
      timeline.insert(
        Entry(
          date: entries.date(at: place).iso, title: entries.title(at: place),
          articles: entries.sourceArticles(at: place)))
    }
  }

  /// Reads `data/briefing.json`; nil when it is not one.
  init?(json bytes: [UInt8]) {
    guard let root = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
      root["schema"] as? Int == 1
    else { return nil }
    for case let record as [String: Any] in root["articles"] as? [Any] ?? [] {
      guard let id = record["id"] as? String else { continue }
      articles[id] = Item(id: id, kind: "article", name: record["title"] as? String ?? id)
    }
    for case let record as [String: Any] in root["entities"] as? [Any] ?? [] {
      guard let id = record["id"] as? String else { continue }
      entities[id] = Item(
        id: id, kind: record["kind"] as? String ?? "", name: record["name"] as? String ?? id,
        status: record["status"] as? String, knowsStatus: record.keys.contains("status"))
    }
    for case let record as [String: Any] in root["quotes"] as? [Any] ?? [] {
      guard let text = record["text"] as? String, let article = record["article"] as? String else { continue }
      quotes.insert(Quote(speaker: record["speakerName"] as? String, text: text, article: article))
    }
    for case let record as [String: Any] in root["timeline"] as? [Any] ?? [] {
      guard let date = record["date"] as? String, let title = record["title"] as? String else { continue }
      let sources = (record["sources"] as? [[String: Any]] ?? []).compactMap { $0["article"] as? String }
      timeline.insert(Entry(date: date, title: title, articles: sources))
    }
  }
}

/// What changed between an earlier briefing and this one: articles added and removed; new people,
/// events, issues and organizations; new quotes by speaker; new timeline entries; issues whose
/// status changed. Written as `changes.html`, `data/changes.json` and `data/changes.md` (for a
/// pull-request comment).
struct Changes: Sendable {
  var since: String
  var addedArticles: [Snapshot.Item] = []
  var removedArticles: [Snapshot.Item] = []
  var addedEntities: [Snapshot.Item] = []
  var removedEntities: [Snapshot.Item] = []
  var newQuotes: [Snapshot.Quote] = []
  var newEntries: [Snapshot.Entry] = []
  /// Entries the earlier briefing had, with sources it did not have.
  var updatedEntries: [Snapshot.Entry] = []
  var statusChanges: [(issue: Snapshot.Item, from: String?, to: String?)] = []

  init(from old: Snapshot, to new: Snapshot, since: String) {
    self.since = since
    let byName: (Snapshot.Item, Snapshot.Item) -> Bool = { ($0.name, $0.id) < ($1.name, $1.id) }
    addedArticles = new.articles.values.filter { old.articles[$0.id] == nil }.sorted(by: byName)
    removedArticles = old.articles.values.filter { new.articles[$0.id] == nil }.sorted(by: byName)
    addedEntities = new.entities.values.filter { old.entities[$0.id] == nil }
      .sorted { ($0.kind, $0.name, $0.id) < ($1.kind, $1.name, $1.id) }
    removedEntities = old.entities.values.filter { new.entities[$0.id] == nil }
      .sorted { ($0.kind, $0.name, $0.id) < ($1.kind, $1.name, $1.id) }
    newQuotes = new.quotes.subtracting(old.quotes).sorted {
      ($0.speaker ?? "\u{10FFFF}", $0.article, $0.text) < ($1.speaker ?? "\u{10FFFF}", $1.article, $1.text)
    }
    var earlier: [String: Set<String>] = [:]
    for entry in old.timeline {
      earlier[entry.date + "\u{0}" + entry.title, default: []].formUnion(entry.articles)
    }
    for entry in new.timeline.subtracting(old.timeline).sorted(by: {
      ($0.date, $0.title) < ($1.date, $1.title)
    }) {
      if let sources = earlier[entry.date + "\u{0}" + entry.title] {
        var added = entry
        added.articles = entry.articles.filter { !sources.contains($0) }
        if !added.articles.isEmpty { updatedEntries.append(added) }
      } else {
        newEntries.append(entry)
      }
    }
    for issue in new.entities.values.sorted(by: byName) where issue.kind == "issue" {
      if let before = old.entities[issue.id], before.knowsStatus, before.status != issue.status {
        statusChanges.append((issue, before.status, issue.status))
      }
    }
  }

  /// One line: "2 articles added, 3 new timeline entries, …".
  var summary: String {
    func count(_ n: Int, _ one: String, _ many: String) -> String? {
      n == 0 ? nil : "\(n) \(n == 1 ? one : many)"
    }
    let parts = [
      count(addedArticles.count, "article added", "articles added"),
      count(removedArticles.count, "article removed", "articles removed"),
      count(addedEntities.count, "new note", "new notes"),
      count(removedEntities.count, "note removed", "notes removed"),
      count(newQuotes.count, "new quote", "new quotes"),
      count(newEntries.count, "new timeline entry", "new timeline entries"),
      count(updatedEntries.count, "timeline entry with new sources", "timeline entries with new sources"),
      count(statusChanges.count, "issue changed status", "issues changed status"),
    ].compactMap { $0 }
    return parts.isEmpty ? "Nothing changed." : parts.joined(separator: ", ") + "."
  }

  /// The view of `changes.html`, for a page at the site root.
  func view(_ views: Views) -> Fields {
    var context = views.page(title: "What changed", current: nil)
    func link(_ item: Snapshot.Item, exists: Bool) -> TemplateValue {
      [
        "name": .string(item.name), "kind": .string(item.kind),
        "url": exists ? .string(views.root + item.id + ".html") : false,
      ]
    }
    func list(_ items: [TemplateValue]) -> TemplateValue { items.isEmpty ? false : .list(items) }
    context["since"] = .string(since)
    context["summary"] = .string(summary)
    context["addedArticles"] = list(addedArticles.map { link($0, exists: true) })
    context["removedArticles"] = list(removedArticles.map { link($0, exists: false) })
    context["addedEntities"] = list(addedEntities.map { link($0, exists: true) })
    context["removedEntities"] = list(removedEntities.map { link($0, exists: false) })
    context["newQuotes"] = list(
      newQuotes.map { quote in
        [
          "speaker": .text(quote.speaker), "text": .string(quote.text),
          "article": .string(views.root + quote.article + ".html"),
        ]
      })
    func entry(_ entry: Snapshot.Entry) -> TemplateValue {
      [
        "date": .string(entry.date), "title": .string(entry.title),
        "articles": .list(entry.articles.map { .string(views.root + $0 + ".html") }),
      ]
    }
    context["newEntries"] = list(newEntries.map { entry($0) })
    context["updatedEntries"] = list(updatedEntries.map { entry($0) })
    context["statusChanges"] = list(
      statusChanges.map { change in
        [
          "issue": link(change.issue, exists: true), "from": .string(change.from ?? "none"),
          "to": .string(change.to ?? "none"),
        ]
      })
    return context
  }

  /// `data/changes.json`.
  func json() -> [UInt8] {
    var json = JSONWriter(pretty: true)
    func items(_ key: String, _ items: [Snapshot.Item]) {
      json.key(key)
      json.beginArray()
      for item in items {
        json.beginObject()
        json.fields([("id", item.id), ("kind", item.kind), ("name", item.name)])
        json.endObject()
      }
      json.endArray()
    }
    json.beginObject()
    items("addedArticles", addedArticles)
    items("addedEntities", addedEntities)
    json.key("newQuotes")
    json.beginArray()
    for quote in newQuotes {
      json.beginObject()
      json.key("article")
      json.string(quote.article)
      json.key("speaker")
      json.string(quote.speaker)
      json.key("text")
      json.string(quote.text)
      json.endObject()
    }
    json.endArray()
    func entries(_ key: String, _ entries: [Snapshot.Entry]) {
      json.key(key)
      json.beginArray()
      for entry in entries {
        json.beginObject()
        json.key("articles")
        json.strings(entry.articles)
        json.fields([("date", entry.date), ("title", entry.title)])
        json.endObject()
      }
      json.endArray()
    }
    entries("newTimelineEntries", newEntries)
    items("removedArticles", removedArticles)
    items("removedEntities", removedEntities)
    json.key("since")
    json.string(since)
    entries("sourcesAddedToTimelineEntries", updatedEntries)
    json.key("statusChanges")
    json.beginArray()
    for change in statusChanges {
      json.beginObject()
      json.key("from")
      json.string(change.from)
      json.key("issue")
      json.string(change.issue.id)
      json.key("to")
      json.string(change.to)
      json.endObject()
    }
    json.endArray()
    json.key("summary")
    json.string(summary)
    json.endObject()
    return json.bytes + [0x0A]
  }

  /// `data/changes.md`: a summary to paste into a pull-request comment.
  func markdown() -> String {
    func escaped(_ text: String) -> String {
      var out = ""
      for character in text {
        if "\\`*_[]<>#|".contains(character) { out.append("\\") }
        out.append(character == "\n" ? " " : character)
      }
      return out
    }
    var out = "### What changed in the briefing since \(escaped(since))\n\n\(summary)\n"
    func section(_ title: String, _ lines: [String]) {
      guard !lines.isEmpty else { return }
      out += "\n**\(title)**\n\n" + lines.map { "- " + $0 + "\n" }.joined()
    }
    section("Articles added", addedArticles.map { escaped($0.name) })
    section("Articles removed", removedArticles.map { escaped($0.name) })
    section("New notes", addedEntities.map { "\(escaped($0.name)) (\($0.kind))" })
    section("Notes removed", removedEntities.map { "\(escaped($0.name)) (\($0.kind))" })
    section(
      "Issues whose status changed",
      statusChanges.map {
        "\(escaped($0.issue.name)): \(escaped($0.from ?? "none")) → \(escaped($0.to ?? "none"))"
      })
    section("New quotes", newQuotes.map { "\(escaped($0.speaker ?? "unattributed")): “\(escaped($0.text))”" })
    section("New timeline entries", newEntries.map { "\($0.date): \(escaped($0.title))" })
    section(
      "Timeline entries with new sources", updatedEntries.map { "\($0.date): \(escaped($0.title))" })
    return out
  }
}
