/// Cuts a run of text into plain text and entity links, and records a mention for each link.
public struct TextLinker: Sendable {
  /// A piece of linked text.
  public enum Segment: Sendable, Hashable {
    case text(String)
    /// Words that name an entity; `link` is false where the text is counted but not linked.
    case entity(id: String, text: String, link: Bool)
  }

  let index: NameIndex

  public init(index: NameIndex) {
    self.index = index
  }

  /// Links `text` from `document`. `link` false (headings) records mentions without links.
  public func link(_ text: String, in document: String, link: Bool = true) -> (
    segments: [Segment], mentions: [Mention]
  ) {
    var segments: [Segment] = []
    var plain = ""
    var found: [(id: String, text: String, offset: Int)] = []
    var cursor = text.startIndex
    for wikilink in Wikilink.all(in: text) {
      let before = String(text[cursor..<wikilink.range.lowerBound])
      if !before.isEmpty {
        segments.append(.text(before))
        plain += before
      }
      let ids = index.resolve(wikilink.target)
      if ids.count == 1 {
        segments.append(.entity(id: ids[0], text: wikilink.label, link: link))
        found.append((ids[0], wikilink.label, plain.utf8.count))
      } else {
        segments.append(.text(wikilink.label))
      }
      plain += wikilink.label
      cursor = wikilink.range.upperBound
    }
    let rest = String(text[cursor...])
    if !rest.isEmpty { segments.append(.text(rest)) }
    plain += rest
    guard !found.isEmpty else { return (segments, []) }

    let sentences = Sentences.ranges(in: plain)
    let mentions = found.map { item -> Mention in
      let position = plain.utf8.index(plain.utf8.startIndex, offsetBy: item.offset)
      let sentence = sentences.first { $0.contains(position) || $0.upperBound == position }
      return Mention(
        entity: item.id, document: document, sentence: sentence.map { String(plain[$0]) } ?? plain,
        text: item.text)
    }
    return (segments, mentions)
  }
}
