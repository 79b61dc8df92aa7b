/// Resolves front-matter references and wikilinks to entity ids, reporting each one that names
/// nothing or more than one entity, and each id two files claim.
public enum ReferenceResolver {
  /// Reports two entities (or two articles) that would get the same id, naming both files, and
  /// any that would take the place of its kind's list page.
  public static func duplicates(entities: [Entity], articles: [Article]) -> [Diagnostic] {
    var seen: [String: String] = [:]
    var diagnostics: [Diagnostic] = []
    let claims =
      entities.map { ($0.id, $0.slug, $0.file) } + articles.map { ($0.id, $0.slug, $0.file) }
    for (id, slug, file) in claims.sorted(by: { ($0.2) < ($1.2) }) {
      if slug == "index" {
        let folder = id.dropLast(slug.count)
        diagnostics.append(
          .error(
            "reserved-slug", file,
            "the slug 'index' is taken by the list page \(folder)index.html; rename the file or give it another 'slug'"
          ))
      } else if let first = seen[id] {
        diagnostics.append(
          .error("duplicate-slug", file, "duplicate slug: '\(id)' is also the id of \(first)"))
      } else {
        seen[id] = file
      }
    }
    return diagnostics
  }

  /// Resolves each entity's front-matter references into `relations` (entity id → related ids).
  public static func relations(of entities: [Entity], index: NameIndex) -> (
    relations: [String: [String: [String]]], diagnostics: [Diagnostic]
  ) {
    var relations: [String: [String: [String]]] = [:]
    var diagnostics: [Diagnostic] = []
    for entity in entities {
      for (key, references) in entity.references.sorted(by: { $0.key < $1.key }) {
        for reference in references {
          let ids = index.resolve(reference.name)
          switch ids.count {
          case 0:
            diagnostics.append(
              .error(
                "unknown-reference", entity.file, line: reference.line, column: reference.column,
                "'\(key)' names '\(reference.name)', which is no entity's name or alias"))
          case 1:
            if !(relations[entity.id]?[key]?.contains(ids[0]) ?? false) {
              relations[entity.id, default: [:]][key, default: []].append(ids[0])
            }
          default:
            diagnostics.append(
              .error(
                "ambiguous-reference", entity.file, line: reference.line, column: reference.column,
                "'\(key)' names '\(reference.name)', which is ambiguous: \(ids.joined(separator: ", "))"))
          }
        }
      }
    }
    return (relations, diagnostics)
  }

  /// Reports wikilinks in a Markdown body that resolve to no entity or to several.
  public static func checkWikilinks(in body: String, firstLine: Int, file: String, index: NameIndex)
    -> [Diagnostic]
  {
    Wikilink.located(in: body, firstLine: firstLine).compactMap { item in
      let ids = index.resolve(item.link.target)
      if ids.count == 1 { return nil }
      let problem =
        ids.isEmpty
        ? "which is no entity's name or alias" : "which is ambiguous: \(ids.joined(separator: ", "))"
      return .error(
        ids.isEmpty ? "unknown-wikilink" : "ambiguous-wikilink", file, line: item.line, column: item.column,
        "wikilink [[\(item.link.target)]] names '\(item.link.target)', \(problem)")
    }
  }
}
