/// The key a misspelt one most likely meant: the same letters in another spelling (`baseURL`,
/// `base-url` → `base_url`), or one or two letters off (`role` → `roles`).
public enum KeySuggestion {
  public static func nearest(_ key: String, in known: [String]) -> String? {
    let wanted = normalized(key)
    if let same = known.first(where: { normalized($0) == wanted }) { return same }
    let limit = wanted.count <= 4 ? 1 : 2
    let scored = known.map { ($0, distance(Array(normalized($0)), Array(wanted))) }.filter { $0.1 <= limit }
    return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
  }

  /// Lower case, without `_` and `-`.
  private static func normalized(_ key: String) -> String {
    String(key.lowercased().filter { $0 != "_" && $0 != "-" })
  }

  /// Levenshtein distance.
  private static func distance(_ a: [Character], _ b: [Character]) -> Int {
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
