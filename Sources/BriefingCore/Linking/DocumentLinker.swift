/// Links one article or note: finds every mention in its runs of text, resolves names shared by
/// several entities from the document's context, and decides which mentions become links.
public struct DocumentLinker: Sendable {
  /// A run of text to link: a paragraph of a plain-text article, or a text node of Markdown.
  public struct Run: Sendable {
    public var text: String
    /// False in headings: mentions are counted but not linked.
    public var linkable: Bool
    /// 1-based line in the file, for diagnostics.
    public var line: Int
    /// Whether `[[wikilinks]]` are read (Markdown only).
    public var wikilinks: Bool
    /// Runs with the same paragraph number are read as one paragraph for sentences, dates and
    /// quotes (Markdown text split by emphasis or line breaks); nil: a paragraph of its own.
    public var paragraph: Int?
    /// What stands between the previous run of the paragraph and this one (a line break's space,
    /// a code span, a link's words): read, never linked.
    public var joiner: String

    public init(
      text: String, linkable: Bool = true, line: Int, wikilinks: Bool, paragraph: Int? = nil,
      joiner: String = ""
    ) {
      self.text = text
      self.linkable = linkable
      self.line = line
      self.wikilinks = wikilinks
      self.paragraph = paragraph
      self.joiner = joiner
    }
  }

  /// The document being linked.
  public struct Context: Sendable {
    /// `articles/x` or `people/y`.
    public var document: String
    public var file: String
    /// The article's date, for choosing between events that share a name.
    public var date: BriefingDate?

    public init(document: String, file: String, date: BriefingDate?) {
      self.document = document
      self.file = file
      self.date = date
    }
  }

  /// A piece of linked text.
  public enum Segment: Sendable, Hashable {
    case text(String)
    /// Words that name an entity; `link` is false where the mention is counted but not linked.
    case entity(id: String, text: String, link: Bool)
  }

  /// The result for one document.
  public struct Result: Sendable {
    /// Segments for each run, in order.
    public var segments: [[Segment]]
    /// What the document says: mentions, dated sentences, quotes, passages, problems.
    public var findings: Findings
  }

  let names: NameIndex
  let matcher: Matcher
  let dates: [String: BriefingDate]
  /// The given name of each person named "Given Family", for "Iwaya Takeshi" after a title.
  let givenNames: [String: [UInt8]]
  let policy: BriefingConfig.LinkPolicy
  /// Whether to collect capitalized names in articles that match no entity (for `briefing check`).
  let collectUnknownNames: Bool
  /// What reads an article's prose once its names are found: quotes, dates, passages.
  let extractors: [any Extractor] = Extractors.all

  public init(entities: [Entity], policy: BriefingConfig.LinkPolicy, collectUnknownNames: Bool = false) {
    self.collectUnknownNames = collectUnknownNames
    names = NameIndex(entities)
    matcher = Matcher(index: AliasIndex(entities))
    var dates: [String: BriefingDate] = [:]
    var givenNames: [String: [UInt8]] = [:]
    for entity in entities {
      if let date = entity.date { dates[entity.id] = date }
      let parts = entity.name.split(separator: " ")
      if entity.kind == .person, parts.count == 2 { givenNames[entity.id] = Array(parts[0].utf8) }
    }
    self.dates = dates
    self.givenNames = givenNames
    self.policy = policy
  }

  /// One found name in a run: its UTF-8 range, and the entity it names once resolved.
  private struct Piece {
    var start: Int
    var end: Int
    var candidates: [String]
    var explicit: Bool
  }

