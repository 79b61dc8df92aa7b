/// Quoted speech found in an article, with who said it when that is clear.
public struct Quote: Sendable, Hashable {
  /// The words inside the quotation marks.
  public var text: String
  /// The person or organization it is attributed to; nil when no speaker is certain.
  public var speaker: String?
  /// The speaker's name as the article gives it, when the speaker has no note ("John Smith").
  public var speakerName: String?
  /// The article it comes from.
  public var document: String
  /// The sentence (or sentences) the quote stands in.
  public var context: String
  /// Entities named in that context, outside the quote and inside it.
  public var entities: [String]

  public init(
    text: String, speaker: String?, speakerName: String? = nil, document: String, context: String,
    entities: [String]
  ) {
    self.text = text
    self.speaker = speaker
    self.speakerName = speakerName
    self.document = document
    self.context = context
    self.entities = entities
  }
}

/// The sentences of an article that discuss an issue, with a sentence of context on each side.
public struct Passage: Sendable, Hashable {
  public var entity: String
  public var document: String
  /// The passage's text, which a build keeps in its scratch file until a page shows it.
  public var storedText: StoredText
  /// Every entity the passage names.
  public var entities: [String]

  public var text: String {
    get { storedText.text }
    set { storedText = StoredText(newValue) }
  }

  public init(entity: String, document: String, text: String, entities: [String] = []) {
    self.init(entity: entity, document: document, storedText: StoredText(text), entities: entities)
  }

  init(entity: String, document: String, storedText: StoredText, entities: [String]) {
    self.entity = entity
    self.document = document
    self.storedText = storedText
    self.entities = entities
  }
}
