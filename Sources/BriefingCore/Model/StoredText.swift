/// Where a build keeps text out of memory until a page shows it: the build's scratch file.
public protocol TextStore: AnyObject, Sendable {
  /// The text kept at `range`.
  func text(_ range: Range<Int>) -> String
}

/// A text held in memory, or kept in a `TextStore` and read back each time it is asked for: the
/// long texts a build finds in every article (passages, the sentences of mentions) then do not all
/// wait in memory for their pages. Equal when the texts are.
public struct StoredText: Sendable, Hashable {
  private enum Storage: Sendable {
    case held(String)
    case stored(any TextStore, Range<Int>)
  }

  private var storage: Storage

  public init(_ text: String) {
    storage = .held(text)
  }

  /// The text kept in `store` at `range`.
  public init(in store: any TextStore, at range: Range<Int>) {
    storage = .stored(store, range)
  }

  public var text: String {
    switch storage {
    case .held(let text): return text
    case .stored(let store, let range): return store.text(range)
    }
  }

  /// Where the text is kept, when it is in a store.
  var place: (store: any TextStore, range: Range<Int>)? {
    if case .stored(let store, let range) = storage { return (store, range) }
    return nil
  }

  /// Whether the text is in a store rather than in memory.
  public var isStored: Bool {
    if case .stored = storage { return true }
    return false
  }

  /// What tells texts apart without reading them: the text itself when it is held, its place
  /// when it is stored. A build stores each distinct sentence of a document once, so among the
  /// sentences of one document equal keys mean equal texts.
  public enum Key: Hashable, Sendable {
    case held(String)
    case stored(Range<Int>)
  }

  public var key: Key {
    switch storage {
    case .held(let text): return .held(text)
    case .stored(_, let range): return .stored(range)
    }
  }

  public static func == (lhs: StoredText, rhs: StoredText) -> Bool {
    if case .stored(let left, let a) = lhs.storage, case .stored(let right, let b) = rhs.storage,
      left === right, a == b
    {
      return true
    }
    return lhs.text == rhs.text
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(text)
  }
}
