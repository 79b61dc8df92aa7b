/// `content/briefing.yml`: the settings of a briefing.
public struct BriefingConfig: Sendable, Hashable {
  /// Which mentions of an entity in an article become links.
  public enum LinkPolicy: String, Sendable, Hashable {
    case first, all
  }

  public var title: String
  public var description: String?
  public var language: String
  /// Absolute address the site is published at; enables the sitemap and absolute feed links.
  public var baseURL: String?
  public var linkPolicy: LinkPolicy
  /// What `diagnostics:` makes of each code: `off`, `warning` or `error`.
  public var diagnosticLevels: [String: DiagnosticLevel] = [:]
  /// The user's own fields (`extra:`), for templates.
  public var extra: FrontMatter.Value?

  /// What a code can be made in `diagnostics:`.
  public enum DiagnosticLevel: String, Sendable, Hashable {
    case off, warning, error
  }

  /// The keys `briefing.yml` may have.
  static let keys = ["title", "description", "language", "base_url", "link_policy", "diagnostics", "extra"]

  public init(
    title: String = "Briefing", description: String? = nil, language: String = "en", baseURL: String? = nil,
    linkPolicy: LinkPolicy = .first
  ) {
    self.title = title
    self.description = description
    self.language = language
    self.baseURL = baseURL
    self.linkPolicy = linkPolicy
  }

  /// Reads `briefing.yml`; a missing file gives the defaults.
  public static func read(_ text: String?, file: String, diagnostics: inout [Diagnostic]) -> BriefingConfig {
    var config = BriefingConfig()
    guard let text else { return config }
    let (front, problems) = FrontMatter.parse("---\n\(text)\n---\n", file: file)
    // The wrapper adds one line above the file's first line.
    diagnostics += problems.map {
      var d = $0; d.line = max(1, d.line - 1); return d
    }
    var fields = Fields(front, file: file)
    config.title = fields.text("title") ?? config.title
    config.description = fields.text("description")
    config.language = fields.text("language") ?? config.language
    if let base = fields.text("base_url") {
      if base.hasPrefix("https://") || base.hasPrefix("http://") {
        config.baseURL = base.hasSuffix("/") ? base : base + "/"
      } else if let field = front["base_url"] {
        fields.report(field, "base_url must start with http:// or https://")
      }
    }
    if let policy = fields.text("link_policy") {
      if let value = LinkPolicy(rawValue: policy) {
        config.linkPolicy = value
      } else if let field = front["link_policy"] {
        fields.report(field, "link_policy must be 'first' or 'all', not '\(policy)'")
      }
    }
    if let field = front["diagnostics"] {
      if case .map(let entries) = field.value {
        for entry in entries {
          if let text = entry.value.text, let level = DiagnosticLevel(rawValue: text) {
            config.diagnosticLevels[entry.key] = level
          } else {
            fields.report(
              entry,
              "'diagnostics' sets each code to off, warning or error, not '\(entry.value.text ?? "a list")'")
          }
        }
      } else {
        fields.report(field, "'diagnostics' must be a mapping of codes to off, warning or error")
      }
    }
    config.extra = fields.extra()
    fields.reportUnknownKeys(known: keys)
    diagnostics += fields.diagnostics.map {
      var d = $0; d.line = max(1, d.line - 1); return d
    }
    return config
  }
}
