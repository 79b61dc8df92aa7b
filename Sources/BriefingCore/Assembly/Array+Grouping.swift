extension Array {
  /// `Dictionary(grouping: self, by: key)` for elements whose keys come in runs (the mentions of a
  /// document stand together): a key is hashed once a run, not once an element, and a key with one
  /// run is a slice of this array, its elements not copied.
  func grouped(inRunsBy key: (Element) -> String) -> [String: ArraySlice<Element>] {
    var groups: [String: ArraySlice<Element>] = [:]
    var start = startIndex
    while start < endIndex {
      let runKey = key(self[start])
      var end = start + 1
      while end < endIndex, key(self[end]) == runKey { end += 1 }
      if let earlier = groups[runKey] {
        groups[runKey] = ArraySlice(Array(earlier) + self[start..<end])
      } else {
        groups[runKey] = self[start..<end]
      }
      start = end
    }
    return groups
  }
}

extension Array {
  /// Puts the elements in the order `order` gives (its first place names the element to stand
  /// first), in place: each cycle of the permutation is followed once, so no second array of
  /// elements is made.
  mutating func rearrange(by order: [Int]) {
    precondition(order.count == count, "an order names every element once")
    var placed = [Bool](repeating: false, count: count)
    for start in indices where !placed[start] {
      // Along the cycle through `start`: each place takes the element its order names.
      var place = start
      while true {
        placed[place] = true
        let from = order[place]
        if from == start { break }
        swapAt(place, from)
        place = from
      }
    }
  }
}

extension Range where Bound == Int {
  /// The places of this range grouped by `key`, for places whose keys come in runs (the mentions
  /// of a document stand together): each key's runs, in order, a key hashed once a run.
  func runs(by key: (Int) -> String) -> [String: [Range<Int>]] {
    var groups: [String: [Range<Int>]] = [:]
    var start = lowerBound
    while start < upperBound {
      let runKey = key(start)
      var end = start + 1
      while end < upperBound, key(end) == runKey { end += 1 }
      groups[runKey, default: []].append(start..<end)
      start = end
    }
    return groups
  }
}
