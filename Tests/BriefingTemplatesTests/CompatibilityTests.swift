import BriefingTemplates
import Testing

/// The swift-mustache behaviour the site's templates rely on, each checked against swift-mustache.
@Suite struct CompatibilityTests {
  /// Renders with both and expects the same output; returns ours.
  func both(_ template: String, _ value: TemplateValue, partials: [String: String] = [:]) throws -> String {
    var sources = partials
    sources["t"] = template
    let ours = try TemplateLibrary(sources).render("t", value)
    let theirs = try SwiftMustache.render(sources, "t", value)
    #expect(ours == theirs, "\(template.debugDescription)")
    return ours
  }

  let letters: TemplateValue = ["items": ["a", "b", "c"]]

  @Test func aPragmaAloneOnItsLineVanishesWithTheLine() throws {
    let template = "{{% CONTENT_TYPE: BRIEFING_HTML }}\n<p>{{x}}</p>\n"
    #expect(try both(template, ["x": "<&>"]) == "<p>&lt;&amp;&gt;</p>\n")
    #expect(try both("  {{% CONTENT_TYPE: BRIEFING_HTML }}  \r\nx", [:]) == "x")
    #expect(try both("{{% CONTENT_TYPE: BRIEFING_HTML }}", [:]) == "")
  }

  @Test func aPragmaAmongTextRendersNothing() throws {
    #expect(try both("a {{% CONTENT_TYPE: BRIEFING_HTML }} b", [:]) == "a  b")
    #expect(try TemplateLibrary(["t": "a{{%ANYTHING AT ALL}}b"]).render("t", [:]) == "ab")
  }

  @Test func firstAndLastMarkTheEndsOfAList() throws {
    let template = "{{#items}}{{#first()}}<ul>{{/first()}}<li>{{.}}</li>{{#last()}}</ul>{{/last()}}{{/items}}"
    #expect(try both(template, letters) == "<ul><li>a</li><li>b</li><li>c</li></ul>")
    #expect(try both(template, ["items": ["only"]]) == "<ul><li>only</li></ul>")
    #expect(try both(template, ["items": []]) == "")
  }

  @Test func invertedFirstAndLastAreEveryOtherItem() throws {
    #expect(try both("{{#items}}{{.}}{{^last()}}, {{/last()}}{{/items}}", letters) == "a, b, c")
    #expect(try both("{{#items}}{{^first()}} · {{/first()}}{{.}}{{/items}}", letters) == "a · b · c")
  }

  @Test func indexEvenAndOddCountFromZero() throws {
    let template = "{{#items}}{{index()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{even()}} {{/items}}"
    #expect(try both(template, letters) == "0etrue 1ofalse 2etrue ")
    #expect(try both("{{#items}}{{#index()}}[{{.}}]{{/index()}}{{/items}}", letters) == "[0][1][2]")
  }

