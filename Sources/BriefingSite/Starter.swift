import BriefingCore

/// What `briefing init` and `briefing new` write: a starter briefing that builds at once, and note
/// skeletons. Neither ever replaces a file.
public enum Starter {
  /// Writes a starter briefing into `folder`, which must be absent or empty; the paths written.
  public static func initialize(_ folder: String, fileSystem: FileSystem) throws -> [String] {
    if fileSystem.exists(folder) {
      guard fileSystem.isDirectory(folder) else {
        throw BriefingError(
          stage: .write, file: folder, "'\(folder)' is a file; give a folder for the briefing")
      }
      let empty = try fileSystem.files(under: folder).isEmpty && fileSystem.names(in: folder).isEmpty
      guard empty else {
        throw BriefingError(
          stage: .write, file: folder,
          "'\(folder)' is not empty; give a new or empty folder (nothing was written)")
      }
    }
    var written: [String] = []
    for (path, text) in files {
      let target = folder + "/" + path
      try fileSystem.write(Array(text.utf8), to: target)
      written.append(target)
    }
    return written
  }

  /// The folder a kind of note goes in: `person` → `people`, …; any other word is a folder name.
  public static func folder(for kind: String) -> String {
    switch kind.lowercased() {
    case "person", "people": return "people"
    case "event", "events": return "events"
    case "issue", "issues": return "issues"
    case "organization", "organisation", "organizations", "org": return "organizations"
    case "article", "articles": return "articles"
    default: return kind
    }
  }

  /// Writes a skeleton note (or article) named `name` under `content`, with the slug derived from
  /// the name; the path written. An existing file is never replaced.
  public static func newNote(kind: String, name: String, content: String, fileSystem: FileSystem) throws
    -> String
  {
    let folder = folder(for: kind)
    guard Slug.make(folder) == folder, !folder.isEmpty else {
      throw BriefingError(
        stage: .write, file: content + "/" + kind,
        "'\(kind)' is not a kind: use person, event, issue, organization, article, or a folder name of lower-case letters, digits and hyphens"
      )
    }
    let slug = Slug.make(name)
    guard !slug.isEmpty, slug != "index" else {
      throw BriefingError(stage: .write, file: content + "/" + folder, "'\(name)' gives no usable file name")
    }
    let path = "\(content)/\(folder)/\(slug).md"
    if fileSystem.exists(path) {
      throw BriefingError(stage: .write, file: path, "the file exists; not replacing it")
    }
    try fileSystem.write(Array(skeleton(folder: folder, name: name).utf8), to: path)
    return path
  }

  static func skeleton(folder: String, name: String) -> String {
    let quoted =
      "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      + "\""
    switch folder {
    case "people":
      return """
        ---
        name: \(quoted)
        aliases: []            # other names the articles use, e.g. [Lovelace]
        # country: …
        # roles:
        #   - {title: …, from: YYYY-MM-DD, to: YYYY-MM-DD}
        summary: ""            # one sentence
        ---

        """
    case "events":
      return """
        ---
        title: \(quoted)
        # date: YYYY-MM-DD     # or YYYY-MM, or YYYY; an event without one stays off the timeline
        # end: YYYY-MM-DD
        # place: …
        people: []             # names or slugs of people notes
        issues: []
        summary: ""
        ---

        """
    case "issues":
      return """
        ---
        title: \(quoted)
        aliases: []
        # status: …            # e.g. Under negotiation
        # related: []          # other issues
        summary: ""
        ---

        """
    case "articles":
      return """
        ---
        title: \(quoted)
        # date: YYYY-MM-DD     # without it, the date is looked for in a dateline
        # source: …            # the publisher
        # url: https://…
        ---
        The text of the article.

        """
    default:
      return """
        ---
        name: \(quoted)
        aliases: []
        summary: ""
        ---

        """
    }
  }

  /// The starter briefing, by path.
  static let files: [(String, String)] = [
    (
      ".gitignore",
      """
      # What `briefing build` makes and keeps; all of it can be made again.
      /site/
      /.briefing-cache/
      /.site.briefing-lock

      """
    ),
    (
      "content/briefing.yml",
      """
      # The briefing's settings; every key is optional.
      title: Harbor security briefing   # the briefing's title (default: Briefing)
      description: "A starter briefing: edit these notes, add articles, and build."  # under the title and in the feed
      language: en                      # the pages' lang (default: en)
      # base_url: https://example.org/briefing/   # where the site is published; enables sitemap.xml and absolute feed links
      link_policy: first                # first: link an entity's first mention in each article; all: every mention

      """
    ),
    (
      "content/index.md",
      """
      This briefing follows [[port security]] around the [[Harbor Summit 2026]], where [[Maria Keller]]
      of the [[Coastal Authority]] sets out her plan. Write the introduction of your briefing here:
      it opens the front page, and `[[…]]` links any note by its name or an alias.

      """
    ),
    (
      "content/articles/keller-sets-out-harbor-plan.md",
      """
      ---
      title: Keller sets out harbor plan before summit
      date: 2026-03-02          # YYYY-MM-DD: dates without a year in the text are read from it
      source: Example Wire      # the publisher
      dek: The port chief wants new inspections before ministers meet.
      ---
      PORTSMOUTH, March 2 - Maria Keller, head of the Coastal Authority, said on Monday that
      inspections of container traffic would double before the Harbor Summit.

      "We cannot secure a port we cannot see," Keller said.

      Ministers will meet at the Harbor Summit on March 16 to discuss port security and the cost of
      new scanners. The authority first proposed the inspections on February 10.

      """
    ),
    (
      "content/people/maria-keller.md",
      """
      ---
      name: Maria Keller
      aliases: [Keller]                 # other names the articles use
      country: United Kingdom
      roles:
        - {title: Head of the Coastal Authority, from: 2024-05-01}
      summary: Head of the Coastal Authority, who argues for more inspections at the port.
      ---
      Keller runs the [[Coastal Authority]] and leads its work on [[port security]].

      """
    ),
    (
      "content/events/harbor-summit-2026.md",
      """
      ---
      title: Harbor Summit 2026
      aliases: [Harbor Summit]
      date: 2026-03-16
      place: Portsmouth
      people: [Maria Keller]
      issues: [port security]
      summary: Ministers meet to agree on inspections and who pays for the scanners.
      ---

      """
    ),
    (
      "content/issues/port-security.md",
      """
      ---
      title: Port security
      aliases: [port security, harbor security]
      status: Under discussion
      summary: How much container traffic is inspected, and who pays for it.
      ---
      The articles' passages on this issue are gathered on its page, with the quotes said near them.

      """
    ),
    (
      "content/organizations/coastal-authority.md",
      """
      ---
      name: Coastal Authority
      aliases: [the authority]
      summary: The body that runs the port and its inspections.
      ---

      """
    ),
  ]
}
