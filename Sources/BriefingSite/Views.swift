import BriefingCore
import BriefingTemplates
import Foundation

/// Named template values: the fields of one view object.
typealias Fields = TemplateFields

/// View models for the templates: closed template values, built from the briefing for a page
/// whose way back to the site root is `root` (`""` at the root, `"../"` one folder down).
struct Views: Sendable {
  let briefing: Briefing
  let root: String
  /// Whether the site has a search index (and so a search page).
  var search = false
  /// Every entity's and article's link view, made once for this root and shared by every page
  /// (a page that adds to one copies it then).
  private var links: Links?
  /// What several pages read, worked out on first use and shared by views made with it.
  let aggregates: Aggregates

  final class Aggregates: @unchecked Sendable {
    // @unchecked: `shared` is only touched under `lock`.
    private let lock = NSLock()
    private var shared: SharedArticles?

    init() {}

    /// Every entity's top dozen by shared articles, and every issue (related issues lists them all).
    func sharedArticles(_ briefing: Briefing) -> SharedArticles {
      lock.withLock {
        if let shared { return shared }
        let made = SharedArticles(briefing, limit: Views.mentionedWithLimit) { $0.hasPrefix("issues/") }
        shared = made
        return made
      }
    }
  }

  struct Links: Sendable {
    var entities: [String: Fields] = [:]
    var articles: [String: Fields] = [:]
    /// What `page(title:current:)` gives every page but its title and navigation, and the
    /// navigation by current section ("" for none).
    var page: Fields = [:]
    var navigation: [String: TemplateValue] = [:]
    /// The view of every date the timeline, the articles and the notes give: writing a date out
    /// is string work, and a timeline gives the same dates again and again.
    var dates: [BriefingDate: TemplateValue] = [:]
    var kinds: [String: EntityKind] = [:]
  }

  init(briefing: Briefing, root: String, search: Bool = false, aggregates: Aggregates = Aggregates()) {
    self.briefing = briefing
    self.root = root
    self.search = search
    self.aggregates = aggregates
  }

  /// These views with the link views of every entity and article made now, for many pages.
  func sharingLinks() -> Views {
    var links = Links()
    // The dates first, so that the links made next share their views.
    func add(_ date: BriefingDate?) {
      if let date, links.dates[date] == nil { links.dates[date] = makeDate(date) }
    }
    // Articles and timeline entries are read in place, by index, not copied one by one.
    let articles = briefing.articles
    let timeline = briefing.timeline
    for index in timeline.indices {
      add(timeline.date(at: index))
      add(timeline.end(at: index))
    }
    for index in articles.indices { add(articles[index].date) }
    for entity in briefing.entities {
      add(entity.date)
      add(entity.end)
      for role in entity.roles {
        add(role.from)
        add(role.to)
      }
    }
    add(briefing.asOf)
    var views = self
    views.links = links
    for entity in briefing.entities {
      links.entities[entity.id] = views.makeLink(entity)
      links.kinds[entity.id] = entity.kind
    }
    for index in articles.indices { links.articles[articles[index].id] = views.makeLink(articles[index]) }
    links.page = views.makePage()
    for current in ["", "timeline", "articles", "search"] + briefing.kinds.map(\.folder) {
      links.navigation[current] = navigation(current: current.isEmpty ? nil : current)
    }
    views.links = links
    return views
  }

  /// What every page has: site title, navigation, the way to the root.
  func page(title: String, current: String?) -> Fields {
    var fields = links?.page ?? makePage()
    fields["pageTitle"] = .string(title)
    fields["nav"] = links?.navigation[current ?? ""] ?? navigation(current: current)
    return fields
  }

  /// Every field of `page(title:current:)` but the title and the navigation; with room for what
  /// the pages add, so that adding it does not grow the table.
  private func makePage() -> Fields {
    var fields = Fields(minimumCapacity: 48)
    fields["root"] = .string(root)
    fields["lang"] = .string(briefing.config.language)
    fields["siteTitle"] = .string(briefing.config.title)
    fields["asOf"] = briefing.asOf.map { date($0) } ?? false
    fields["siteExtra"] = .extra(briefing.config.extra)
    // What some pages add, false on the others, so that every page has every name its template
    // may use.
    for name in ["jsonLD", "searchable", "pager"] { fields[name] = false }
    return fields
  }

  private func navigation(current: String?) -> TemplateValue {
    func item(_ title: String, _ url: String, _ name: String) -> TemplateValue {
      ["title": .string(title), "url": .string(root + url), "current": .truth(current == name)]
    }
    var nav: [TemplateValue] = [item("Timeline", "timeline.html", "timeline")]
    for kind in briefing.kinds {
      nav.append(item(kind.title, kind.folder + "/index.html", kind.folder))
    }
    nav.append(item("Articles", "articles/index.html", "articles"))
    if search { nav.append(item("Search", "search.html", "search")) }
    return .list(nav)
  }

