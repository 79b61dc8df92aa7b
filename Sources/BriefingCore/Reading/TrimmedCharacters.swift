import Foundation

/// Characters to trim from the ends of a text, with their ASCII members as a bit mask, so that
/// trimming a line whose ends are ASCII reads a few bytes instead of bridging the whole line
/// through Foundation.
struct TrimmedCharacters: Sendable {
  let set: CharacterSet
  private let low: UInt64
  private let high: UInt64

  init(_ set: CharacterSet) {
    self.set = set
    var low: UInt64 = 0
    var high: UInt64 = 0
    // The mask is read from the set itself, so both paths trim the same characters.
    for byte in 0..<128 where set.contains(Unicode.Scalar(UInt8(byte))) {
      if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
    }
    self.low = low
    self.high = high
  }

  /// Whether `byte`, an ASCII byte, is in the set; false for any other byte.
  func contains(ascii byte: UInt8) -> Bool {
    if byte < 64 { return low >> UInt64(byte) & 1 == 1 }
    return byte < 128 && high >> UInt64(byte - 64) & 1 == 1
  }

  static let whitespaces = TrimmedCharacters(.whitespaces)
  static let whitespacesAndNewlines = TrimmedCharacters(.whitespacesAndNewlines)
}

extension String {
  /// `trimmingCharacters(in: characters.set)`, the same text (see `Substring.trimming`).
  func trimming(_ characters: TrimmedCharacters) -> String { self[...].trimming(characters) }
}

extension Substring {
  /// `trimmingCharacters(in: characters.set)`, the same text; ASCII ends are trimmed on the
  /// bytes, and Foundation is asked only when an end is not ASCII.
  func trimming(_ characters: TrimmedCharacters) -> String {
    let utf8 = self.utf8
    var lower = utf8.startIndex
    var upper = utf8.endIndex
    while lower < upper, characters.contains(ascii: utf8[lower]) { utf8.formIndex(after: &lower) }
    while lower < upper {
      let last = utf8.index(before: upper)
      guard characters.contains(ascii: utf8[last]) else { break }
      upper = last
    }
    if lower == upper { return "" }
    if utf8[lower] < 0x80, utf8[utf8.index(before: upper)] < 0x80 { return String(self[lower..<upper]) }
    return trimmingCharacters(in: characters.set)
  }
}