  @Test func positionsReachIntoTrueSectionsButNotObjectsOrPartials() throws {
    let items: TemplateValue = [
      "items": [["flag": true, "inner": ["x": 1]], ["flag": true, "inner": ["x": 2]]]
    ]
    #expect(try both("{{#items}}{{#flag}}{{#first()}}F{{/first()}}{{/flag}}{{/items}}", items) == "F")
    #expect(
      try both(
        "{{#items}}{{#inner}}[{{#first()}}F{{/first()}}{{^first()}}-{{/first()}}]{{/inner}}{{/items}}", items)
        == "[-][-]")
    #expect(
      try both("{{#items}}{{>p}}{{/items}}", items, partials: ["p": "{{#first()}}F{{/first()}}{{x}}."])
        == "..")
    #expect(try both("{{#items}}{{^missing}}{{#last()}}L{{/last()}}{{/missing}}{{/items}}", items) == "L")
  }

  @Test func positionsOutsideAListAreFalse() throws {
    #expect(
      try both("[{{first()}}{{index()}}{{#first()}}F{{/first()}}{{^last()}}not last{{/last()}}]", [:])
        == "[not last]")
  }

  @Test func otherFunctionsRenderNothing() throws {
    let library = try TemplateLibrary([
      "t":
        "[{{count(items)}}{{#reversed(items)}}{{.}}{{/reversed(items)}}{{^empty(items)}}x{{/empty(items)}}{{size()}}]"
    ])
    #expect(library.render("t", letters) == "[x]")
  }

  @Test func emptyTextAndZeroAreTrueAndPushed() throws {
    #expect(try both("{{#s}}[{{.}}]{{/s}}{{^s}}none{{/s}}", ["s": ""]) == "[]")
    #expect(try both("{{#n}}[{{.}}]{{/n}}{{^n}}none{{/n}}", ["n": 0]) == "[0]")
    #expect(try both("{{#s}}[{{s}}]{{/s}}", ["s": "x&y"]) == "[x&amp;y]")
  }

  @Test func booleansAndIntegersPrintAsSwiftPrintsThem() throws {
    let value: TemplateValue = ["t": true, "f": false, "n": -1234, "z": 0, "big": .int(Int.max)]
    #expect(
      try both("{{t}} {{f}} {{n}} {{z}} {{big}} {{{t}}}", value) == "true false -1234 0 \(Int.max) true")
  }

  @Test func falseAndNullAndEmptyListsAreFalse() throws {
    let value: TemplateValue = ["f": false, "null": nil, "empty": []]
    #expect(try both("{{#f}}1{{/f}}{{#null}}2{{/null}}{{#empty}}3{{/empty}}{{#gone}}4{{/gone}}", value) == "")
    #expect(
      try both("{{^f}}1{{/f}}{{^null}}2{{/null}}{{^empty}}3{{/empty}}{{^gone}}4{{/gone}}", value) == "1234")
    #expect(try both("[{{null}}][{{gone}}][{{null.x}}]", value) == "[][][]")
  }

  @Test func aNameStartingWithADotLooksOnlyAtTheTop() throws {
    let value: TemplateValue = ["name": "outer", "inner": ["other": 1, "x": ["name": "deep"]]]
    #expect(try both("{{#inner}}[{{name}}|{{.name}}|{{.x.name}}]{{/inner}}", value) == "[outer||deep]")
  }

  @Test func theFiveCharactersAreEscapedAndNothingElse() throws {
    let text = "Tom & \"Jerry\" <b>'s</b> — café’s ü\u{301} \u{1F600}"
    #expect(
      try both("{{x}}|{{{x}}}|{{&x}}", ["x": .string(text)])
        == "Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt; — café’s ü\u{301} \u{1F600}|\(text)|\(text)"
    )
  }

  @Test func renderingAppendsToTheBuffer() throws {
    let library = try TemplateLibrary(["t": "<{{x}}>"])
    var out = Array("start:".utf8)
    library.render("t", ["x": 1], into: &out)
    library.render("missing", ["x": 1], into: &out)
    library.render("t", ["x": 2], into: &out)
    #expect(String(decoding: out, as: UTF8.self) == "start:<1><2>")
    #expect(library.has("t"))
    #expect(!library.has("missing"))
    #expect(library.render("missing", [:]) == "")
  }

  @Test func namesAreCollectedThroughPartials() throws {
    let library = try TemplateLibrary([
      "page": "{{title}}{{#items}}{{#first()}}{{/first()}}{{.}}{{> item}}{{/items}}{{> gone}}",
      "item": "{{name}}{{{html}}}{{#article.date}}{{iso}}{{/article.date}}{{^x}}{{/x}}{{> item}}",
    ])
    #expect(library.names(in: "page") == ["title", "items", "name", "html", "article.date", "iso", "x"])
    #expect(library.names(in: "item") == ["name", "html", "article.date", "iso", "x"])
    #expect(library.names(in: "gone") == [])
  }

  @Test func indentedStandalonePartialsIndentEveryLine() throws {
    let library = try TemplateLibrary([
      "t": "<ul>\n  {{> item}}\n</ul>\n",
      "item": "<li>\n{{#xs}}\n  {{> leaf}}\n{{/xs}}\n</li>\n",
      "leaf": "{{.}}\n{{.}}!\n",
    ])
    #expect(
      library.render("t", ["xs": ["a", "b"]])
        == "<ul>\n  <li>\n    a\n    a!\n    b\n    b!\n  </li>\n</ul>\n")
  }
}
