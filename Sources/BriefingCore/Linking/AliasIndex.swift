/// Every way the content names an entity, compiled into one trie.
///
/// An entity is found by its name, its aliases, and for a person two derived aliases: the family
/// name (the last word of the name) and the name in the other order ("Ishiba Shigeru"). Capitalized
/// aliases match case-sensitively; an alias written in lower case also matches with a capital first
/// letter, as at the start of a sentence.
public struct AliasIndex: Sendable {
  /// One entity a pattern may stand for.
  struct Candidate: Sendable, Hashable {
    var entity: String
    /// A derived one-word alias, which is not taken inside a longer proper name.
    var derivedWord: Bool
  }

  /// How an alias is spelled in the trie, and whom it may name.
  struct Pattern: Sendable {
    var text: String
    var candidates: [Candidate]
  }

  let patterns: [Pattern]
  let trie: WordTrie

  /// Indexes the names of `entities`.
  public init(_ entities: [Entity]) {
    var byKey: [[UInt8]: (text: String, candidates: [Candidate])] = [:]
    func add(_ alias: String, _ candidate: Candidate) {
      let trimmed = alias.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty else { return }
      var spellings = [trimmed]
      if let first = trimmed.unicodeScalars.first, first.properties.isLowercase {
        spellings.append(trimmed.prefix(1).uppercased() + trimmed.dropFirst())
      }
      for spelling in spellings {
        let key = CanonicalText(Array(spelling.utf8)).bytes
        guard key.contains(where: isWordByte) else { continue }
        var entry = byKey[key] ?? (spelling, [])
        if let existing = entry.candidates.firstIndex(where: { $0.entity == candidate.entity }) {
          // An alias given explicitly outranks the same word derived.
          entry.candidates[existing].derivedWord =
            entry.candidates[existing].derivedWord && candidate.derivedWord
        } else {
          entry.candidates.append(candidate)
        }
        byKey[key] = entry
      }
    }
    for entity in entities.sorted(by: { $0.id < $1.id }) {
      add(entity.name, Candidate(entity: entity.id, derivedWord: false))
      for alias in entity.aliases { add(alias, Candidate(entity: entity.id, derivedWord: false)) }
      if entity.kind == .person {
        let words = entity.name.split(separator: " ")
        if words.count >= 2 {
          add(String(words.last!), Candidate(entity: entity.id, derivedWord: true))
        }
        if words.count == 2 {
          add("\(words[1]) \(words[0])", Candidate(entity: entity.id, derivedWord: false))
        }
      }
    }
    let keys = byKey.keys.sorted { $0.lexicographicallyPrecedes($1) }
    patterns = keys.map { Pattern(text: byKey[$0]!.text, candidates: byKey[$0]!.candidates) }
    trie = WordTrie(patterns: keys)
  }

  /// The aliases of `entity` the index derived from its name (for display and export).
  public static func derivedAliases(of entity: Entity) -> [String] {
    guard entity.kind == .person else { return [] }
    let words = entity.name.split(separator: " ")
    var derived: [String] = []
    if words.count >= 2 { derived.append(String(words.last!)) }
    if words.count == 2 { derived.append("\(words[1]) \(words[0])") }
    return derived.filter { !entity.aliases.contains($0) }
  }
}

import Foundation
