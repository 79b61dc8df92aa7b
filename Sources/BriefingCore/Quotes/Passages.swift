/// Passages kept by columns: each issue, document and entity id once, and a row of small numbers
/// per passage, its text kept by its place. A briefing finds passages in every paragraph that
/// names an issue and keeps them all until the issues' pages are made; as `Passage` values each
/// would hold two strings, a text and an array of ids of its own (about 150 bytes with the
/// array), as a row it is 24 bytes and four for each entity it names.
///
/// Read like an array of `Passage`; made from one, or by joining the passages of many documents.
public struct Passages: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral, InternedTable
{
  private struct Row: Sendable {
    var entity: Int32
    var document: Int32
    /// Where the passage's entities end in `named`; they start where the row before's end.
    var namedEnd: Int32
  }

  /// Issue and entity ids and documents, each once.
  var strings: [String] = []
  /// The passages' texts, one for each row.
  private var texts = Texts()
  private var rows: [Row] = []
  /// The entities every passage names, one passage's after another's.
  private var named: [Int32] = []

  public init() {}

  public init(_ passages: some Sequence<Passage>) {
    var strings = Interned()
    for passage in passages {
      for id in passage.entities { named.append(strings.number(id)) }
      rows.append(
        Row(
          entity: strings.number(passage.entity), document: strings.number(passage.document),
          namedEnd: Int32(named.count)))
      texts.append(passage.storedText)
    }
    self.strings = strings.strings
  }

  public init(arrayLiteral elements: Passage...) {
    self.init(elements)
  }

  mutating func append(_ other: Passages, interning strings: inout Interned) {
    guard !other.isEmpty else { return }
    let numbers = other.strings.map { strings.number($0) }
    let base = Int32(named.count)
    named += other.named.lazy.map { numbers[Int($0)] }
    for row in other.rows {
      rows.append(
        Row(
          entity: numbers[Int(row.entity)], document: numbers[Int(row.document)],
          namedEnd: base + row.namedEnd))
    }
    texts.append(contentsOf: other.texts)
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { rows.count }

  public subscript(position: Int) -> Passage {
    let row = rows[position]
    return Passage(
      entity: strings[Int(row.entity)], document: strings[Int(row.document)], storedText: texts[position],
      entities: entities(at: position))
  }

  /// The issue the passage at `position` discusses, without making the whole passage.
  public func entity(at position: Int) -> String {
    strings[Int(rows[position].entity)]
  }

  /// The document of the passage at `position`.
  public func document(at position: Int) -> String {
    strings[Int(rows[position].document)]
  }

  /// The entities the passage at `position` names.
  public func entities(at position: Int) -> [String] {
    Array(entityIDs(at: position))
  }

  /// The entities the passage at `position` names, read in place: for counting them.
  public func entityIDs(at position: Int) -> some Sequence<String> {
    // The strings alone are taken along, not the whole table.
    let strings = self.strings
    return named[namedRange(at: position)].lazy.map { strings[Int($0)] }
  }

  /// The text of the passage at `position`.
  public func text(at position: Int) -> String {
    texts[position].text
  }

  private func namedRange(at position: Int) -> Range<Int> {
    (position == 0 ? 0 : Int(rows[position - 1].namedEnd))..<Int(rows[position].namedEnd)
  }

  /// The passages' texts, one for each passage: for a build to put them in its scratch file.
  public var storedTexts: [StoredText] { texts.all }

  /// Puts `replacements` in place of `storedTexts`, one for one (the same texts, kept elsewhere).
  public mutating func replaceTexts(with replacements: [StoredText]) {
    precondition(replacements.count == texts.count, "one replacement for each passage")
    texts = Texts(replacements)
  }

  public static func == (lhs: Passages, rhs: Passages) -> Bool {
    lhs.elementsEqual(rhs)
  }
}
