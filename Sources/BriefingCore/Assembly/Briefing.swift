/// The whole briefing once read, resolved and linked: what every page and export is made from.
///
/// Every lookup a page needs (connections, mentions by entity, counts) is computed once here, so
/// rendering one page never walks the whole corpus.
public struct Briefing: Sendable {
  public var config: BriefingConfig
  /// Entities by kind (issues, people, events, organizations, others), then name.
  public var entities: [Entity]
  /// Articles newest first; undated ones last, by title.
  public var articles: [Article]
  /// Every mention, in document order.
  public var mentions: Mentions
  /// The chronology, oldest first.
  public var timeline: Timeline
  /// Quoted speech from the articles, in article order.
  public var quotes: [Quote]
  /// Passages of the articles that discuss each issue.
  public var passages: Passages
  /// The latest article date: what the briefing is current to. Never the build clock.
  public var asOf: BriefingDate?

  public let entityByID: [String: Entity]
  /// Each article's place in `articles` (newest first): for ordering without a scan, and for
  /// finding an article by id without a second copy of every article.
  public let articleRank: [String: Int]
  /// Entities connected through front matter, either direction, sorted by id.
  public let connections: [String: [String]]
  /// Each entity's mentions, as places in `mentions` (document order): places rather than copies,
  /// so grouping half a million mentions moves integers, not strings.
  let mentionPlaces: [String: Places]
  /// Where each document's mentions stand in `mentions`, which holds them together.
  let mentionRuns: [String: [Range<Int>]]
  public let quotesBySpeaker: [String: [Quote]]
  /// Quotes by the article they come from, in the order they stand.
  public let quotesByDocument: [String: ArraySlice<Quote>]
  /// For every issue, the places in `passages` of the passages that discuss it, in article order.
  let discussing: [String: Places]
  /// For every entity, the places in `passages` of the passages that name it: places rather than
  /// copies, since a passage names several entities.
  let passagePlaces: [String: Places]
  /// For each entity, the indices of the timeline entries that concern it.
  let timelineIndex: [String: Places]

  /// Puts the stages' results together.
  public init(
    config: BriefingConfig, entities: [Entity], articles: [Article],
    relations: [String: [String: [String]]], mentions: [Mention], dated: [DatedMention] = [],
    quotes: [Quote] = [], passages: [Passage] = []
  ) {
    self.init(
      config: config, entities: entities, articles: articles, relations: relations,
      mentionTable: Mentions(mentions), dated: dated, quotes: quotes, passageTable: Passages(passages))
  }

