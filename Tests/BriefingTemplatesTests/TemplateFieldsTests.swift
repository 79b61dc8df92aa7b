import Testing

@testable import BriefingTemplates

@Suite struct TemplateFieldsTests {
  /// Fields keep the order they were given; setting a name again replaces its value in place,
  /// setting nil removes it, and a name repeated in a literal keeps its last value.
  @Test func readsWritesAndRemovesByName() {
    var fields: TemplateFields = ["title": "A", "url": "a.html", "title": "B"]
    #expect(fields.keys == ["title", "url"])
    #expect(text(fields["title"]) == "B")
    fields["count"] = 3
    fields["url"] = "b.html"
    #expect(fields.keys == ["title", "url", "count"])
    #expect(text(fields["url"]) == "b.html")
    fields["title"] = nil
    #expect(fields.keys == ["url", "count"] && fields["title"] == nil && fields.count == 2)
    #expect(fields.map(\.key) == ["url", "count"])
    #expect(TemplateFields(["b": 1, "a": 2]).keys == ["a", "b"])
  }

  /// A lookup with the hash a template's name carries finds what the name finds, and names whose
  /// hashes are equal are still told apart by their text.
  @Test func findsANameByItsHash() {
    let names = (0..<200).map { "name\($0)" }
    var fields = TemplateFields()
    for (n, name) in names.enumerated() { fields[name] = .int(n) }
    for (n, name) in names.enumerated() {
      guard case .int(let found)? = fields.value(name, hash: TemplateFields.hash(name)) else {
        Issue.record("\(name) not found")
        continue
      }
      #expect(found == n)
    }
    #expect(fields.value("name1", hash: TemplateFields.hash("name2")) == nil)
    #expect(fields.value("absent", hash: TemplateFields.hash("name1")) == nil)
  }

  private func text(_ value: TemplateValue?) -> String? {
    if case .string(let text)? = value { return text }
    return nil
  }
}
