/// Mentions kept by columns: each entity id, document and name once, each sentence once, and one
/// row of small numbers per mention. A briefing finds dozens of mentions in every article and
/// keeps them all until its pages are made; as `Mention` values each would hold four strings and
/// a sentence (96 bytes), as a row it is 20.
///
/// Read like an array of `Mention`; made from one, or by joining the mentions of many documents.
public struct Mentions: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
  private struct Row: Sendable, Equatable {
    var entity: Int32
    var document: Int32
    var text: Int32
    var sentence: Int32
    var inHeading: Bool
  }

  /// Entity ids, documents and names, each once.
  private var strings: [String] = []
  /// Sentences, each once.
  private var sentences = Texts()
  private var rows: [Row] = []

  public init() {}

  public init(_ mentions: some Sequence<Mention>) {
    var strings = Interned()
    var sentenceNumbers: [StoredText.Key: Int32] = [:]
    for mention in mentions {
      let key = mention.storedSentence.key
      let sentence: Int32
      if let known = sentenceNumbers[key] {
        sentence = known
      } else {
        sentence = Int32(sentences.count)
        sentenceNumbers[key] = sentence
        sentences.append(mention.storedSentence)
      }
      rows.append(
        Row(
          entity: strings.number(mention.entity), document: strings.number(mention.document),
          text: strings.number(mention.text), sentence: sentence, inHeading: mention.inHeading))
    }
    self.strings = strings.strings
  }

  public init(arrayLiteral elements: Mention...) {
    self.init(elements)
  }

  /// Mentions put together one document's after another: each id, document and name numbered
  /// once for all of them.
  public struct Joiner: Sendable {
    private var all = Mentions()
    private var strings = Interned()

    public init() {}

    public mutating func add(_ part: Mentions) {
      all.append(part, interning: &strings)
    }

    /// The mentions added, in order.
    public var joined: Mentions {
      var joined = all
      joined.strings = strings.strings
      return joined
    }
  }

  /// Adds the mentions of `other` after these.
  public mutating func append(contentsOf other: Mentions) {
    guard !other.isEmpty else { return }
    var strings = Interned(self.strings)
    append(other, interning: &strings)
    self.strings = strings.strings
  }

  private mutating func append(_ other: Mentions, interning strings: inout Interned) {
    let numbers = other.strings.map { strings.number($0) }
    let base = Int32(sentences.count)
    sentences.append(contentsOf: other.sentences)
    for row in other.rows {
      rows.append(
        Row(
          entity: numbers[Int(row.entity)], document: numbers[Int(row.document)],
          text: numbers[Int(row.text)], sentence: base + row.sentence, inHeading: row.inHeading))
    }
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { rows.count }

  public subscript(position: Int) -> Mention {
    let row = rows[position]
    return Mention(
      entity: strings[Int(row.entity)], document: strings[Int(row.document)],
      storedSentence: sentences[Int(row.sentence)], text: strings[Int(row.text)], inHeading: row.inHeading)
  }

  /// The entity of the mention at `position`, without making the whole mention.
  public func entity(at position: Int) -> String {
    strings[Int(rows[position].entity)]
  }

  /// The document of the mention at `position`.
  public func document(at position: Int) -> String {
    strings[Int(rows[position].document)]
  }

  /// The words that named the entity at `position`.
  public func text(at position: Int) -> String {
    strings[Int(rows[position].text)]
  }

  /// The sentence of the mention at `position`.
  public func sentence(at position: Int) -> String {
    sentences[Int(rows[position].sentence)].text
  }

  /// What tells the sentence at `position` from others without reading it (`StoredText.key`).
  public func sentenceKey(at position: Int) -> StoredText.Key {
    sentences.key(at: Int(rows[position].sentence))
  }

  /// Whether the mention at `position` stands in a title, dek or heading.
  public func inHeading(at position: Int) -> Bool {
    rows[position].inHeading
  }

  /// Each sentence the mentions stand in, once: for a build to put them in its scratch file.
  public var distinctSentences: [StoredText] { sentences.indices.map { sentences[$0] } }

  /// Puts `replacements` in place of `distinctSentences`, one for one (the same texts, kept
  /// elsewhere).
  public mutating func replaceSentences(with replacements: [StoredText]) {
    precondition(replacements.count == sentences.count, "one replacement for each sentence")
    sentences = Texts()
    sentences.reserveCapacity(replacements.count)
    for text in replacements { sentences.append(text) }
  }

  public static func == (lhs: Mentions, rhs: Mentions) -> Bool {
    lhs.elementsEqual(rhs)
  }
}

/// Strings numbered in the order first seen.
private struct Interned: Sendable {
  var strings: [String] = []
  var numbers: [String: Int32] = [:]

  init() {}

  init(_ strings: [String]) {
    self.strings = strings
    for (index, string) in strings.enumerated() { numbers[string] = Int32(index) }
  }

  mutating func number(_ string: String) -> Int32 {
    if let known = numbers[string] { return known }
    let number = Int32(strings.count)
    numbers[string] = number
    strings.append(string)
    return number
  }
}

/// Texts held in memory or kept in one store: a stored text is its place, 12 bytes, where a
/// `StoredText` is 40. Texts of another store than the first one met are read and held.
private struct Texts: Sendable {
  private var store: (any TextStore)?
  /// A stored text's first byte in `store`, or a held text's place in `held`.
  private var starts: [Int] = []
  /// A stored text's length in bytes; -1 for a held text.
  private var counts: [Int32] = []
  private var held: [String] = []

  var count: Int { starts.count }
  var indices: Range<Int> { 0..<count }

  subscript(index: Int) -> StoredText {
    let count = counts[index]
    if count < 0 { return StoredText(held[starts[index]]) }
    return StoredText(in: store!, at: starts[index]..<starts[index] + Int(count))
  }

  func key(at index: Int) -> StoredText.Key {
    let count = counts[index]
    if count < 0 { return .held(held[starts[index]]) }
    return .stored(starts[index]..<starts[index] + Int(count))
  }

  mutating func reserveCapacity(_ capacity: Int) {
    starts.reserveCapacity(capacity)
    counts.reserveCapacity(capacity)
  }

  mutating func append(_ text: StoredText) {
    if let place = text.place, place.range.count <= Int(Int32.max) {
      if store == nil { store = place.store }
      if store === place.store {
        starts.append(place.range.lowerBound)
        counts.append(Int32(place.range.count))
        return
      }
    }
    starts.append(held.count)
    counts.append(-1)
    held.append(text.text)
  }

  mutating func append(contentsOf other: Texts) {
    if other.held.isEmpty, store == nil || other.store == nil || store === other.store {
      // Stored in the same store (or not at all): the places move as they are.
      if store == nil { store = other.store }
      starts += other.starts
      counts += other.counts
    } else {
      for index in other.indices { append(other[index]) }
    }
  }
}
