import Testing

@testable import BriefingCore

@Suite struct NameIndexTests {
  let entities = [
    Entity(
      id: "issues/hns", kind: .issue, slug: "hns", name: "Host-nation support", aliases: ["HNS"], file: "a"),
    Entity(id: "events/a", kind: .event, slug: "a", name: "A", aliases: ["inauguration"], file: "b"),
    Entity(id: "events/b", kind: .event, slug: "b", name: "B", aliases: ["inauguration"], file: "c"),
    Entity(id: "people/t", kind: .person, slug: "t", name: "Trump’s friend", file: "d"),
  ]

  @Test func forgivesCaseDashesApostrophesAndPeriods() {
    let index = NameIndex(entities)
    #expect(index.resolve("host–nation Support") == ["issues/hns"])
    #expect(index.resolve("H.N.S.") == ["issues/hns"])
    #expect(index.resolve("Trump's  friend") == ["people/t"])
    #expect(index.resolve("issues/hns") == ["issues/hns"])
  }

  @Test func reportsEveryEntityASharedAliasNames() {
    #expect(NameIndex(entities).resolve("Inauguration") == ["events/a", "events/b"])
    #expect(NameIndex(entities).resolve("nobody").isEmpty)
  }
}
