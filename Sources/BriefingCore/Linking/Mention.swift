/// One place an entity is named: which entity, in which article or note, in which sentence.
public struct Mention: Sendable, Hashable {
  /// The entity named.
  public var entity: String
  /// The article or note it is named in (`articles/x` or `people/y`).
  public var document: String
  /// The sentence it stands in, as a reader sees it; a build keeps it in its scratch file until a
  /// page shows it.
  public var storedSentence: StoredText
  /// The words that named it ("Nakatani").
  public var text: String
  /// In a title, dek or heading: counted, but no sentence of context.
  public var inHeading: Bool

  public init(entity: String, document: String, sentence: String, text: String, inHeading: Bool = false) {
    self.entity = entity
    self.document = document
    self.storedSentence = StoredText(sentence)
    self.text = text
    self.inHeading = inHeading
  }

  init(entity: String, document: String, storedSentence: StoredText, text: String, inHeading: Bool) {
    self.entity = entity
    self.document = document
    self.storedSentence = storedSentence
    self.text = text
    self.inHeading = inHeading
  }

  /// The sentence it stands in, as a reader sees it.
  public var sentence: String {
    get { storedSentence.text }
    set { storedSentence = StoredText(newValue) }
  }
}
