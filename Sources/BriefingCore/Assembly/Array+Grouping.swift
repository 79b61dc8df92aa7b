extension Array {
  /// `Dictionary(grouping: self, by: key)`, the same dictionary, for elements whose keys come in
  /// runs (the mentions of a document stand together): a key is hashed once a run, not once an
  /// element.
  func grouped(inRunsBy key: (Element) -> String) -> [String: [Element]] {
    var groups: [String: [Element]] = [:]
    var start = startIndex
    while start < endIndex {
      let runKey = key(self[start])
      var end = start + 1
      while end < endIndex, key(self[end]) == runKey { end += 1 }
      groups[runKey, default: []].append(contentsOf: self[start..<end])
      start = end
    }
    return groups
  }
}
