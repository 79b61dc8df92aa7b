/// Finds entities by name or alias, forgiving case, apostrophe, dash and `U.S.`/`US` differences.
public struct NameIndex: Sendable {
  private var ids: [String: [String]] = [:]

  /// Indexes every entity's id, name and aliases.
  public init(_ entities: [Entity]) {
    for entity in entities {
      for name in [entity.name, entity.id] + entity.aliases {
        let key = NameIndex.key(name)
        guard !key.isEmpty else { continue }
        if !(ids[key]?.contains(entity.id) ?? false) { ids[key, default: []].append(entity.id) }
      }
    }
    for key in ids.keys { ids[key]!.sort() }
  }

  /// The ids of the entities that `name` names: none, one, or several when it is ambiguous.
  public func resolve(_ name: String) -> [String] {
    ids[NameIndex.key(name)] ?? []
  }

  /// The form names are compared in.
  public static func key(_ name: String) -> String {
    var out = ""
    var space = false
    for scalar in name.unicodeScalars {
      switch scalar {
      case "’", "‘", "`": out.unicodeScalars.append("'")
      case "‐", "‑", "‒", "–", "—", "−": out.unicodeScalars.append("-")
      case ".": continue
      case " ", "\t", "\n", "\u{00A0}":
        space = true
        continue
      default:
        if space && !out.isEmpty { out.unicodeScalars.append(" ") }
        out.unicodeScalars.append(scalar)
      }
      space = false
    }
    return out.lowercased()
  }
}
