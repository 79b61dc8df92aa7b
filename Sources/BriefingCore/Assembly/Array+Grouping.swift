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
