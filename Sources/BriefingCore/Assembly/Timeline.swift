/// The chronology kept by columns: each id and date once, a row of small numbers per entry, and the
/// sources' sentences kept where they already are (a sentence a curated event takes from a
/// mention stays in the build's scratch file). A sentence's own entry keeps its title as how many
/// bytes of its sentence the title takes (-1: all of it). A timeline holds an entry for most dated
/// sentences of the corpus; as `TimelineEntry` values each held a title, an array of sources and
/// one of ids (about 400 bytes), as a row it is 24 bytes, 20 a source (its article and its
/// sentence's place, or a held sentence) and 4 an id.
///
/// Read like an array of `TimelineEntry`; the column readers (`date(at:)`, `event(at:)`, …) read
/// one field without making the entry, whose sources' texts may have to be read back.
public struct Timeline: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
  private struct Row: Sendable {
    /// Places in `dates`; `end` is -1 for none.
    var date: Int32
    var end: Int32
    /// A place in `strings`, -1 for an entry that is no curated event.
    var event: Int32
    /// A place in `titles`; or, for a title made from the first source's sentence, -1 when it is
    /// the whole sentence and -2 - n when it is the sentence's first n bytes and "…".
    var title: Int32
    /// Where the entry's entities end in `named`, and its sources in `sources`: each starts where
    /// the row before's ends.
    var namedEnd: Int32
    var sourcesEnd: Int32
  }

  private struct SourceRow: Sendable {
    /// A place in `strings`.
    var article: Int32
    /// A place in `texts`.
    var text: Int32
  }

  private var strings: [String] = []
  private var dates: [BriefingDate] = []
  private var titles: [String] = []
  private var texts = Texts()
  private var rows: [Row] = []
  private var named: [Int32] = []
  private var sources: [SourceRow] = []

  public init() {}

  /// The entries in the order given.
  public init(_ entries: some Sequence<TimelineEntry>) {
    var builder = Builder()
    for entry in entries {
      builder.append(
        date: entry.date, end: entry.end, title: entry.title, event: entry.event, entities: entry.entities,
        sources: entry.sources.map { ($0.article, StoredText($0.text)) })
    }
    self = builder.timeline(order: Array(0..<builder.count))
  }

  public init(arrayLiteral elements: TimelineEntry...) {
    self.init(elements)
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { rows.count }

  public subscript(position: Int) -> TimelineEntry {
    entry(at: position, sourceLimit: Int.max)
  }

  /// The entry at `position` with its first `limit` sources only: a short list reads no more.
  public func entry(at position: Int, sourceLimit limit: Int) -> TimelineEntry {
    TimelineEntry(
      date: date(at: position), end: end(at: position), title: title(at: position),
      event: event(at: position), entities: entities(at: position),
      sources: sources(at: position, limit: limit))
  }

  public func date(at position: Int) -> BriefingDate {
    dates[Int(rows[position].date)]
  }

  public func end(at position: Int) -> BriefingDate? {
    let end = rows[position].end
    return end < 0 ? nil : dates[Int(end)]
  }

  /// The curated event of the entry at `position`, nil for a sentence's own entry.
  public func event(at position: Int) -> String? {
    let event = rows[position].event
    return event < 0 ? nil : strings[Int(event)]
  }

  public func title(at position: Int) -> String {
    let title = rows[position].title
    if title >= 0 { return titles[Int(title)] }
    let sentence = texts[Int(sources[sourceRange(at: position).lowerBound].text)].text
    if title == -1 { return sentence }
    return String(Substring(sentence.utf8.prefix(Int(-2 - title)))) + "…"
  }

  /// The people, issues and organizations the entry at `position` concerns, by id.
  public func entities(at position: Int) -> [String] {
    Array(entityIDs(at: position))
  }

  /// The entities of the entry at `position`, read in place.
  public func entityIDs(at position: Int) -> some Sequence<String> {
    let end = Int(rows[position].namedEnd)
    let start = position == 0 ? 0 : Int(rows[position - 1].namedEnd)
    // The strings alone are taken along, not the whole table.
    let strings = self.strings
    return named[start..<end].lazy.map { strings[Int($0)] }
  }

  /// The first `limit` sources of the entry at `position`: a short list reads no more sentences.
  public func sources(at position: Int, limit: Int = Int.max) -> [TimelineEntry.Source] {
    sourceRange(at: position).prefix(limit).map { source(at: $0) }
  }

  /// How many sources the entry at `position` has.
  public func sourceCount(at position: Int) -> Int {
    sourceRange(at: position).count
  }

  /// The articles of the entry's sources, in order, without their sentences.
  public func sourceArticles(at position: Int) -> [String] {
    sourceRange(at: position).map { strings[Int(sources[$0].article)] }
  }

  private func sourceRange(at position: Int) -> Range<Int> {
    (position == 0 ? 0 : Int(rows[position - 1].sourcesEnd))..<Int(rows[position].sourcesEnd)
  }

  private func source(at place: Int) -> TimelineEntry.Source {
    TimelineEntry.Source(
      article: strings[Int(sources[place].article)], text: texts[Int(sources[place].text)].text)
  }

  public static func == (lhs: Timeline, rhs: Timeline) -> Bool {
    lhs.elementsEqual(rhs)
  }

  /// Entries gathered in any order, then put in the timeline's order.
  struct Builder {
    private var all = Timeline()
    private var strings = Interned()
    private var dateNumbers: [BriefingDate: Int32] = [:]

    var count: Int { all.rows.count }

    /// Adds an entry; a nil `title` is made from the first source's sentence
    /// (`TimelineBuilder.title(of:)`), and kept as the length of the sentence it is when it can be.
    mutating func append(
      date: BriefingDate, end: BriefingDate?, title: String?, event: String?, entities: [String],
      sources: [(article: String, text: StoredText)]
    ) {
      precondition(title != nil || !sources.isEmpty, "an entry without a title has a source")
      for id in entities { all.named.append(strings.number(id)) }
      for source in sources {
        all.sources.append(SourceRow(article: strings.number(source.article), text: Int32(all.texts.count)))
        all.texts.append(source.text)
      }
      let titleNumber: Int32
      if let title {
        titleNumber = Int32(all.titles.count)
        all.titles.append(title)
      } else {
        let sentence = sources[0].text.text
        let made = TimelineBuilder.title(of: sentence)
        let cut = made.utf8.count - 3  // before "…"
        if made == sentence {
          titleNumber = -1
        } else if made.hasSuffix("…"), sentence.utf8.starts(with: made.utf8.prefix(cut)), cut < Int32.max - 2
        {
          titleNumber = -2 - Int32(cut)
        } else {
          titleNumber = Int32(all.titles.count)
          all.titles.append(made)
        }
      }
      all.rows.append(
        Row(
          date: number(date), end: end.map { number($0) } ?? -1,
          event: event.map { strings.number($0) } ?? -1,
          title: titleNumber, namedEnd: Int32(all.named.count), sourcesEnd: Int32(all.sources.count)))
    }

    private mutating func number(_ date: BriefingDate) -> Int32 {
      if let known = dateNumbers[date] { return known }
      let number = Int32(all.dates.count)
      dateNumbers[date] = number
      all.dates.append(date)
      return number
    }

    /// The title of the entry added `index`th.
    func title(at index: Int) -> String { all.title(at: index) }

    /// The date of the entry added `index`th.
    func date(at index: Int) -> BriefingDate { all.date(at: index) }

    /// Whether the entry added `index`th is a curated event.
    func isEvent(at index: Int) -> Bool { all.rows[index].event >= 0 }

    /// The entries, the one added `order[0]`th first. Each entry's ids and sources are copied to
    /// their new place; the texts and titles stay where they are.
    func timeline(order: [Int]) -> Timeline {
      precondition(order.count == count, "an order names every entry once")
      var timeline = all
      timeline.strings = strings.strings
      timeline.rows = []
      timeline.rows.reserveCapacity(order.count)
      timeline.named = []
      timeline.named.reserveCapacity(all.named.count)
      timeline.sources = []
      timeline.sources.reserveCapacity(all.sources.count)
      for index in order {
        var row = all.rows[index]
        let previous = index == 0 ? nil : all.rows[index - 1]
        timeline.named += all.named[Int(previous?.namedEnd ?? 0)..<Int(row.namedEnd)]
        timeline.sources += all.sources[Int(previous?.sourcesEnd ?? 0)..<Int(row.sourcesEnd)]
        row.namedEnd = Int32(timeline.named.count)
        row.sourcesEnd = Int32(timeline.sources.count)
        timeline.rows.append(row)
      }
      return timeline
    }
  }
}
