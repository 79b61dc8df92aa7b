/// A sentence of an article that speaks of a date, with the entities around it.
public struct DatedMention: Sendable, Hashable {
  public var date: BriefingDate
  /// The article it comes from.
  public var document: String
  public var sentence: String
  /// The words that gave the date ("January 31", "on Monday").
  public var phrase: String
  /// Entities named in the sentence, by id.
  public var entities: [String]
  /// Entities named in the sentence before it ("An initial meeting is arranged for February 7"
  /// follows the sentence that names the two leaders).
  public var context: [String]

  public init(
    date: BriefingDate, document: String, sentence: String, phrase: String, entities: [String],
    context: [String]
  ) {
    self.date = date
    self.document = document
    self.sentence = sentence
    self.phrase = phrase
    self.entities = entities
    self.context = context
  }
}
