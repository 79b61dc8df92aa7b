/// A clipped news article, with what was read from front matter and what was inferred.
public struct Article: Sendable, Hashable, Identifiable {
  /// How the body is written.
  public enum Format: String, Sendable, Hashable {
    /// Clipped plain text: one paragraph a line, nothing interpreted.
    case text
    /// CommonMark.
    case markdown
  }

  /// A paragraph of a plain-text article with the line it starts on.
  public struct Paragraph: Sendable, Hashable {
    public var text: String
    public var line: Int

    public init(_ text: String, line: Int) {
      self.text = text
      self.line = line
    }
  }

  /// `articles/SLUG`.
  public var id: String
  public var slug: String
  public var file: String
  public var format: Format
  /// The title; for an untitled article, the first sentence shortened (see `titleIsExcerpt`).
  public var title: String
  /// True when the article has no title and `title` is its first sentence, shortened.
  public var titleIsExcerpt: Bool
  public var dek: String?
  public var date: BriefingDate?
  public var source: String?
  public var url: String?
  public var author: String?
  /// For `.text`: the body's paragraphs, boilerplate removed.
  public var paragraphs: [Paragraph]
  /// For `.markdown`: the body source.
  public var markdown: String
  public var bodyLine: Int
  /// What was inferred rather than given, in words (`title from line 5`).
  public var inferred: [String]
  /// Lines dropped as boilerplate, for `briefing check`.
  public var dropped: [Paragraph]

  public init(
    id: String, slug: String, file: String, format: Format, title: String, titleIsExcerpt: Bool = false,
    dek: String? = nil, date: BriefingDate? = nil, source: String? = nil, url: String? = nil,
    author: String? = nil, paragraphs: [Paragraph] = [], markdown: String = "", bodyLine: Int = 1,
    inferred: [String] = [], dropped: [Paragraph] = []
  ) {
    self.id = id
    self.slug = slug
    self.file = file
    self.format = format
    self.title = title
    self.titleIsExcerpt = titleIsExcerpt
    self.dek = dek
    self.date = date
    self.source = source
    self.url = url
    self.author = author
    self.paragraphs = paragraphs
    self.markdown = markdown
    self.bodyLine = bodyLine
    self.inferred = inferred
    self.dropped = dropped
  }

  /// Diagnostic codes the article accepts for itself (`accept: [undated-article]`).
  public var accepts: [String] = []
  /// The user's own fields (`extra:`), for templates.
  public var extra: FrontMatter.Value?

  /// The page of the article, relative to the site root.
  public var pageURL: String { "\(id).html" }
}
