/// Merges curated events with the dated sentences of the articles into one chronology.
///
/// A dated sentence that falls on an event's date and names the event, or shares its people,
/// issues or organizations (in the sentence or the one before it), becomes a source of that event.
/// The others stand as entries of their own, titled by their sentence.
enum TimelineBuilder {
  static func build(
    events: [Entity], connections: [String: [String]], mentionsByEntity: [String: [Mention]],
    dated: [DatedMention], entityByID: [String: Entity]
  ) -> [TimelineEntry] {
    let datedEvents = events.filter { $0.kind == .event && $0.date != nil }
    // Events by year: a dated sentence is compared only with the events of its year (and those
    // whose range reaches into it).
    var eventsByYear: [Int: [Entity]] = [:]
    for event in datedEvents {
      let last = event.end?.year ?? event.date!.year
      for year in event.date!.year...max(event.date!.year, last) {
        eventsByYear[year, default: []].append(event)
      }
    }
    var attached: [String: [TimelineEntry.Source]] = [:]
    var standalone: [TimelineEntry] = []
    var seenStandalone: Set<TimelineEntry.Source> = []

    for mention in dated {
      var best: [String] = []
      var bestScore = 0
      for event in eventsByYear[mention.date.year] ?? [] where covers(event.date!, event.end, mention.date) {
        let related = Set(connections[event.id] ?? [])
        var score: Int
        if mention.entities.contains(event.id) {
          score = 100
        } else {
          score =
            2 * mention.entities.filter(related.contains).count
            + mention.context.filter(related.contains).count
        }
        // Between equally related events, the one on that very day wins over the one in that month.
        if score > 0 { score = 2 * score + (event.date!.precision == mention.date.precision ? 1 : 0) }
        if score > bestScore {
          best = [event.id]
          bestScore = score
        } else if score == bestScore && score > 0 {
          best.append(event.id)
        }
      }
      let source = TimelineEntry.Source(article: mention.document, text: mention.sentence)
      if best.isEmpty {
        guard seenStandalone.insert(source).inserted else { continue }
        standalone.append(
          TimelineEntry(
            date: mention.date, title: title(of: mention.sentence), event: nil,
            entities: mention.entities.filter { entityByID[$0]?.kind != .event }, sources: [source]))
      } else {
        for id in best where !(attached[id]?.contains(source) ?? false) {
          attached[id, default: []].append(source)
        }
      }
    }

    let curated = datedEvents.map { event -> TimelineEntry in
      var sources = attached[event.id] ?? []
      for mention in mentionsByEntity[event.id] ?? []
      where mention.document.hasPrefix("articles/") && !mention.inHeading {
        let source = TimelineEntry.Source(article: mention.document, text: mention.sentence)
        if !sources.contains(source) { sources.append(source) }
      }
      return TimelineEntry(
        date: event.date!, end: event.end, title: event.name, event: event.id,
        entities: (connections[event.id] ?? []).filter { entityByID[$0].map { $0.kind != .event } ?? false },
        sources: sources)
    }
    return (curated + standalone).sorted {
      ($0.date, $0.event == nil ? 1 : 0, $0.title) < ($1.date, $1.event == nil ? 1 : 0, $1.title)
    }
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
    let words = sentence.split(separator: " ")
    guard words.count > 18 else { return sentence }
    return words.prefix(18).joined(separator: " ") + "…"
  }
}
