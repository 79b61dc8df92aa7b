/// Text as the matcher compares it: UTF-8 bytes with typographic variants folded to one form, and
/// a map back to the original bytes.
///
/// Folds curly apostrophes and quotes to straight ones, every dash to `-`, any run of white space
/// (non-breaking space included) to one space, and drops the periods of initialisms, so `U.S.`
/// and `US`, `Trump’s` and `Trump's`, `Nakatani–Hegseth` and `Nakatani-Hegseth` read alike.
struct CanonicalText {
  var bytes: [UInt8]
  /// `offsets[i]`: where canonical byte `i` starts in the original; one extra entry for the end.
  var offsets: [Int]

  init(_ original: [UInt8]) {
    // Written through pointers: the text is never longer than the original, and this runs over
    // every byte of every document.
    var folded: [UInt8] = []
    var offsets = original.withUnsafeBufferPointer { original in
      [Int](unsafeUninitializedCapacity: original.count + 1) { offsets, offsetCount in
        folded = [UInt8](unsafeUninitializedCapacity: original.count) { bytes, count in
          count = CanonicalText.fold(original, into: bytes, offsets: offsets)
        }
        offsetCount = folded.count
      }
    }
    offsets.append(original.count)
    self.bytes = folded
    self.offsets = offsets
  }

  /// Folds `original` into `bytes`, with each folded byte's start in `offsets`; returns how many
  /// bytes it wrote (never more than `original.count`).
  private static func fold(
    _ original: UnsafeBufferPointer<UInt8>, into bytes: UnsafeMutableBufferPointer<UInt8>,
    offsets: UnsafeMutableBufferPointer<Int>
  ) -> Int {
    var count = 0
    func emit(_ byte: UInt8, from offset: Int) {
      bytes[count] = byte
      offsets[count] = offset
      count += 1
    }
    var i = 0
    let end = original.count
    // The byte before the one being read, in the original (0 at the start).
    var before: UInt8 = 0
    var beforeThat: UInt8 = 0
    while i < end {
      let b = original[i]
      var emitted: UInt8? = b
      var length = 1
      if b == 0xE2, i + 2 < end, original[i + 1] == 0x80 {
        let c = original[i + 2]
        switch c {
        case 0x98, 0x99, 0x9B: emitted = 0x27  // ‘ ’ ‛ → '
        case 0x9C, 0x9D: emitted = 0x22  // “ ” → "
        case 0x90...0x95: emitted = 0x2D  // ‐ ‑ ‒ – — ― → -
        case 0xAF: emitted = 0x20  // narrow no-break space
        default: emitted = nil
        }
        if emitted != nil { length = 3 }
      } else if b == 0xE2, i + 2 < end, original[i + 1] == 0x88, original[i + 2] == 0x92 {
        emitted = 0x2D  // − minus sign
        length = 3
      } else if b == 0xC2, i + 1 < end, original[i + 1] == 0xA0 {
        emitted = 0x20  // no-break space
        length = 2
      }
      if emitted == nil {
        // Any other multi-byte character is copied as it is.
        length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        for k in 0..<length where i + k < end { emit(original[i + k], from: i + k) }
      } else if var e = emitted {
        if e == 0x09 || e == 0x0A || e == 0x0D { e = 0x20 }
        let isInitialPeriod = e == 0x2E && isUpper(before) && !isLetter(beforeThat)
        if isInitialPeriod {
          // dropped: "U.S." → "US"
        } else if e == 0x20 && count > 0 && bytes[count - 1] == 0x20 {
          // one space stands for a run
        } else {
          emit(e, from: i)
        }
      }
      beforeThat = before
      before = length == 1 ? b : (emitted ?? 0x80)
      i += length
    }
    return count
  }
}

@inline(__always) func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
@inline(__always) func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
@inline(__always) func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }
/// A byte that belongs to a word: ASCII letters and digits, and any byte of a non-ASCII character.
@inline(__always) func isWordByte(_ b: UInt8) -> Bool {
  isLetter(b) || (b >= 0x30 && b <= 0x39) || b >= 0x80
}
