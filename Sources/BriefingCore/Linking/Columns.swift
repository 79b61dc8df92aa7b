/// What the tables of findings (`Mentions`, `Passages`) are made of: strings numbered once, and
/// texts kept by their place in the build's scratch file.

/// A table whose strings (ids, documents, names) are numbered once for all its rows.
protocol InternedTable: Sendable {
  init()
  /// The strings the rows number, each once.
  var strings: [String] { get set }
  /// Adds the rows of `other` after these, numbering its strings in `strings`.
  mutating func append(_ other: Self, interning strings: inout Interned)
}

extension InternedTable {
  /// Adds the rows of `other` after these.
  mutating func append(contentsOf other: Self) {
    var strings = Interned(self.strings)
    append(other, interning: &strings)
    self.strings = strings.strings
  }
}

/// Tables put together one document's after another: each string numbered once for all of them,
/// and no table copied.
struct TableJoiner<Table: InternedTable>: Sendable {
  private var all = Table()
  private var strings = Interned()

  init() {}

  mutating func add(_ part: Table) {
    all.append(part, interning: &strings)
  }

  /// The rows added, in order.
  var joined: Table {
    var joined = all
    joined.strings = strings.strings
    return joined
  }
}

/// Strings numbered in the order first seen.
struct Interned: Sendable {
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
struct Texts: Sendable {
  private var store: (any TextStore)?
  /// A stored text's first byte in `store`, or a held text's place in `held`.
  private var starts: [Int] = []
  /// A stored text's length in bytes; -1 for a held text.
  private var counts: [Int32] = []
  private var held: [String] = []

  init() {}

  /// The texts in the order given.
  init(_ texts: [StoredText]) {
    reserveCapacity(texts.count)
    for text in texts { append(text) }
  }

  private mutating func reserveCapacity(_ capacity: Int) {
    starts.reserveCapacity(capacity)
    counts.reserveCapacity(capacity)
  }

  var count: Int { starts.count }
  var indices: Range<Int> { 0..<count }

  /// Every text, in order.
  var all: [StoredText] { indices.map { self[$0] } }

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

/// Places in a table (`Briefing.mentions`, `passages`, `timeline`), kept as 32-bit numbers and
/// read as `Int`s: half the memory of an `[Int]`, for the groupings that hold every place once.
public struct Places: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
  private var numbers: [Int32] = []

  public init() {}

  public init(arrayLiteral elements: Int...) {
    for place in elements { append(place) }
  }

  public var startIndex: Int { numbers.startIndex }
  public var endIndex: Int { numbers.endIndex }

  public subscript(position: Int) -> Int { Int(numbers[position]) }

  mutating func append(_ place: Int) {
    numbers.append(Int32(place))
  }
}
