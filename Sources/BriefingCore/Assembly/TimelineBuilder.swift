/// Merges curated events with the dated sentences of the articles into one chronology.
///
/// A sentence becomes a source of a curated event by evidence: it names the event (or an alias),
/// or it is dated to the event's very day and names at least two of the event's people, issues
/// and organizations (all of them when it has just one; the sentence before counts too, as the
/// sentence goes on from it). An event known only to its month, year or roughly needs its name. A sentence
/// with a precise date of its own that is not the event's day never joins the event (it stands on
/// its own date instead). Dated sentences that join no event stand as entries of their own,
/// titled by their sentence.
enum TimelineBuilder {
  static func build(
    events: [Entity], connections: [String: [String]], mentionsOf: (String) -> [Mention],
    dated: [DatedMention], entityByID: [String: Entity]
  ) -> Timeline {
    let datedEvents = events.filter { $0.kind == .event && $0.date != nil }
    // What a dated sentence is compared with, made once per event rather than once per sentence.
    let candidates = datedEvents.map { event in
      Candidate(id: event.id, date: event.date!, end: event.end, related: Set(connections[event.id] ?? []))
    }
    // Events by year: a dated sentence is compared only with the events of its year (and those
    // whose range reaches into it).
    var eventsByYear: [Int: [Int]] = [:]
    for (index, event) in candidates.enumerated() {
      let last = event.end?.year ?? event.date.year
      for year in event.date.year...max(event.date.year, last) {
        eventsByYear[year, default: []].append(index)
      }
    }
    // Each sentence is scored against the events on its own, the sentences spread over the
    // processors; they are then taken in order.
    let eventsOfYear = eventsByYear
    let ranked = Concurrently.map(dated) { mention in
      bestEvents(for: mention, candidates: candidates, eventsByYear: eventsOfYear)
    }
    var attached: [String: [TimelineEntry.Source]] = [:]
    var attachedSet: [String: Set<TimelineEntry.Source>] = [:]
    // The sentences' entries first, the curated events' after them; the order is set at the end.
    var entries = Timeline.Builder()
    // A sentence stands once, at its first date. The dated sentences of a document come together,
    // so the sentences seen are those of the current document.
    var seenStandalone: Set<String> = []
    var document = ""
    let eventIDs = Set(entityByID.values.lazy.filter { $0.kind == .event }.map(\.id))

    for (mention, best) in zip(dated, ranked) {
      if best.isEmpty {
        if mention.document != document {
          document = mention.document
          seenStandalone.removeAll(keepingCapacity: true)
        }
        guard seenStandalone.insert(mention.sentence).inserted else { continue }
        // Titled by its sentence (`title(of:)`), which the timeline keeps as a length of it.
        entries.append(
          date: mention.date, end: nil, title: nil, event: nil,
          entities: mention.entities.filter { !eventIDs.contains($0) },
          sources: [(mention.document, StoredText(mention.sentence))])
      } else {
        let source = TimelineEntry.Source(article: mention.document, text: mention.sentence)
        for id in best where attachedSet[id, default: []].insert(source).inserted {
          attached[id, default: []].append(source)
        }
      }
    }

    // Where each document's dated sentences stand in `dated`, which holds them together: for the
    // precise dates a sentence gives itself.
    let datedRuns = dated.indices.runs { dated[$0].document }
    for event in datedEvents {
      var sources = (attached[event.id] ?? []).map { (article: $0.article, text: StoredText($0.text)) }
      var seen = attachedSet[event.id] ?? []
      for mention in mentionsOf(event.id)
      where mention.document.hasPrefix("articles/") && !mention.inHeading {
        // "He departed from Haneda Airport on Sunday …" names the inauguration but reports Sunday.
        let sentence = mention.sentence
        var days: [BriefingDate] = []
        for place in (datedRuns[mention.document] ?? []).joined()
        where dated[place].date.precision == .day && dated[place].sentence == sentence {
          days.append(dated[place].date)
        }
        if !days.isEmpty, !days.contains(where: { covers(event.date!, event.end, $0) }) { continue }
        if seen.insert(TimelineEntry.Source(article: mention.document, text: sentence)).inserted {
          sources.append((mention.document, mention.storedSentence))
        }
      }
      entries.append(
        date: event.date!, end: event.end, title: event.name, event: event.id,
        entities: (connections[event.id] ?? []).filter {
          entityByID[$0].map { $0.kind != .event } ?? false
        },
        sources: sources)
    }
    return entries.timeline(order: order(of: entries))
  }

