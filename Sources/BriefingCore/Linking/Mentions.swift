/// Mentions kept by columns: each entity id, document and name once, each sentence once, and one
/// row of small numbers per mention. A briefing finds dozens of mentions in every article and
/// keeps them all until its pages are made; as `Mention` values each would hold four strings and
/// a sentence (96 bytes), as a row it is 20.
///
/// Read like an array of `Mention`; made from one, or by joining the mentions of many documents.
public struct Mentions: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral, InternedTable
{
  private struct Row: Sendable, Equatable {
    var entity: Int32
    var document: Int32
    var text: Int32
    var sentence: Int32
    var inHeading: Bool
  }

  /// Entity ids, documents and names, each once.
  var strings: [String] = []
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
  typealias Joiner = TableJoiner<Mentions>

  mutating func append(_ other: Mentions, interning strings: inout Interned) {
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
  public var distinctSentences: [StoredText] { sentences.all }

  /// Puts `replacements` in place of `distinctSentences`, one for one (the same texts, kept
  /// elsewhere).
  public mutating func replaceSentences(with replacements: [StoredText]) {
    precondition(replacements.count == sentences.count, "one replacement for each sentence")
    sentences = Texts(replacements)
  }

  public static func == (lhs: Mentions, rhs: Mentions) -> Bool {
    lhs.elementsEqual(rhs)
  }
}
