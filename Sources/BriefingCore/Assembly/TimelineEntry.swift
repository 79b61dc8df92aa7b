/// One dated entry of the chronology: a curated event, or a dated sentence from an article.
public struct TimelineEntry: Sendable, Hashable {
  /// An article sentence the entry comes from.
  public struct Source: Sendable, Hashable {
    public var article: String
    public var text: String

    public init(article: String, text: String) {
      self.article = article
      self.text = text
    }
  }

  public var date: BriefingDate
  public var end: BriefingDate?
  public var title: String
  /// The curated event, or nil for an entry extracted from text.
  public var event: String?
  /// People, issues, organizations the entry concerns, by id.
  public var entities: [String]
  public var sources: [Source]

  public init(
    date: BriefingDate, end: BriefingDate? = nil, title: String, event: String?, entities: [String],
    sources: [Source]
  ) {
    self.date = date
    self.end = end
    self.title = title
    self.event = event
    self.entities = entities
    self.sources = sources
  }
}