  func date(_ date: BriefingDate) -> TemplateValue {
    links?.dates[date] ?? makeDate(date)
  }

  private func makeDate(_ date: BriefingDate) -> TemplateValue {
    [
      "iso": .string(date.iso), "display": .string(date.display),
      "precision": .string(date.precision.rawValue),
    ]
  }

  func link(_ entity: Entity) -> Fields {
    links?.entities[entity.id] ?? makeLink(entity)
  }

  /// The link view of the article `id`, nil when there is none.
  func link(articleID id: String) -> Fields? {
    if let links { return links.articles[id] }
    return briefing.article(id: id).map(makeLink)
  }

  /// The link view of the entity `id`, nil when there is none: read without copying the entity.
  func link(id: String) -> Fields? {
    if let links { return links.entities[id] }
    return briefing.entityByID[id].map(makeLink)
  }

  /// The kind of the entity `id`, nil when there is none.
  func kind(of id: String) -> EntityKind? {
    if let links { return links.kinds[id] }
    return briefing.entityByID[id]?.kind
  }

  func link(_ article: Article) -> Fields {
    links?.articles[article.id] ?? makeLink(article)
  }

  // An entity's link view is made with room for the two or three fields a list adds to its items
  // ("count", "shared", "why"), so that adding them copies the table without growing it. An
  // article's, made for every article and held through the render, has no spare room: adding to a
  // copy makes one larger table instead, still one allocation.

  private func makeLink(_ entity: Entity) -> Fields {
    var fields = Fields(minimumCapacity: 9)
    fields["name"] = .string(entity.name)
    fields["url"] = .string(root + entity.url)
    fields["kind"] = .string(entity.kind.name)
    fields["summary"] = .text(entity.summary)
    fields["mentions"] = .int(briefing.mentionCount(of: entity.id))
    return fields
  }

  private func makeLink(_ article: Article) -> Fields {
    var fields = Fields(minimumCapacity: 6)
    fields["title"] = .string(article.title)
    fields["url"] = .string(root + article.pageURL)
    fields["excerpt"] = .truth(article.titleIsExcerpt)
    fields["date"] = article.date.map { date($0) } ?? false
    fields["source"] = .text(article.source)
    fields["dek"] = .text(article.dek)
    return fields
  }

  /// A list that templates can test for emptiness: the items, or false.
  func list(_ items: [Fields]) -> TemplateValue {
    items.isEmpty ? false : .list(items.map(TemplateValue.object))
  }

  // MARK: - Timeline

  /// The timeline entry at `place`; `sourceLimit` keeps a list short (the front page), pointing to
  /// the rest, whose sentences are not read.
  func entry(at place: Int, sourceLimit: Int) -> TemplateValue {
    var view = fields(at: place, sourceLimit: sourceLimit)
    let more = briefing.timeline.sourceCount(at: place) - sourceLimit
    view["moreSources"] = more > 0 ? .string(more == 1 ? "1 more source" : "\(more) more sources") : false
    return .object(view)
  }

  /// The timeline entry at `place`, with all its sources.
  func entry(at place: Int) -> TemplateValue { .object(fields(at: place, sourceLimit: Int.max)) }

  /// The view of the timeline entry at `place`, read by columns.
  private func fields(at place: Int, sourceLimit: Int) -> Fields {
    // Read in place: a copy of the timeline would take a reference to each of its columns.
    let entities = briefing.timeline.entityIDs(at: place)
    return [
      "date": date(briefing.timeline.date(at: place)),
      "end": briefing.timeline.end(at: place).map { date($0) } ?? false,
      "title": .string(briefing.timeline.title(at: place)),
      "url": briefing.timeline.event(at: place).map { .string(root + $0 + ".html") } ?? false,
      "people": list(entities.filter { kind(of: $0) == .person }.compactMap { link(id: $0) }),
      "issues": list(entities.filter { kind(of: $0) == .issue }.compactMap { link(id: $0) }),
      "sources": sources(briefing.timeline.sources(at: place, limit: sourceLimit)),
      "moreSources": false,
    ]
  }

  /// The sentences an entry rests on, each with its article.
  func sources(_ sources: [TimelineEntry.Source]) -> TemplateValue {
    let items = sourceItems(sources)
    return items.isEmpty ? false : .list(items)
  }

  func sourceItems(_ sources: [TimelineEntry.Source]) -> [TemplateValue] {
    sources.compactMap { source -> TemplateValue? in
      guard let article = link(articleID: source.article) else { return nil }
      return ["article": .object(article), "text": .string(source.text)]
    }
  }

