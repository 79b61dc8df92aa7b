/// One step of a compiled template. Every template of a library lives in one flat array of nodes; a
/// section's body is the nodes between it and its `end`, so rendering is a loop over indices.
struct Node: Sendable {
  enum Op: UInt8, Sendable {
    /// Literal bytes: `a` is the offset into the library's byte pool, `b` the length. `lineStart`
    /// says the bytes begin a line of the template (they get the indentation of a standalone partial).
    case text
    /// A line of the template begins here with a tag: writes the current partial indentation.
    case indent
    /// `{{name}}`: the value of name `a`, HTML-escaped.
    case escaped
    /// `{{{name}}}` and `{{&name}}`: the value of name `a` as it is.
    case raw
    /// `{{#name}}`: name `a`; the body is the nodes up to `b`.
    case section
    /// `{{^name}}`: name `a`; the body is the nodes up to `b`.
    case inverted
    /// `{{>name}}`: template `a`; `b` is the index of its own indentation in `Program.indents` when
    /// the tag stands alone on its line, or -1.
    case partial
  }

  var op: Op
  var lineStart: Bool
  var a: Int32
  var b: Int32
}

/// A name as a tag writes it, split once at load time.
struct Name: Sendable {
  enum Kind: UInt8, Sendable {
    /// `{{.}}`: the top of the context stack.
    case implicit
    /// `a.b.c`: `a` is looked up through the stack, then `b` and `c` inside it.
    case path
    /// `.a.b`: looked up in the top of the stack only.
    case anchored
    /// swift-mustache's position functions inside a section over a list: `first()`, `last()`,
    /// `index()`, `even()`, `odd()`.
    case first, last, index, even, odd
    /// Any other `function(argument)` form: never has a value.
    case unsupported
  }

  let kind: Kind
  /// The first part of a path.
  let head: String
  /// The remaining parts of a path.
  let rest: [String]
  /// The hashes (`TemplateFields.hash(_:)`) of `head` and of each part of `rest`, worked out once.
  let headHash: UInt32
  let restHashes: [UInt32]
  /// The name as written in the tag.
  let text: String

  init(_ text: String) {
    self.text = text
    var kind = Kind.path
    var parts: [String] = []
    if text == "." {
      kind = .implicit
    } else if text.utf8.contains(UInt8(ascii: "(")) || text.utf8.contains(UInt8(ascii: ")")) {
      switch text {
      case "first()": kind = .first
      case "last()": kind = .last
      case "index()": kind = .index
      case "even()": kind = .even
      case "odd()": kind = .odd
      default: kind = .unsupported
      }
    } else {
      if text.utf8.first == UInt8(ascii: ".") { kind = .anchored }
      parts = text.split(separator: ".").map(String.init)
      if parts.isEmpty { kind = .unsupported }
    }
    self.kind = kind
    self.head = parts.first ?? ""
    self.rest = Array(parts.dropFirst())
    headHash = TemplateFields.hash(head)
    restHashes = rest.map(TemplateFields.hash)
  }

  /// Whether views have to provide this name (not `.` or a position function).
  var isViewName: Bool { kind == .path || kind == .anchored || kind == .unsupported }
}

/// Every template of a library compiled into shared tables.
final class Program: Sendable {
  let nodes: [Node]
  /// The literal text of every template, back to back.
  let pool: [UInt8]
  let names: [Name]
  /// The own indentation of standalone partial tags.
  let indents: [[UInt8]]
  /// Each template's nodes, by template index.
  let ranges: [Range<Int>]
  /// A first guess at each template's output size, to reserve before rendering.
  let sizeGuesses: [Int]
  /// The names each template's tags look up, and the templates its partial tags include.
  let namesUsed: [Set<String>]
  let partialsUsed: [Set<Int>]
  let index: [String: Int]

  init(
    nodes: [Node], pool: [UInt8], names: [Name], indents: [[UInt8]], ranges: [Range<Int>],
    sizeGuesses: [Int], namesUsed: [Set<String>], partialsUsed: [Set<Int>], index: [String: Int]
  ) {
    self.nodes = nodes
    self.pool = pool
    self.names = names
    self.indents = indents
    self.ranges = ranges
    self.sizeGuesses = sizeGuesses
    self.namesUsed = namesUsed
    self.partialsUsed = partialsUsed
    self.index = index
  }
}