  public func link(_ runs: [Run], context: Context) -> Result {
    // Phase 1: every name in every run, with the entities it may name.
    let own = context.document
    var pieces: [[Piece]] = runs.map { run in
      var found: [Piece] = []
      let utf8 = run.text.utf8
      var plainStart = 0
      let wikilinks = run.wikilinks ? Wikilink.all(in: run.text) : []
      func scan(_ from: Int, _ to: Int) {
        guard from < to else { return }
        let lower = utf8.index(utf8.startIndex, offsetBy: from)
        let upper = utf8.index(utf8.startIndex, offsetBy: to)
        for hit in matcher.find(in: run.text[lower..<upper]) {
          let ids = hit.candidates.map(\.entity).filter { $0 != own }
          guard !ids.isEmpty else { continue }
          var end = from + hit.end
          // "Foreign Minister Iwaya Takeshi": a person named family name first takes the given name too.
          if ids.count == 1, let given = givenNames[ids[0]] { end += following(given, in: utf8, at: end) }
          let pairs =
            ids.allSatisfy { !$0.hasPrefix("people/") } ? namesInPair(run.text, from + hit.start, end) : []
          if let last = pairs.last {
            // "Ishiba-Trump summit": both people, and the event in the words after them.
            found += pairs
            var rest = last.end
            while rest < end, utf8[utf8.index(utf8.startIndex, offsetBy: rest)] == 0x20 { rest += 1 }
            if rest < end { found.append(Piece(start: rest, end: end, candidates: ids, explicit: false)) }
          } else {
            found.append(Piece(start: from + hit.start, end: end, candidates: ids, explicit: false))
          }
        }
      }
      for wikilink in wikilinks {
        let start = utf8.distance(from: utf8.startIndex, to: wikilink.range.lowerBound)
        let end = utf8.distance(from: utf8.startIndex, to: wikilink.range.upperBound)
        scan(plainStart, start)
        found.append(
          Piece(start: start, end: end, candidates: names.resolve(wikilink.target), explicit: true))
        plainStart = end
      }
      scan(plainStart, utf8.count)
      return found
    }

    // Phase 2: a shared name goes to the entity the document names unambiguously elsewhere, or to
    // the event nearest the document's date; otherwise it stays unlinked and is reported.
    let certain = Set(pieces.joined().filter { $0.candidates.count == 1 }.map { $0.candidates[0] })
    var diagnostics: [Diagnostic] = []
    for r in pieces.indices {
      for p in pieces[r].indices where pieces[r][p].candidates.count > 1 {
        let candidates = pieces[r][p].candidates
        let known = candidates.filter(certain.contains)
        if known.count == 1 {
          pieces[r][p].candidates = known
        } else if let chosen = nearestEvent(candidates, to: context.date) {
          pieces[r][p].candidates = [chosen]
        } else if !pieces[r][p].explicit {
          let text = substring(runs[r].text, pieces[r][p].start, pieces[r][p].end)
          diagnostics.append(
            .warning(
              "ambiguous-mention", context.file, line: runs[r].line,
              "'\(text)' could name \(candidates.joined(separator: ", ")); left unlinked"))
        }
      }
    }

    // Phase 3: segments; the first mention of each entity is linked (or all).
    let isArticle = context.document.hasPrefix("articles/")
    var linked: Set<String> = []
    var unknown: [UnknownNames.Sighting] = []
    var segments: [[Segment]] = []
    // Each run's text as read (wikilinks as their labels) and the entities found in it.
    var texts: [(plain: String, found: [(id: String, text: String, offset: Int)])] = []
    for (r, run) in runs.enumerated() {
      var out: [Segment] = []
      // Text is gathered and added as one segment before the next entity (adding to the last
      // segment's string each time would copy it each time).
      var pending = ""
      func append(_ text: String) { pending += text }
      func flush() {
        if !pending.isEmpty { out.append(.text(pending)) }
        pending = ""
      }
      var plain = ""
      var found: [(id: String, text: String, offset: Int)] = []
      var cursor = 0
      for piece in pieces[r] {
        if piece.start > cursor {
          let before = substring(run.text, cursor, piece.start)
          append(before)
          plain += before
        }
        var text = substring(run.text, piece.start, piece.end)
        if piece.explicit, let wikilink = Wikilink.all(in: text).first { text = wikilink.label }
        if piece.candidates.count == 1 {
          let id = piece.candidates[0]
          let link = run.linkable && (piece.explicit || policy == .all || !linked.contains(id))
          if link { linked.insert(id) }
          flush()
          out.append(.entity(id: id, text: text, link: link))
          found.append((id, text, plain.utf8.count))
        } else {
          append(text)
        }
        plain += text
        cursor = piece.end
      }
      if cursor < run.text.utf8.count {
        let rest = substring(run.text, cursor, run.text.utf8.count)
        append(rest)
        plain += rest
      }
      flush()
      segments.append(out)
      for (index, segment) in out.enumerated() where collectUnknownNames && isArticle && run.linkable {
        guard case .text(let text) = segment else { continue }
        let followed = index + 1 < out.count && text.last == " "
        for name in UnknownNames.names(in: text, followedByMention: followed) {
          unknown.append(.init(name: name, document: context.document, file: context.file, line: run.line))
        }
      }
      texts.append((plain, found))
    }

    // Phase 4: each paragraph read whole: the sentence of each mention, and for an article's
    // prose, the paragraphs the extractors read.
    var mentions: [Mention] = []
    var prose: [AnalysedDocument.Paragraph] = []
    var r = 0
    while r < runs.count {
      var end = r + 1
      if let paragraph = runs[r].paragraph {
        while end < runs.count, runs[end].paragraph == paragraph { end += 1 }
      }
      var plain = ""
      var found: [(id: String, text: String, offset: Int)] = []
      for k in r..<end {
        if k > r { plain += runs[k].joiner }
        let base = plain.utf8.count
        found += texts[k].found.map { ($0.id, $0.text, $0.offset + base) }
        plain += texts[k].plain
      }
      let linkable = runs[r].linkable
      let isProse = linkable && isArticle
      r = end
      guard !found.isEmpty || isProse else { continue }
      let sentences = Sentences.offsets(in: plain)
      var named = Array(repeating: [String](), count: sentences.count)
      // Each sentence's text is made once and shared by the mentions, dates and passages in it.
      var sentenceTexts = [String?](repeating: nil, count: sentences.count)
      var whole: String?
      for item in found {
        let index = DocumentLinker.sentence(containing: item.offset, in: sentences)
        let text: String
        if let index {
          if !named[index].contains(item.id) { named[index].append(item.id) }
          if sentenceTexts[index] == nil { sentenceTexts[index] = Self.substring(plain, sentences[index]) }
          text = sentenceTexts[index]!
        } else {
          if whole == nil { whole = plain }
          text = whole!
        }
        mentions.append(
          Mention(
            entity: item.id, document: context.document, sentence: text, text: item.text, inHeading: !linkable
          ))
      }
      guard isProse else { continue }
      prose.append(
        AnalysedDocument.Paragraph(
          text: plain,
          named: found.map {
            QuoteFinder.Named(start: $0.offset, end: $0.offset + $0.text.utf8.count, entity: $0.id)
          },
          sentences: sentences,
          sentenceTexts: sentences.indices.map { sentenceTexts[$0] ?? Self.substring(plain, sentences[$0]) },
          entities: named))
    }

    var findings = Findings(mentions: Mentions(mentions), unknownNames: unknown, diagnostics: diagnostics)
    let document = AnalysedDocument(context: context, paragraphs: prose)
    for extractor in extractors { extractor.extract(from: document, into: &findings) }
    findings.quoted = []
    return Result(segments: segments, findings: findings)
  }

