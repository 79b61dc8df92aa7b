/// Renders compiled nodes into bytes. The context stack is one array pushed and popped as sections
/// open and close; a name is looked up by walking it from the top.
struct Renderer {
  let nodes: UnsafeBufferPointer<Node>
  let pool: UnsafeBufferPointer<UInt8>
  let names: UnsafeBufferPointer<Name>
  let program: Program
  var stack: [TemplateValue]

  /// Where the innermost section over a list is: item `index` of `count`. A `count` of 0 means no
  /// list, as outside lists, in partials and in sections over other values (as in swift-mustache).
  struct Position {
    var index: Int
    var count: Int
    static let none = Position(index: 0, count: 0)
  }

  mutating func run(
    _ start: Int, _ end: Int, _ position: Position, _ indent: [UInt8], _ out: inout [UInt8]
  ) {
    var i = start
    while i < end {
      let node = nodes[i]
      switch node.op {
      case .text:
        let bytes = UnsafeBufferPointer(rebasing: pool[Int(node.a)..<Int(node.a) + Int(node.b)])
        if indent.isEmpty {
          out.append(contentsOf: bytes)
        } else {
          Self.appendIndented(bytes, atLineStart: node.lineStart, indent, &out)
        }
        i += 1
      case .indent:
        out.append(contentsOf: indent)
        i += 1
      case .escaped:
        if let value = lookup(Int(node.a), position) { Self.write(value, escaped: true, &out) }
        i += 1
      case .raw:
        if let value = lookup(Int(node.a), position) { Self.write(value, escaped: false, &out) }
        i += 1
      case .section:
        let bodyEnd = Int(node.b)
        if let value = lookup(Int(node.a), position) {
          switch value {
          case .null:
            break
          case .bool(let truth):
            if truth { run(i + 1, bodyEnd, position, indent, &out) }
          case .list(let items):
            let count = items.count
            for k in 0..<count {
              stack.append(items[k])
              run(i + 1, bodyEnd, Position(index: k, count: count), indent, &out)
              stack.removeLast()
            }
          case .string, .int, .object:
            stack.append(value)
            run(i + 1, bodyEnd, .none, indent, &out)
            stack.removeLast()
          }
        }
        i = bodyEnd
      case .inverted:
        let bodyEnd = Int(node.b)
        switch lookup(Int(node.a), position) {
        case nil, .null?, .bool(false)?:
          run(i + 1, bodyEnd, position, indent, &out)
        case .list(let items)? where items.isEmpty:
          // swift-mustache renders the body with the empty list on the stack.
          stack.append(.list(items))
          run(i + 1, bodyEnd, .none, indent, &out)
          stack.removeLast()
        default:
          break
        }
        i = bodyEnd
      case .partial:
        let range = program.ranges[Int(node.a)]
        switch node.b {
        case -2: run(range.lowerBound, range.upperBound, .none, indent, &out)
        case -1: run(range.lowerBound, range.upperBound, .none, [], &out)
        default:
          run(range.lowerBound, range.upperBound, .none, indent + program.indents[Int(node.b)], &out)
        }
        i += 1
      }
    }
  }

  /// The value a name stands for here, or nil.
  @inline(__always)
  func lookup(_ index: Int, _ position: Position) -> TemplateValue? {
    let name = names.baseAddress! + index
    switch name.pointee.kind {
    case .path:
      var frame = stack.count - 1
      while frame >= 0 {
        if case .object(let members) = stack[frame], let found = members[name.pointee.head] {
          return name.pointee.rest.isEmpty ? found : Self.descend(found, name.pointee.rest)
        }
        frame -= 1
      }
      return nil
    case .implicit:
      return stack.last
    case .anchored:
      guard case .object(let members) = stack.last, let found = members[name.pointee.head] else { return nil }
      return Self.descend(found, name.pointee.rest)
    case .first:
      return position.count > 0 ? .bool(position.index == 0) : nil
    case .last:
      return position.count > 0 ? .bool(position.index == position.count - 1) : nil
    case .index:
      return position.count > 0 ? .int(position.index) : nil
    case .even:
      return position.count > 0 ? .bool(position.index & 1 == 0) : nil
    case .odd:
      return position.count > 0 ? .bool(position.index & 1 == 1) : nil
    case .unsupported:
      return nil
    }
  }

  private static func descend(_ value: TemplateValue, _ path: [String]) -> TemplateValue? {
    var value = value
    for part in path {
      guard case .object(let members) = value, let found = members[part] else { return nil }
      value = found
    }
    return value
  }

  // MARK: - Writing values

  @inline(__always)
  static func write(_ value: TemplateValue, escaped: Bool, _ out: inout [UInt8]) {
    switch value {
    case .string(let text):
      if escaped { appendEscaped(text, &out) } else { appendRaw(text, &out) }
    case .int(let number):
      appendDecimal(number, &out)
    case .bool(let truth):
      out.append(contentsOf: truth ? trueBytes : falseBytes)
    case .list, .object, .null:
      break
    }
  }

  private static let trueBytes: [UInt8] = Array("true".utf8)
  private static let falseBytes: [UInt8] = Array("false".utf8)

  static func appendRaw(_ text: String, _ out: inout [UInt8]) {
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { out.append(contentsOf: $0) }
    if done == nil { out.append(contentsOf: text.utf8) }
  }

  static func appendEscaped(_ text: String, _ out: inout [UInt8]) {
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { escape($0, &out) }
    if done == nil {
      var copy = text
      copy.withUTF8 { escape($0, &out) }
    }
  }

  /// `& < > " '` as bits of one word: all five are below 64.
  private static let specialMask: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27

  private static let amp: [UInt8] = Array("&amp;".utf8)
  private static let lt: [UInt8] = Array("&lt;".utf8)
  private static let gt: [UInt8] = Array("&gt;".utf8)
  private static let quot: [UInt8] = Array("&quot;".utf8)
  private static let apos: [UInt8] = Array("&#39;".utf8)

  /// HTML-escapes UTF-8 bytes in one pass, copying runs of plain bytes whole.
  static func escape(_ bytes: UnsafeBufferPointer<UInt8>, _ out: inout [UInt8]) {
    var runStart = 0
    var i = 0
    let count = bytes.count
    while i < count {
      let byte = bytes[i]
      if byte < 64 && (specialMask &>> UInt64(byte)) & 1 != 0 {
        if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
        switch byte {
        case 0x26: out.append(contentsOf: amp)
        case 0x3C: out.append(contentsOf: lt)
        case 0x3E: out.append(contentsOf: gt)
        case 0x22: out.append(contentsOf: quot)
        default: out.append(contentsOf: apos)
        }
        runStart = i + 1
      }
      i += 1
    }
    if runStart < count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
  }

  static func appendDecimal(_ number: Int, _ out: inout [UInt8]) {
    if number >= 0 && number < 10 {
      out.append(UInt8(truncatingIfNeeded: number) &+ 0x30)
      return
    }
    appendRaw(String(number), &out)
  }

  /// Literal bytes inside an indented partial: the indentation goes before each line they begin.
  static func appendIndented(
    _ bytes: UnsafeBufferPointer<UInt8>, atLineStart: Bool, _ indent: [UInt8], _ out: inout [UInt8]
  ) {
    if atLineStart { out.append(contentsOf: indent) }
    var runStart = 0
    let count = bytes.count
    for i in 0..<count where bytes[i] == 0x0A && i + 1 < count {
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...i]))
      out.append(contentsOf: indent)
      runStart = i + 1
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
  }
}
