/// The named values of a `TemplateValue.object`, in the order they were given.
///
/// Each name is kept with its FNV-1a hash. A template's names are hashed once, when it is
/// compiled, so a lookup while rendering compares hashes (and, where one matches, the names)
/// without hashing anything; a view of a few dozen names is read faster this way than a
/// `Dictionary`, which hashes the name again in every object it looks in.
public struct TemplateFields: Sendable, ExpressibleByDictionaryLiteral, Sequence {
  struct Entry: Sendable {
    var hash: UInt32
    var key: String
    var value: TemplateValue
  }

  private var entries: [Entry]

  public init() { entries = [] }

  /// Fields with room for `minimumCapacity` names before the storage grows.
  public init(minimumCapacity: Int) {
    entries = []
    entries.reserveCapacity(minimumCapacity)
  }

  /// A repeated name keeps its last value.
  public init(dictionaryLiteral elements: (String, TemplateValue)...) {
    self.init(elements)
  }

  /// Fields from names and values in order; a repeated name keeps its last value.
  init(_ elements: [(String, TemplateValue)]) {
    entries = []
    entries.reserveCapacity(elements.count)
    for (key, value) in elements {
      let hash = Self.hash(key)
      if let place = place(of: key, hash: hash) {
        entries[place].value = value
      } else {
        entries.append(Entry(hash: hash, key: key, value: value))
      }
    }
  }

  /// The fields of a dictionary, by name in order.
  public init(_ dictionary: [String: TemplateValue]) {
    entries = dictionary.sorted { $0.key < $1.key }.map {
      Entry(hash: Self.hash($0.key), key: $0.key, value: $0.value)
    }
  }

  public var count: Int { entries.count }
  public var isEmpty: Bool { entries.isEmpty }
  /// The names, in the order they were given.
  public var keys: [String] { entries.map(\.key) }

  /// The value of `key`; setting nil removes it.
  public subscript(key: String) -> TemplateValue? {
    get { value(key, hash: Self.hash(key)) }
    set {
      let hash = Self.hash(key)
      if let place = place(of: key, hash: hash) {
        if let newValue { entries[place].value = newValue } else { entries.remove(at: place) }
      } else if let newValue {
        entries.append(Entry(hash: hash, key: key, value: newValue))
      }
    }
  }

  /// The value of `key`, whose hash (`hash(_:)`) is given.
  @inline(__always)
  func value(_ key: String, hash: UInt32) -> TemplateValue? {
    entries.withUnsafeBufferPointer { entries in
      for entry in entries where entry.hash == hash && entry.key == key { return entry.value }
      return nil
    }
  }

  private func place(of key: String, hash: UInt32) -> Int? {
    entries.firstIndex { $0.hash == hash && $0.key == key }
  }

  /// The values with their names, as a dictionary.
  public func mapValues<T>(_ transform: (TemplateValue) throws -> T) rethrows -> [String: T] {
    var result: [String: T] = [:]
    for entry in entries { result[entry.key] = try transform(entry.value) }
    return result
  }

  public func makeIterator() -> some IteratorProtocol<(key: String, value: TemplateValue)> {
    entries.lazy.map { (key: $0.key, value: $0.value) }.makeIterator()
  }

  /// FNV-1a over the name's UTF-8 bytes.
  @inline(__always)
  static func hash(_ key: String) -> UInt32 {
    if let hash = key.utf8.withContiguousStorageIfAvailable({ hash($0) }) { return hash }
    return Array(key.utf8).withUnsafeBufferPointer { hash($0) }
  }

  @inline(__always)
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var hash: UInt32 = 2_166_136_261
    for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
    return hash
  }
}
