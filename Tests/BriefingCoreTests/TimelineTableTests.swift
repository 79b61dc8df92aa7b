import Testing

@testable import BriefingCore

/// The timeline kept by columns reads back as the entries it was made from, in the order given.
@Suite struct TimelineTableTests {
  private func entries() -> [TimelineEntry] {
    let day = BriefingDate(year: 2025, month: 1, day: 31)
    return [
      TimelineEntry(
        date: day, end: BriefingDate(year: 2025, month: 2, day: 2), title: "Summit", event: "events/summit",
        entities: ["people/a", "issues/b"],
        sources: [
          .init(article: "articles/x", text: "They met."),
          .init(article: "articles/y", text: "They met again."),
        ]),
      TimelineEntry(
        date: BriefingDate(year: 2024), title: "Markets fell in 2024.", event: nil, entities: [],
        sources: [.init(article: "articles/x", text: "Markets fell in 2024.")]),
      TimelineEntry(date: day, title: "Talks", event: "events/talks", entities: ["people/a"], sources: []),
    ]
  }

  @Test func readsBackTheEntriesItWasMadeFrom() {
    let made = entries()
    let timeline = Timeline(made)
    #expect(Array(timeline) == made)
    #expect(timeline.indices.map(timeline.event(at:)) == made.map(\.event))
    #expect(timeline.indices.map(timeline.end(at:)) == made.map(\.end))
    #expect(timeline.indices.map(timeline.entities(at:)) == made.map(\.entities))
    #expect(timeline.indices.map(timeline.sourceArticles(at:)) == made.map { $0.sources.map(\.article) })
    #expect(timeline.sourceCount(at: 0) == 2)
    // A short list reads only the sources it shows.
    #expect(timeline.entry(at: 0, sourceLimit: 1).sources == [made[0].sources[0]])
  }

  @Test func aSentencesEntryIsTitledByItsSentenceWhenRead() {
    var builder = Timeline.Builder()
    let long = (1...20).map { "w\($0)" }.joined(separator: " ") + "."
    builder.append(
      date: BriefingDate(year: 2025), end: nil, title: nil, event: nil, entities: ["people/a"],
      sources: [("articles/x", StoredText(long))])
    builder.append(
      date: BriefingDate(year: 2020), end: nil, title: "Earlier", event: "events/e", entities: [],
      sources: [])
    let timeline = builder.timeline(order: [1, 0])
    #expect(timeline.map(\.title) == ["Earlier", TimelineBuilder.title(of: long)])
    #expect(timeline[1].title.hasSuffix("w18…"))
    #expect(timeline[1].entities == ["people/a"] && timeline[0].entities.isEmpty)
    #expect(timeline[1].sources.map(\.text) == [long])
  }
}
