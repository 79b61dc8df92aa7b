/// Turns a curated note (front matter and a Markdown body) into an `Entity`.
public enum NoteReader {
  /// Front-matter keys that name other entities, by the kind of note that may use them.
  static let referenceKeys = ["people", "issues", "organizations", "events", "related"]

  /// Reads `file` from the folder that decides its kind; problems are appended to `diagnostics`.
  public static func read(_ file: SourceFile, text: String, diagnostics: inout [Diagnostic]) -> Entity {
    let (front, problems) = FrontMatter.parse(text, file: file.path)
    diagnostics += problems
    var fields = Fields(front, file: file.path)
    let kind = EntityKind(folder: file.folder)
    if Slug.make(file.folder) != file.folder {
      diagnostics.append(
        .error(
          "invalid-kind-folder", file.path,
          "the folder '\(file.folder)' cannot name a kind of entity: use lower-case letters, digits and hyphens"
        ))
    }
    var slug = Slug.make(file.baseName)
    if slug.isEmpty {
      diagnostics.append(
        .error("empty-slug", file.path, "the note's file name gives an empty slug; use letters or digits"))
      slug = "untitled"
    }
    let nameKey = (kind == .event || kind == .issue) ? "title" : "name"
    var name = fields.text(nameKey) ?? fields.text(nameKey == "title" ? "name" : "title")
    if name == nil {
      // A note whose YAML failed to parse has already been reported once.
      if problems.isEmpty {
        diagnostics.append(
          .error(
            "missing-name", file.path, line: 1, column: 1,
            "the note has no '\(nameKey)'; every note needs one"))
      }
      name = file.baseName
    }
    var entity = Entity(
      id: "\(kind.folder)/\(slug)", kind: kind, slug: slug, name: name!, aliases: fields.texts("aliases"),
      summary: fields.text("summary"), body: front.body, bodyLine: front.bodyLine, file: file.path)
    entity.country = fields.text("country")
    entity.place = fields.text("place")
    entity.status = fields.text("status")
    entity.date = fields.date("date")
    entity.end = fields.date("end")
    if kind == .event && entity.date == nil && front["date"] == nil {
      diagnostics.append(
        .warning(
          "undated-event", file.path, line: 1, column: 1, "the event has no 'date'; it stays off the timeline"
        ))
    }
    entity.roles = roles(front, file: file.path, diagnostics: &diagnostics)
    entity.accepts = fields.texts("accept")
    entity.extra = fields.extra()
    fields.reportUnknownKeys(
      known: [
        "name", "title", "aliases", "summary", "country", "place", "status", "date", "end", "roles", "accept",
        "extra",
      ]
        + referenceKeys)
    for key in referenceKeys {
      let refs = fields.references(key)
      if !refs.isEmpty { entity.references[key] = refs }
    }
    diagnostics += fields.diagnostics
    return entity
  }

  /// `roles:` as a list of `{title, from, to}` mappings or plain titles.
  private static func roles(_ front: FrontMatter, file: String, diagnostics: inout [Diagnostic]) -> [Role] {
    guard let field = front["roles"] else { return [] }
    guard case .list(let items) = field.value else {
      if let title = field.value.text { return [Role(title: title)] }
      diagnostics.append(
        .error("invalid-role", file, line: field.line, column: field.column, "'roles' must be a list"))
      return []
    }
    var roles: [Role] = []
    for item in items {
      switch item {
      case .scalar(let title):
        roles.append(Role(title: title))
      case .map(let entries):
        guard let title = entries.first(where: { $0.key == "title" })?.value.text else {
          diagnostics.append(
            .error("invalid-role", file, line: field.line, column: field.column, "each role needs a 'title'"))
          continue
        }
        var role = Role(title: title)
        for key in ["from", "to"] {
          guard let entry = entries.first(where: { $0.key == key }), let text = entry.value.text else {
            continue
          }
          guard let date = BriefingDate(iso: text) else {
            diagnostics.append(
              .error(
                "invalid-date", file, line: entry.line, column: entry.column,
                "'\(key)' must be a date written YYYY-MM-DD, YYYY-MM or YYYY, not '\(text)'"))
            continue
          }
          if key == "from" { role.from = date } else { role.to = date }
        }
        roles.append(role)
      case .list:
        diagnostics.append(
          .error("invalid-role", file, line: field.line, column: field.column, "a role cannot be a list"))
      }
    }
    return roles
  }
}
