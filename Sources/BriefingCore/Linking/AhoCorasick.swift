/// An Aho–Corasick automaton over bytes: finds every occurrence of every pattern in one pass,
/// whatever the number of patterns.
///
/// The automaton is compiled into a dense transition table over byte classes (each byte that
/// occurs in some pattern has a class of its own; all others share class 0), so scanning costs
/// one table lookup per byte of text.
struct AhoCorasick: Sendable {
  /// A pattern found: which one, and the half-open byte range it covers.
  struct Match: Hashable {
    var pattern: Int
    var start: Int
    var end: Int
  }

  private let byteClass: [UInt8]
  private let classCount: Int
  private let transitions: [Int32]
  /// For each state, the patterns that end there (itself and through its suffix links).
  private let outputStart: [Int32]
  private let outputs: [Int32]
  private let lengths: [Int]

  init(patterns: [[UInt8]]) {
    var classes = [UInt8](repeating: 0, count: 256)
    var next: Int = 1
    for pattern in patterns {
      for b in pattern where classes[Int(b)] == 0 {
        precondition(next < 256, "more than 255 distinct bytes in patterns")
        classes[Int(b)] = UInt8(next)
        next += 1
      }
    }
    byteClass = classes
    classCount = next
    lengths = patterns.map(\.count)

    // The trie, with -1 for a missing edge.
    var goto: [Int32] = Array(repeating: -1, count: classCount)
    var terminal: [[Int32]] = [[]]
    for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
      var state = 0
      for b in pattern {
        let slot = state * classCount + Int(classes[Int(b)])
        if goto[slot] < 0 {
          goto[slot] = Int32(terminal.count)
          terminal.append([])
          goto += Array(repeating: -1, count: classCount)
        }
        state = Int(goto[slot])
      }
      terminal[state].append(Int32(index))
    }
    let stateCount = terminal.count

    // Breadth-first: failure links, full transitions, and outputs merged along suffix links.
    var fail = [Int32](repeating: 0, count: stateCount)
    var merged = terminal
    var queue: [Int] = []
    for c in 0..<classCount {
      let s = goto[c]
      if s < 0 {
        goto[c] = 0
      } else {
        fail[Int(s)] = 0
        queue.append(Int(s))
      }
    }
    goto[0] = 0  // class 0 (bytes in no pattern) always returns to the root
    var head = 0
    while head < queue.count {
      let state = queue[head]
      head += 1
      merged[state] += merged[Int(fail[state])]
      for c in 0..<classCount {
        let slot = state * classCount + c
        let s = goto[slot]
        let fallback = goto[Int(fail[state]) * classCount + c]
        if s < 0 || c == 0 {
          goto[slot] = c == 0 ? 0 : fallback
        } else {
          fail[Int(s)] = fallback
          queue.append(Int(s))
        }
      }
    }
    transitions = goto
    var starts: [Int32] = []
    var flat: [Int32] = []
    for list in merged {
      starts.append(Int32(flat.count))
      flat += list
    }
    starts.append(Int32(flat.count))
    outputStart = starts
    outputs = flat
  }

  /// Every occurrence of every pattern in `text`, by end position.
  func matches(in text: [UInt8]) -> [Match] {
    var found: [Match] = []
    var state = 0
    text.withUnsafeBufferPointer { bytes in
      transitions.withUnsafeBufferPointer { table in
        for i in 0..<bytes.count {
          state = Int(table[state * classCount + Int(byteClass[Int(bytes[i])])])
          let from = Int(outputStart[state])
          let to = Int(outputStart[state + 1])
          if from < to {
            for k in from..<to {
              let pattern = Int(outputs[k])
              found.append(Match(pattern: pattern, start: i + 1 - lengths[pattern], end: i + 1))
            }
          }
        }
      }
    }
    return found
  }
}
