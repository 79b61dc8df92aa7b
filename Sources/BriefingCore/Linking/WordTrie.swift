/// A trie of byte patterns that finds every pattern standing as whole words in a text: starting at
/// the text's start or after a byte that is no word byte (see `isWordByte`), and ending at the
/// text's end or before one.
///
/// Only a whole-word match counts, so the trie is walked from each place a word may start, and
/// not from every byte: most walks end at the first or second byte, near the root, whose part of
/// the table stays in cache. (An Aho–Corasick automaton reads every byte once, but at 10,000
/// articles its table no longer fits in cache, and each byte was a miss.) A walk is never longer
/// than the longest pattern.
///
/// The trie is a dense table over byte classes: each byte that occurs in some pattern has a class
/// of its own; all others share class 0, which has no edge.
struct WordTrie: Sendable {
  /// A pattern found: which one, and the half-open byte range it covers.
  struct Match: Hashable {
    var pattern: Int
    var start: Int
    var end: Int
  }

  private let byteClass: [UInt8]
  private let classCount: Int
  /// `next[state * classCount + class]`: the state after the byte, or -1.
  private let next: [Int32]
  /// For each state, the patterns that end there: `ends[endStart[state] ..< endStart[state + 1]]`.
  private let endStart: [Int32]
  private let ends: [Int32]

  init(patterns: [[UInt8]]) {
    var classes = [UInt8](repeating: 0, count: 256)
    var classCount = 1
    for pattern in patterns {
      for b in pattern where classes[Int(b)] == 0 {
        precondition(classCount < 256, "more than 255 distinct bytes in patterns")
        classes[Int(b)] = UInt8(classCount)
        classCount += 1
      }
    }
    var next = [Int32](repeating: -1, count: classCount)
    var terminal: [[Int32]] = [[]]
    for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
      var state = 0
      for b in pattern {
        let slot = state * classCount + Int(classes[Int(b)])
        if next[slot] < 0 {
          next[slot] = Int32(terminal.count)
          terminal.append([])
          next += [Int32](repeating: -1, count: classCount)
        }
        state = Int(next[slot])
      }
      terminal[state].append(Int32(index))
    }
    var starts: [Int32] = []
    var flat: [Int32] = []
    for list in terminal {
      starts.append(Int32(flat.count))
      flat += list
    }
    starts.append(Int32(flat.count))
    self.byteClass = classes
    self.classCount = classCount
    self.next = next
    self.endStart = starts
    self.ends = flat
  }

  /// Every whole-word occurrence of every pattern in `text`, in no particular order.
  func matches(in text: [UInt8]) -> [Match] {
    var found: [Match] = []
    text.withUnsafeBufferPointer { bytes in
      next.withUnsafeBufferPointer { next in
        byteClass.withUnsafeBufferPointer { classes in
          endStart.withUnsafeBufferPointer { endStart in
            ends.withUnsafeBufferPointer { ends in
              let count = bytes.count
              for start in 0..<count where start == 0 || !isWordByte(bytes[start - 1]) {
                var state = 0
                var i = start
                while i < count {
                  let byteClass = Int(classes[Int(bytes[i])])
                  guard byteClass != 0 else { break }
                  let to = next[state * classCount + byteClass]
                  guard to >= 0 else { break }
                  state = Int(to)
                  i += 1
                  let first = Int(endStart[state])
                  let last = Int(endStart[state + 1])
                  if first < last, i == count || !isWordByte(bytes[i]) {
                    for k in first..<last { found.append(Match(pattern: Int(ends[k]), start: start, end: i)) }
                  }
                }
              }
            }
          }
        }
      }
    }
    return found
  }
}