  /// The timeline's order: by date, curated first, then title, equal entries in the order made.
  /// The date and standing are one integer; titles are read only among entries whose integers
  /// tie. Curated and sentence entries never share a key, so which group was made first does not
  /// matter.
  private static func order(of entries: Timeline.Builder) -> [Int] {
    let keys = (0..<entries.count).map {
      entries.date(at: $0).orderKey * 2 + (entries.isEvent(at: $0) ? 0 : 1)
    }
    var order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
    var start = 0
    while start < order.count {
      var end = start + 1
      while end < order.count && keys[order[end]] == keys[order[start]] { end += 1 }
      if end - start > 1 {
        let titles = order[start..<end].map { entries.title(at: $0) }
        let sorted = titles.indices.sorted { titles[$0] != titles[$1] ? titles[$0] < titles[$1] : $0 < $1 }
        let run = Array(order[start..<end])
        for (offset, place) in sorted.enumerated() { order[start + offset] = run[place] }
      }
      start = end
    }
    return order
  }

  /// The events a dated sentence belongs to: those it names, or failing that those on its day
  /// that share the most of their people, issues and organizations with it (ties all go).
  private static func bestEvents(
    for mention: DatedMention, candidates: [Candidate], eventsByYear: [Int: [Int]]
  ) -> [String] {
    var best: [String] = []
    var bestScore = 0
    for index in eventsByYear[mention.date.year] ?? [] {
      // Dates first: most events of the year are on other days, and are passed over unread.
      let date = candidates[index].date
      guard covers(date, candidates[index].end, mention.date) else { continue }
      let id = candidates[index].id
      var score: Int
      if mention.entities.contains(id) {
        score = 100
      } else if date.precision == .day, mention.date.precision == .day {
        let related = candidates[index].related
        // Named in the sentence or in the one before it, which it goes on from ("An initial
        // meeting is arranged for February 7" follows the sentence naming both leaders). An event
        // with a single person needs that one.
        let shared = Set(mention.entities.filter(related.contains)).union(
          mention.context.filter(related.contains))
        score = !related.isEmpty && shared.count >= min(2, related.count) ? shared.count : 0
      } else {
        score = 0
      }
      // Between equally related events, the one on that very day wins over the one in that month.
      if score > 0 { score = 2 * score + (date.precision == mention.date.precision ? 1 : 0) }
      if score > bestScore {
        best = [id]
        bestScore = score
      } else if score == bestScore && score > 0 {
        best.append(id)
      }
    }
    return best
  }

  /// A dated event as a dated sentence is compared with it.
  private struct Candidate: Sendable {
    var id: String
    var date: BriefingDate
    var end: BriefingDate?
    /// The entities connected to it through front matter.
    var related: Set<String>
  }

  /// Whether a date mentioned falls on an event's date (or within its month, year or range).
  static func covers(_ event: BriefingDate, _ end: BriefingDate?, _ date: BriefingDate) -> Bool {
    guard date.precision != .approximate, event.precision != .approximate else { return false }
    if let end, date.precision == .day, event.precision == .day {
      return date.dayNumber >= event.dayNumber && date.dayNumber <= end.dayNumber
    }
    switch event.precision {
    case .day: return date.precision == .day && date == event
    case .month: return date.year == event.year && date.month == event.month
    case .year: return date.year == event.year
    case .approximate: return false
    }
  }

  /// A sentence as an entry's title: at most eighteen words.
  static func title(of sentence: String) -> String {
    if sentence.utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII: the words are the runs of bytes between spaces.
      let words = sentence.utf8.split(separator: 0x20)
      guard words.count > 18 else { return sentence }
      return words.prefix(18).map { String(Substring($0)) }.joined(separator: " ") + "…"
    }
    let words = sentence.split(separator: " ")
    guard words.count > 18 else { return sentence }
    return words.prefix(18).joined(separator: " ") + "…"
  }
}
