import Foundation

/// For each entity, the other entities named in the same articles, with how many articles each
/// shares with it: highest count first, then by id. What an entity page's "mentioned with" and an
/// issue page's related issues list.
///
/// Worked out once over every article, with entities as numbers, rather than on each page (where
/// it walked every article that names the entity, and so grew with the corpus). Each list keeps
/// the first `limit` entities and every one that `keep` accepts, in that one order: the first
/// `limit` of a list are the top `limit` of all.
public struct SharedArticles: Sendable {
  private let lists: [String: [(id: String, count: Int)]]

  public init(_ briefing: Briefing, limit: Int, keep: (String) -> Bool) {
    // Entities and articles as numbers: each article's entities, each once, and each entity's articles.
    var number: [String: Int32] = [:]
    var ids: [String] = []
    var named: [[Int32]] = []
    for document in briefing.documentsWithMentions where document.hasPrefix("articles/") {
      var members: [Int32] = []
      for entity in briefing.entitiesMentioned(inDocument: document) {
        if let known = number[entity] {
          members.append(known)
        } else {
          number[entity] = Int32(ids.count)
          members.append(Int32(ids.count))
          ids.append(entity)
        }
      }
      members.sort()
      named.append(members.uniqued())
    }
    var articles = [[Int32]](repeating: [], count: ids.count)
    for (article, members) in named.enumerated() {
      for member in members { articles[Int(member)].append(Int32(article)) }
    }
    // Ties go by id: each entity's place among the ids in order.
    var rank = [Int32](repeating: 0, count: ids.count)
    for (place, entity) in ids.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() {
      rank[entity] = Int32(place)
    }
    let kept = ids.map(keep)
    var counts = [Int32](repeating: 0, count: ids.count)
    var touched: [Int32] = []
    var lists: [String: [(id: String, count: Int)]] = [:]
    lists.reserveCapacity(ids.count)
    for entity in ids.indices {
      for article in articles[entity] {
        for other in named[Int(article)] where other != entity {
          if counts[Int(other)] == 0 { touched.append(other) }
          counts[Int(other)] += 1
        }
      }
      touched.sort {
        counts[Int($0)] != counts[Int($1)] ? counts[Int($0)] > counts[Int($1)] : rank[Int($0)] < rank[Int($1)]
      }
      var list: [(id: String, count: Int)] = []
      for (place, other) in touched.enumerated() where place < limit || kept[Int(other)] {
        list.append((ids[Int(other)], Int(counts[Int(other)])))
      }
      for other in touched { counts[Int(other)] = 0 }
      touched.removeAll(keepingCapacity: true)
      lists[ids[entity]] = list
    }
    self.lists = lists
  }

  /// The entities that share articles with `id`, with how many, as described above.
  public func of(_ id: String) -> [(id: String, count: Int)] { lists[id] ?? [] }
}

extension Array where Element: Equatable {
  /// The elements of a sorted array, each once.
  fileprivate func uniqued() -> [Element] {
    var result: [Element] = []
    result.reserveCapacity(count)
    for element in self where result.last != element { result.append(element) }
    return result
  }
}
