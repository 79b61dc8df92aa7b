// libFuzzer target: a document linked against a fixed set of notes, as Markdown runs with
// wikilinks and as plain-text paragraphs; the first byte picks the link policy.
@testable import BriefingCore

private let entities: [Entity] = {
  func dated(_ entity: Entity, _ date: String) -> Entity {
    var e = entity
    e.date = BriefingDate(iso: date)
    return e
  }
  return [
    Entity(
      id: "people/gen-nakatani", kind: .person, slug: "gen-nakatani", name: "Gen Nakatani",
      aliases: ["Nakatani"], file: "a"),
    Entity(
      id: "people/xi-jinping", kind: .person, slug: "xi-jinping", name: "Xi Jinping", aliases: ["Xi"],
      file: "b"),
    Entity(id: "people/donald-trump", kind: .person, slug: "donald-trump", name: "Donald Trump", file: "c"),
    Entity(id: "people/ivanka-trump", kind: .person, slug: "ivanka-trump", name: "Ivanka Trump", file: "d"),
    Entity(
      id: "issues/hns", kind: .issue, slug: "hns", name: "Host-nation support",
      aliases: ["host-nation support"], file: "e"),
    Entity(
      id: "organizations/us-steel", kind: .organization, slug: "us-steel", name: "U.S. Steel", file: "f"),
    Entity(id: "organizations/nhk", kind: .organization, slug: "nhk", name: "NHK", file: "g"),
    dated(
      Entity(
        id: "events/inauguration-2017", kind: .event, slug: "inauguration-2017", name: "First inauguration",
        aliases: ["inauguration"], file: "h"), "2017-01-20"),
    dated(
      Entity(
        id: "events/inauguration-2025", kind: .event, slug: "inauguration-2025", name: "Second inauguration",
        aliases: ["inauguration"], file: "i"), "2025-01-20"),
  ]
}()
private let linkers = [
  DocumentLinker(entities: entities, policy: .first, collectUnknownNames: true),
  DocumentLinker(entities: entities, policy: .all),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let linker = linkers[Int(data[0]) % linkers.count]
  let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  let markdown = lines.enumerated().map {
    DocumentLinker.Run(text: String($1), line: $0 + 1, wikilinks: true, paragraph: $0 / 2, joiner: " ")
  }
  let plain = lines.enumerated().map { DocumentLinker.Run(text: String($1), line: $0 + 1, wikilinks: false) }
  let context = DocumentLinker.Context(
    document: "articles/a", file: "a.md", date: BriefingDate(iso: "2025-02-01"))
  _ = linker.link(markdown, context: context)
  _ = linker.link(plain, context: context)
  return 0
}
