/// Writes JSON as it goes, with no tree of values in between: the data export is written in
/// pieces, so its size never has to be held twice. Pretty output is byte for byte what Foundation's
/// `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`; compact
/// output what `JSONSerialization` writes with `[.sortedKeys, .withoutEscapingSlashes]`. Callers
/// give keys in sorted order.
struct JSONWriter {
  private(set) var bytes: [UInt8] = []
  let pretty: Bool
  /// How many values each open container holds so far.
  private var counts: [Int] = []
  /// True right after a key, when the value needs no separator of its own.
  private var afterKey = false

  init(pretty: Bool) { self.pretty = pretty }

  /// Takes what has been written so far, to write it out before going on.
  mutating func take() -> [UInt8] {
    defer { bytes.removeAll(keepingCapacity: true) }
    return bytes
  }

  mutating func beginObject() { open(0x7B) }
  mutating func endObject() { close(0x7D) }
  mutating func beginArray() { open(0x5B) }
  mutating func endArray() { close(0x5D) }

  mutating func key(_ key: String) {
    separate()
    quoted(key)
    if pretty { bytes += [0x20, 0x3A, 0x20] } else { bytes.append(0x3A) }
    afterKey = true
  }

  mutating func string(_ text: String) {
    separate()
    quoted(text)
  }

  mutating func string(_ text: String?) {
    if let text { string(text) } else { null() }
  }

  mutating func int(_ number: Int) {
    separate()
    bytes += Array(String(number).utf8)
  }

  mutating func null() {
    separate()
    bytes += [0x6E, 0x75, 0x6C, 0x6C]
  }

  mutating func strings(_ texts: [String]) {
    beginArray()
    for text in texts { string(text) }
    endArray()
  }

  /// `key: text` for each pair whose text is present, in the order given.
  mutating func fields(_ pairs: [(String, String?)]) {
    for (name, text) in pairs {
      if let text {
        key(name)
        string(text)
      }
    }
  }

  private mutating func open(_ bracket: UInt8) {
    separate()
    bytes.append(bracket)
    counts.append(0)
  }

  private mutating func close(_ bracket: UInt8) {
    let count = counts.removeLast()
    if pretty {
      bytes.append(0x0A)
      if count == 0 { bytes.append(0x0A) }
      indent()
    }
    bytes.append(bracket)
  }

  /// What goes before a value: nothing after a key; otherwise a comma after an earlier value, and
  /// in pretty output a new line and the indentation.
  private mutating func separate() {
    if afterKey {
      afterKey = false
      return
    }
    guard !counts.isEmpty else { return }
    if counts[counts.count - 1] > 0 { bytes.append(0x2C) }
    counts[counts.count - 1] += 1
    if pretty {
      bytes.append(0x0A)
      indent()
    }
  }

  private mutating func indent() {
    bytes += repeatElement(0x20, count: 2 * counts.count)
  }

  private static let hex = Array("0123456789abcdef".utf8)

  private mutating func quoted(_ text: String) {
    bytes.append(0x22)
    var text = text
    text.withUTF8 { utf8 in
      // Runs of bytes that need no escape are copied whole.
      var start = 0
      for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
        start = index + 1
        switch byte {
        case 0x22: bytes += [0x5C, 0x22]
        case 0x5C: bytes += [0x5C, 0x5C]
        case 0x0A: bytes += [0x5C, 0x6E]
        case 0x0D: bytes += [0x5C, 0x72]
        case 0x09: bytes += [0x5C, 0x74]
        case 0x08: bytes += [0x5C, 0x62]
        case 0x0C: bytes += [0x5C, 0x66]
        default:
          bytes += [0x5C, 0x75, 0x30, 0x30, JSONWriter.hex[Int(byte >> 4)], JSONWriter.hex[Int(byte & 15)]]
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
    bytes.append(0x22)
  }
}
