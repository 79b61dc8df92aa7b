import Testing

@testable import BriefingCore

@Suite struct NoteReaderTests {
  func read(_ text: String, folder: String = "people", name: String = "gen-nakatani") -> (
    Entity, [Diagnostic]
  ) {
    var diagnostics: [Diagnostic] = []
    let file = SourceFile(
      path: "content/\(folder)/\(name).md", relativePath: "\(folder)/\(name).md")
    return (NoteReader.read(file, text: text, diagnostics: &diagnostics), diagnostics)
  }

  /// A kind's folder becomes the folder of its pages, beside `index.html` and the rest.
  @Test(arguments: ["index.html", "Places", "x\"><img src=x>", "a b"])
  func aKindFolderMustReadAsASlug(folder: String) {
    let (_, diagnostics) = read("---\nname: Somewhere\n---\n", folder: folder, name: "somewhere")
    #expect(
      diagnostics.map(\.description) == [
        "content/\(folder)/somewhere.md: error: the folder '\(folder)' cannot name a kind of entity: use lower-case letters, digits and hyphens [invalid-kind-folder]"
      ])
  }

  @Test func readsAPerson() {
    let (entity, diagnostics) = read(
      """
      ---
      name: Gen Nakatani
      aliases: [Nakatani]
      roles:
        - {title: Minister of Defense, from: 2024-10}
      country: Japan
      ---
      Body with [[Pete Hegseth]].
      """)
    #expect(diagnostics.isEmpty)
    #expect(entity.id == "people/gen-nakatani")
    #expect(entity.kind == .person)
    #expect(entity.aliases == ["Nakatani"])
    #expect(entity.roles == [Role(title: "Minister of Defense", from: BriefingDate(year: 2024, month: 10))])
    #expect(entity.bodyLine == 8)
  }

  @Test func anyOtherFolderIsAKindOfItsOwn() {
    let (entity, _) = read("---\nname: Okinawa\n---\n", folder: "places", name: "okinawa")
    #expect(entity.kind == .other("places"))
    #expect(entity.kind.name == "places")
    #expect(entity.id == "places/okinawa")
  }

  @Test func referencesKeepTheirLines() {
    let (entity, _) = read(
      "---\ntitle: Call\ndate: 2025-01-31\npeople:\n  - Gen Nakatani\n  - Pete Hegseth\nissues: [Defense spending]\n---\n",
      folder: "events", name: "call")
    #expect(entity.references["people"]?.map(\.line) == [5, 6])
    #expect(entity.references["issues"]?.map(\.line) == [7])
  }

  @Test func unresolvedReferencesAreErrorsNamingFileAndLine() {
    let (event, _) = read(
      "---\ntitle: Call\ndate: 2025-01-31\npeople: [Gen Nakatani, Nobody Known]\n---\n", folder: "events",
      name: "call")
    let (person, _) = read("---\nname: Gen Nakatani\n---\n")
    let index = NameIndex([event, person])
    let (relations, diagnostics) = ReferenceResolver.relations(of: [event, person], index: index)
    #expect(relations["events/call"]?["people"] == ["people/gen-nakatani"])
    #expect(
      diagnostics.map(\.description) == [
        "content/events/call.md:4:1: error: 'people' names 'Nobody Known', which is no entity's name or alias [unknown-reference]"
      ])
  }

  @Test func wikilinksThatNameNothingAreReported() {
    let (person, _) = read(
      "---\nname: Gen Nakatani\n---\nSee [[Pete Hegseth]] and `[[code]]` and [[gen nakatani|him]].\n")
    let diagnostics = ReferenceResolver.checkWikilinks(
      in: person.body, firstLine: person.bodyLine, file: person.file, index: NameIndex([person]))
    #expect(
      diagnostics.map(\.description) == [
        "content/people/gen-nakatani.md:4:5: error: wikilink [[Pete Hegseth]] names 'Pete Hegseth', which is no entity's name or alias [unknown-wikilink]"
      ])
  }

  @Test func aNoteWithoutANameIsAnError() {
    let (_, diagnostics) = read("---\ncountry: Japan\n---\n")
    #expect(diagnostics.contains { $0.message.contains("has no 'name'") && $0.line == 1 })
  }
}