  init(
    config: BriefingConfig, entities: [Entity], articles: [Article],
    relations: [String: [String: [String]]], mentionTable mentions: Mentions, dated: [DatedMention],
    quotes: [Quote], passageTable passages: Passages
  ) {
    self.quotes = quotes
    self.passages = passages
    self.config = config
    let entityByID = Dictionary(entities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    self.entityByID = entityByID
    self.entities = entityByID.values.sorted { ($0.kind, $0.name, $0.id) < ($1.kind, $1.name, $1.id) }
    // One article for each id, the first given (the resolver reports the others). Newest first,
    // undated last, then by title and id so the order never depends on input order; sorted as keys
    // with their places, and the articles put in that order in place when none is dropped, so no
    // second copy of every article is made.
    // What the briefing is current to, from every article given, before they are moved.
    let asOf = articles.compactMap(\.date).max()
    var seen: Set<String> = []
    let kept = articles.indices.filter { seen.insert(articles[$0].id).inserted }
    let dateKeys = kept.map { articles[$0].date?.orderKey ?? Int.min }
    let order = kept.indices.sorted { a, b in
      if dateKeys[a] != dateKeys[b] { return dateKeys[a] > dateKeys[b] }
      let (first, second) = (articles[kept[a]], articles[kept[b]])
      return (first.title, first.id) < (second.title, second.id)
    }.map { kept[$0] }
    if order.count == articles.count {
      var articles = articles
      articles.rearrange(by: order)
      self.articles = articles
    } else {
      self.articles = order.map { articles[$0] }
    }
    self.kinds = Array(Set(entities.map(\.kind))).sorted()
    self.articleRank = Dictionary(uniqueKeysWithValues: self.articles.enumerated().map { ($1.id, $0) })
    self.mentions = mentions

    var connected: [String: Set<String>] = [:]
    for (from, byKey) in relations {
      for ids in byKey.values {
        for to in ids where to != from {
          connected[from, default: []].insert(to)
          connected[to, default: []].insert(from)
        }
      }
    }
    let connections = connected.mapValues { $0.sorted() }
    self.connections = connections

    // The timeline (and the mentions by entity it needs) on one processor, the other groupings
    // on the other: neither reads what the other makes.
    let (chronology, grouped) = Concurrently.run(
      {
        var places: [String: Places] = [:]
        for place in mentions.indices { places[mentions.entity(at: place), default: []].append(place) }
        let timeline = TimelineBuilder.build(
          events: entities, connections: connections,
          mentionsOf: { id in (places[id] ?? []).map { mentions[$0] } }, dated: dated, entityByID: entityByID)
        var timelineIndex: [String: Places] = [:]
        for index in timeline.indices {
          let event = timeline.event(at: index)
          if let event { timelineIndex[event, default: []].append(index) }
          for id in timeline.entityIDs(at: index) where id != event {
            timelineIndex[id, default: []].append(index)
          }
        }
        return (mentionPlaces: places, timeline: timeline, timelineIndex: timelineIndex)
      },
      {
        var naming: [String: Places] = [:]
        var discussing: [String: Places] = [:]
        for place in passages.indices {
          discussing[passages.entity(at: place), default: []].append(place)
          for id in passages.entityIDs(at: place) { naming[id, default: []].append(place) }
        }
        return (
          mentionRuns: mentions.indices.runs(by: mentions.document(at:)),
          quotesBySpeaker: Dictionary(grouping: quotes.filter { $0.speaker != nil }, by: { $0.speaker! }),
          quotesByDocument: quotes.grouped(inRunsBy: \.document),
          discussing: discussing,
          passagePlaces: naming
        )
      })
    self.mentionPlaces = chronology.mentionPlaces
    self.timeline = chronology.timeline
    self.timelineIndex = chronology.timelineIndex
    self.mentionRuns = grouped.mentionRuns
    self.quotesBySpeaker = grouped.quotesBySpeaker
    self.quotesByDocument = grouped.quotesByDocument
    self.discussing = grouped.discussing
    self.passagePlaces = grouped.passagePlaces
    self.asOf = asOf
  }

  /// Puts the stages' results together: the entities and articles read, their relations, and
  /// what the analysis of every document found.
  public init(
    config: BriefingConfig, entities: [Entity], articles: [Article], relations: [String: [String: [String]]],
    findings: Findings
  ) {
    self.init(
      config: config, entities: entities, articles: articles, relations: relations,
      mentionTable: findings.mentions,
      dated: findings.dated, quotes: findings.quotes, passageTable: findings.passages)
  }

  /// The article `id`, nil when there is none.
  public func article(id: String) -> Article? {
    articleRank[id].map { articles[$0] }
  }

  /// The entity of each mention in one document, in order: what counting needs, without the rest
  /// of each mention.
  public func entitiesMentioned(inDocument id: String) -> [String] {
    (mentionRuns[id] ?? []).flatMap { $0.map(mentions.entity(at:)) }
  }

  /// The documents that mention anything, in no particular order.
  public var documentsWithMentions: Dictionary<String, [Range<Int>]>.Keys {
    mentionRuns.keys
  }

  /// The entities of `kind`, in display order.
  public func entities(of kind: EntityKind) -> [Entity] {
    entities.filter { $0.kind == kind }
  }

  /// The kinds present, in navigation order.
  public let kinds: [EntityKind]

  /// How many times an entity is mentioned in articles and notes.
  public func mentionCount(of id: String) -> Int {
    mentionPlaces[id]?.count ?? 0
  }

  /// An entity's mentions in articles and notes, in document order.
  public func mentions(of id: String) -> [Mention] {
    (mentionPlaces[id] ?? []).map { mentions[$0] }
  }

  /// The words that name an entity in articles and notes ("Nakatani", "Gen Nakatani"), each once.
  public func names(of id: String) -> Set<String> {
    var names: Set<String> = []
    for place in mentionPlaces[id] ?? [] { names.insert(mentions[place].text) }
    return names
  }

  /// The documents that mention an entity, each once, in document order, with the places in
  /// `mentions` of its mentions there. A document's mentions stand together in `mentions`, so
  /// each document is one run of places and nothing is hashed.
  public func documents(mentioning id: String) -> [(document: String, places: Slice<Places>)] {
    let places = mentionPlaces[id] ?? []
    var runs: [(document: String, places: Slice<Places>)] = []
    var start = places.startIndex
    while start < places.endIndex {
      let document = mentions.document(at: places[start])
      var end = start + 1
      while end < places.endIndex, mentions.document(at: places[end]) == document { end += 1 }
      runs.append((document, places[start..<end]))
      start = end
    }
    return runs
  }

  /// The passages that discuss the issue `id`, in article order.
  public func passages(about id: String) -> [Passage] {
    passagePlaces(about: id).map { passages[$0] }
  }

  /// The places in `passages` of the passages that discuss the issue `id`, in article order.
  public func passagePlaces(about id: String) -> Places {
    discussing[id] ?? []
  }

  /// The passages that name `id`, in article order.
  public func passages(naming id: String) -> [Passage] {
    passagePlaces(naming: id).map { passages[$0] }
  }

  /// The places in `passages` of the passages that name `id`, in article order.
  public func passagePlaces(naming id: String) -> Places {
    passagePlaces[id] ?? []
  }

  /// The timeline entries that concern `id` (its own event, or entries naming it).
  public func timeline(for id: String) -> [TimelineEntry] {
    timelinePlaces(for: id).map { timeline[$0] }
  }

  /// The places in `timeline` of the entries that concern `id`, in order.
  public func timelinePlaces(for id: String) -> Places {
    timelineIndex[id] ?? []
  }

  /// Where an event's own entry is in the timeline.
  public func timelineIndex(ofEvent id: String) -> Int? {
    timelineIndex[id]?.first { timeline.event(at: $0) == id }
  }

  /// An entity's connected entities of one kind.
  public func connections(of id: String, kind: EntityKind) -> [Entity] {
    (connections[id] ?? []).compactMap { entityByID[$0] }.filter { $0.kind == kind }
      .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
  }
}