  /// The byte length of " given" at `offset` when it follows as a whole word, else 0.
  private func following(_ given: [UInt8], in utf8: String.UTF8View, at offset: Int) -> Int {
    let count = utf8.count
    guard offset + 1 + given.count <= count else { return 0 }
    let start = utf8.index(utf8.startIndex, offsetBy: offset)
    guard utf8[start] == 0x20 else { return 0 }
    let word = utf8.index(after: start)
    let end = utf8.index(word, offsetBy: given.count)
    guard utf8[word..<end].elementsEqual(given) else { return 0 }
    if end < utf8.endIndex, isWordByte(utf8[end]) { return 0 }
    return 1 + given.count
  }

  /// People named in a hyphenated pair at the start of `text[start..<end]` ("Ishiba-Trump",
  /// "Nakatani–Hegseth"), when the pair joins exactly two of them.
  private func namesInPair(_ text: String, _ start: Int, _ end: Int) -> [Piece] {
    // The first word, read as bytes: a hyphen or an en dash (E2 80 93) must join it.
    let utf8 = text.utf8
    let lower = utf8.index(utf8.startIndex, offsetBy: start)
    let upper = utf8.index(lower, offsetBy: end - start)
    let space = utf8[lower..<upper].firstIndex(of: 0x20) ?? upper
    let bytes = utf8[lower..<space]
    var joined = false
    var index = bytes.startIndex
    while index != bytes.endIndex, !joined {
      if bytes[index] == 0x2D {
        joined = true
      } else if bytes[index] == 0xE2 {
        let rest = bytes[index...].prefix(3)
        joined = rest.elementsEqual([0xE2, 0x80, 0x93])
      }
      bytes.formIndex(after: &index)
    }
    guard joined else { return [] }
    let pair = text[lower..<space]
    let people = matcher.find(in: pair).filter { hit in
      hit.candidates.allSatisfy { $0.entity.hasPrefix("people/") }
    }
    guard people.count == 2 else { return [] }
    return people.map {
      Piece(
        start: start + $0.start, end: start + $0.end, candidates: $0.candidates.map(\.entity), explicit: false
      )
    }
  }

  /// The index of the sentence that holds UTF-8 offset `position`: a binary search, since a long
  /// paragraph has as many sentences as mentions.
  static func sentence(containing position: Int, in sentences: [Range<Int>]) -> Int? {
    var low = 0
    var high = sentences.count
    while low < high {
      let middle = (low + high) / 2
      if sentences[middle].upperBound <= position { low = middle + 1 } else { high = middle }
    }
    return low < sentences.count && sentences[low].contains(position) ? low : nil
  }

  /// The one event among `candidates` whose date is nearest `date`, if all are dated events and
  /// no two are equally near.
  private func nearestEvent(_ candidates: [String], to date: BriefingDate?) -> String? {
    guard let date, candidates.allSatisfy({ $0.hasPrefix("events/") && dates[$0] != nil }) else { return nil }
    let ranked = candidates.map { (id: $0, distance: abs(dates[$0]!.dayNumber - date.dayNumber)) }
      .sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
    guard ranked.count >= 2, ranked[0].distance < ranked[1].distance else { return nil }
    return ranked[0].id
  }

  private func substring(_ text: String, _ from: Int, _ to: Int) -> String { Self.substring(text, from, to) }

  private static func substring(_ text: String, _ range: Range<Int>) -> String {
    substring(text, range.lowerBound, range.upperBound)
  }

  private static func substring(_ text: String, _ from: Int, _ to: Int) -> String {
    let utf8 = text.utf8
    let lower = utf8.index(utf8.startIndex, offsetBy: from)
    let upper = utf8.index(utf8.startIndex, offsetBy: to)
    return String(text[lower..<upper])
  }
}
