/// What kind of thing an entity is; the folder it lives in decides.
public enum EntityKind: Sendable, Hashable, Comparable {
  case person, event, issue, organization
  /// Any further folder, named after it (`places` gives `.other("places")`).
  case other(String)

  /// The kind a content folder holds.
  public init(folder: String) {
    switch folder {
    case "people": self = .person
    case "events": self = .event
    case "issues": self = .issue
    case "organizations": self = .organization
    default: self = .other(folder)
    }
  }

  /// The content (and output) folder of the kind.
  public var folder: String {
    switch self {
    case .person: "people"
    case .event: "events"
    case .issue: "issues"
    case .organization: "organizations"
    case .other(let folder): folder
    }
  }

  /// The name used in `briefing.json`.
  public var name: String {
    switch self {
    case .person: "person"
    case .event: "event"
    case .issue: "issue"
    case .organization: "organization"
    case .other(let folder): folder
    }
  }

  /// A heading for the kind's index page.
  public var title: String {
    switch self {
    case .person: "People"
    case .event: "Events"
    case .issue: "Issues"
    case .organization: "Organizations"
    case .other(let folder):
      folder.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
  }

  /// Order of kinds in navigation: issues first, as a briefing reads.
  var rank: Int {
    switch self {
    case .issue: 0
    case .person: 1
    case .event: 2
    case .organization: 3
    case .other: 4
    }
  }

  public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool {
    (lhs.rank, lhs.folder) < (rhs.rank, rhs.folder)
  }
}

/// A role a person holds, optionally dated.
public struct Role: Sendable, Hashable {
  public var title: String
  public var from: BriefingDate?
  public var to: BriefingDate?

  public init(title: String, from: BriefingDate? = nil, to: BriefingDate? = nil) {
    self.title = title
    self.from = from
    self.to = to
  }
}

/// A reference written in a note's front matter (`people: [Gen Nakatani]`), before it is resolved.
public struct Reference: Sendable, Hashable {
  public var name: String
  public var line: Int
  public var column: Int

  public init(name: String, line: Int, column: Int) {
    self.name = name
    self.line = line
    self.column = column
  }
}

/// A person, event, issue, organization or other curated note.
public struct Entity: Sendable, Hashable, Identifiable {
  /// `FOLDER/SLUG`, e.g. `people/gen-nakatani`.
  public var id: String
  public var kind: EntityKind
  public var slug: String
  /// The display name (`name` or, for events and issues, `title`).
  public var name: String
  public var aliases: [String]
  public var summary: String?
  /// The Markdown body after the front matter.
  public var body: String
  /// 1-based line of the body's first line in the file.
  public var bodyLine: Int
  public var file: String

  // person
  public var roles: [Role] = []
  public var country: String?
  // event
  public var date: BriefingDate?
  public var end: BriefingDate?
  public var place: String?
  // issue
  public var status: String?
  /// Unresolved references by front-matter key (`people`, `issues`, `organizations`, `related`).
  public var references: [String: [Reference]] = [:]
  /// Diagnostic codes the note accepts for itself (`accept: [undated-event]`).
  public var accepts: [String] = []
  /// The user's own fields (`extra:`), for templates.
  public var extra: FrontMatter.Value?

  public init(
    id: String, kind: EntityKind, slug: String, name: String, aliases: [String] = [],
    summary: String? = nil, body: String = "", bodyLine: Int = 1, file: String
  ) {
    self.id = id
    self.kind = kind
    self.slug = slug
    self.name = name
    self.aliases = aliases
    self.summary = summary
    self.body = body
    self.bodyLine = bodyLine
    self.file = file
  }

  /// The page of the entity, relative to the site root.
  public var url: String { "\(id).html" }
}
