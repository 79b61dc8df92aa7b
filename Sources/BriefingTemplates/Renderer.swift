/// Renders compiled nodes into bytes. The context stack is one array pushed and popped as sections
/// open and close; a name is looked up by walking it from the top.
struct Renderer {
  let nodes: UnsafeBufferPointer<Node>
  let pool: UnsafeBufferPointer<UInt8>
  let names: UnsafeBufferPointer<Name>
  let program: Program
  var stack: [TemplateValue]
  /// Names (by index) looked up and found nowhere: a misspelt name in a template shows here.
  var missing: [Int] = []

  /// Where the innermost section over a list is: item `index` of `count`. A `count` of 0 means no
  /// list, as outside lists, in partials and in sections over other values (as in swift-mustache).
  struct Position {
    var index: Int
    var count: Int
    static let none = Position(index: 0, count: 0)
  }

  mutating func run(
    _ start: Int, _ end: Int, _ position: Position, _ indent: [UInt8], _ out: inout Output
  ) {
    var i = start
    while i < end {
      let node = nodes[i]
      switch node.op {
      case .text:
        let bytes = UnsafeBufferPointer(rebasing: pool[Int(node.a)..<Int(node.a) + Int(node.b)])
        if indent.isEmpty {
          out.append(bytes)
        } else {
          Self.appendIndented(bytes, atLineStart: node.lineStart, indent, &out)
        }
        i += 1
      case .indent:
        out.append(indent)
        i += 1
      case .escaped:
        if let value = lookup(Int(node.a), position) {
          Self.write(value, escaped: true, &out)
        } else {
          noteMissing(Int(node.a))
        }
        i += 1
      case .raw:
        if let value = lookup(Int(node.a), position) {
          Self.write(value, escaped: false, &out)
        } else {
          noteMissing(Int(node.a))
        }
        i += 1
      case .section:
        let bodyEnd = Int(node.b)
        let found = lookup(Int(node.a), position)
        if found == nil { noteMissing(Int(node.a)) }
        if let value = found {
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
        let found = lookup(Int(node.a), position)
        if found == nil { noteMissing(Int(node.a)) }
        switch found {
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

  /// Records a name that has no value here; the position functions are left out (outside a list
  /// they have none by design).
  private mutating func noteMissing(_ index: Int) {
    switch names[index].kind {
    case .path, .anchored, .unsupported: missing.append(index)
    case .implicit, .first, .last, .index, .even, .odd: break
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
        if case .object(let members) = stack[frame],
          let found = members.value(name.pointee.head, hash: name.pointee.headHash)
        {
          return name.pointee.rest.isEmpty ? found : Self.descend(found, name.pointee)
        }
        frame -= 1
      }
      return nil
    case .implicit:
      return stack.last
    case .anchored:
      guard case .object(let members) = stack.last,
        let found = members.value(name.pointee.head, hash: name.pointee.headHash)
      else { return nil }
      return Self.descend(found, name.pointee)
    case .first:
      return position.count > 0 ? .truth(position.index == 0) : nil
    case .last:
      return position.count > 0 ? .truth(position.index == position.count - 1) : nil
    case .index:
      return position.count > 0 ? .int(position.index) : nil
    case .even:
      return position.count > 0 ? .truth(position.index & 1 == 0) : nil
    case .odd:
      return position.count > 0 ? .truth(position.index & 1 == 1) : nil
    case .unsupported:
      return nil
    }
  }

  /// `value`'s field named by the rest of `name`'s path.
  private static func descend(_ value: TemplateValue, _ name: Name) -> TemplateValue? {
    var value = value
    for (part, hash) in zip(name.rest, name.restHashes) {
      guard case .object(let members) = value, let found = members.value(part, hash: hash) else { return nil }
      value = found
    }
    return value
  }

  // MARK: - Writing values

  @inline(__always)
  static func write(_ value: TemplateValue, escaped: Bool, _ out: inout Output) {
    switch value {
    case .string(let text):
      if escaped { appendEscaped(text, &out) } else { appendRaw(text, &out) }
    case .int(let number):
      appendDecimal(number, &out)
    case .bool(let truth):
      out.append(truth ? "true" : "false")
    case .list, .object, .null:
      break
    }
  }

  static func appendRaw(_ text: String, _ out: inout Output) {
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { out.append($0) }
    if done == nil {
      var copy = text
      copy.withUTF8 { out.append($0) }
    }
  }

  static func appendEscaped(_ text: String, _ out: inout Output) {
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { escape($0, &out) }
    if done == nil {
      var copy = text
      copy.withUTF8 { escape($0, &out) }
    }
  }

  /// HTML-escapes UTF-8 bytes in one pass, straight into the output (room for the worst case is
  /// made first: each byte at most six). Eight bytes at a time are copied whole when none of them
  /// needs escaping.
  static func escape(_ bytes: UnsafeBufferPointer<UInt8>, _ out: inout Output) {
    let count = bytes.count
    guard count > 0 else { return }
    out.reserve(count * 6)
    let from = UnsafeRawPointer(bytes.baseAddress!)
    var to = out.base + out.count
    var i = 0
    while i + 8 <= count {
      let word = from.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      if hasSpecial(word) {
        for k in i..<i + 8 { to = escape(bytes[k], to) }
      } else {
        UnsafeMutableRawPointer(to).storeBytes(of: word, as: UInt64.self)
        to += 8
      }
      i += 8
    }
    while i < count {
      to = escape(bytes[i], to)
      i += 1
    }
    out.count = to - out.base
  }

  /// Whether any of the eight bytes is one of `& < > " '`: `"` is 0x22; 0x26 and 0x27 are the bytes
  /// that give 0x27 with the low bit set; 0x3C and 0x3E those that give 0x3E with the second bit
  /// set. Each test looks for a zero byte after an exclusive or, eight bytes at once.
  @inline(__always)
  static func hasSpecial(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let quote = word ^ (ones &* 0x22)
    let ampersandOrApostrophe = (word | ones) ^ (ones &* 0x27)
    let angle = (word | (ones &* 0x02)) ^ (ones &* 0x3E)
    let zeros =
      (quote &- ones) & ~quote | (ampersandOrApostrophe &- ones) & ~ampersandOrApostrophe
      | (angle &- ones) & ~angle
    return zeros & (ones &* 0x80) != 0
  }

  /// `& < > " '` as bits of one word: all five are below 64.
  private static let specialMask: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27

  @inline(__always)
  private static func escape(_ byte: UInt8, _ to: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>
  {
    guard byte < 64 && (specialMask &>> UInt64(byte)) & 1 != 0 else {
      to.pointee = byte
      return to + 1
    }
    let entity: StaticString
    switch byte {
    case 0x26: entity = "&amp;"
    case 0x3C: entity = "&lt;"
    case 0x3E: entity = "&gt;"
    case 0x22: entity = "&quot;"
    default: entity = "&#39;"
    }
    to.initialize(from: entity.utf8Start, count: entity.utf8CodeUnitCount)
    return to + entity.utf8CodeUnitCount
  }

  static func appendDecimal(_ number: Int, _ out: inout Output) {
    if number >= 0 && number < 10 {
      out.append(UInt8(truncatingIfNeeded: number) &+ 0x30)
      return
    }
    appendRaw(String(number), &out)
  }

  /// Literal bytes inside an indented partial: the indentation goes before each line they begin.
  static func appendIndented(
    _ bytes: UnsafeBufferPointer<UInt8>, atLineStart: Bool, _ indent: [UInt8], _ out: inout Output
  ) {
    if atLineStart { out.append(indent) }
    var runStart = 0
    let count = bytes.count
    for i in 0..<count where bytes[i] == 0x0A && i + 1 < count {
      out.append(UnsafeBufferPointer(rebasing: bytes[runStart...i]))
      out.append(indent)
      runStart = i + 1
    }
    out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
  }
}