  /// The timeline entries at `places` grouped by year, then month, oldest first.
  func grouped(_ places: some Sequence<Int>, sourceLimit: Int) -> [TemplateValue] {
    let timeline = briefing.timeline
    var years: [TemplateValue] = []
    var currentYear: Int?
    var months: [TemplateValue] = []
    var currentMonth: Int??
    var items: [TemplateValue] = []
    func closeMonth() {
      guard let month = currentMonth, let year = currentYear else { return }
      let name = month.map { BriefingDate.monthNames[$0 - 1] } ?? "During the year"
      months.append(
        [
          "month": .string(name), "id": .string("y\(year)-\(month.map(String.init) ?? "x")"),
          "entries": .list(items),
        ])
      items = []
    }
    func closeYear() {
      closeMonth()
      if let year = currentYear { years.append(["year": .int(year), "months": .list(months)]) }
      months = []
      currentMonth = nil
    }
    for place in places {
      let date = timeline.date(at: place)
      if date.year != currentYear {
        closeYear()
        currentYear = date.year
      }
      if currentMonth == nil || currentMonth! != date.month {
        closeMonth()
        currentMonth = .some(date.month)
      }
      items.append(entry(at: place, sourceLimit: sourceLimit))
    }
    closeYear()
    return years
  }

  func timelinePage() -> Fields {
    var context = page(title: "Timeline", current: "timeline")
    let years = grouped(briefing.timeline.indices, sourceLimit: Paging.entrySources)
    context["years"] = years.isEmpty ? false : .list(years)
    context["yearPages"] = false
    return context
  }

  // MARK: - Lists

  // MARK: - Mentions

  /// An entity's mentions grouped by article (newest first), each sentence with the name marked.
  func mentionsInContext(of id: String) -> [TemplateValue] {
    // Mentions are read in place, by their places in `briefing.mentions`, not copied.
    let mentions = briefing.mentions
    let found = briefing.documents(mentioning: id).compactMap {
      document, places -> (rank: Int, article: Fields, places: [Int])? in
      guard let rank = briefing.articleRank[document], let article = link(articleID: document) else {
        return nil
      }
      let kept = places.filter { !mentions.inHeading(at: $0) }
      return kept.isEmpty ? nil : (rank, article, kept)
    }
    return found.sorted { $0.rank < $1.rank }.map { _, article, places -> TemplateValue in
      let sentences = Views.firstOfEachSentence(places, in: mentions).map { place -> TemplateValue in
        ["html": .string(HTML.highlight(mentions.text(at: place), in: mentions.sentence(at: place)))]
      }
      return ["article": .object(article), "sentences": .list(sentences), "count": .int(places.count)]
    }
  }

  /// Of the mentions at `places` in `mentions`, all of one document, the place of the first in
  /// each sentence, in order. Sentences are told apart by their keys, without being read; an
  /// article names an entity a few times: the keys are compared as they are, and hashed only past
  /// a dozen.
  static func firstOfEachSentence(_ places: [Int], in mentions: Mentions) -> [Int] {
    var kept: [Int] = []
    var seen: Set<StoredText.Key> = []
    for place in places {
      let sentence = mentions.sentenceKey(at: place)
      if kept.count < 12 {
        guard !kept.contains(where: { mentions.sentenceKey(at: $0) == sentence }) else { continue }
      } else {
        if seen.isEmpty { seen = Set(kept.map { mentions.sentenceKey(at: $0) }) }
        guard seen.insert(sentence).inserted else { continue }
      }
      kept.append(place)
    }
    return kept
  }

  /// The articles that mention an entity, each once.
  func articles(mentioning id: String) -> [String] {
    briefing.documents(mentioning: id).map(\.document).filter { $0.hasPrefix("articles/") }
  }

  /// How many entities "mentioned with" lists.
  static let mentionedWithLimit = 12

  /// Entities that share articles with `id`, with how many articles they share.
  func mentionedWith(_ id: String) -> TemplateValue {
    let ranked = aggregates.sharedArticles(briefing).of(id).prefix(Views.mentionedWithLimit)
    return list(
      ranked.compactMap { other, count in
        link(id: other).map { link -> Fields in
          var item = link
          item["shared"] = .int(count)
          item["sharedLabel"] = .string(count == 1 ? "1 article" : "\(count) articles")
          return item
        }
      })
  }

  static func atomTimestamp(_ date: BriefingDate) -> String {
    let day = date.day ?? 1
    let month = date.month ?? 1
    return "\(date.year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)T00:00:00Z"
  }
}

extension TemplateValue {
  /// Optional text: the text, or false, so a template can test for it.
  static func text(_ text: String?) -> TemplateValue { text.map { .string($0) } ?? false }

  /// The user's own fields (`extra:`) as they were written, or false when there are none.
  static func extra(_ value: FrontMatter.Value?) -> TemplateValue {
    guard let value else { return false }
    switch value {
    case .scalar(let text): return .string(text)
    case .list(let items): return .list(items.map { extra($0) })
    case .map(let fields):
      return .object(
        TemplateFields(
          Dictionary(fields.map { ($0.key, extra($0.value)) }, uniquingKeysWith: { first, _ in first })))
    }
  }
}
