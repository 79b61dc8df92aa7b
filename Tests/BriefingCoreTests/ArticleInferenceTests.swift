import Testing

@testable import BriefingCore

@Suite struct ArticleInferenceTests {
  func read(_ text: String, name: String = "x.txt") -> (Article, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let file = SourceFile(path: "content/articles/\(name)", relativePath: "articles/\(name)")
    return (ArticleReader.read(file, text: text, diagnostics: &diagnostics), diagnostics)
  }

  @Test func infersTitleDekDateAndDropsFurniture() {
    let text = """
      Today : Jan 13, 2025
      World News
      13 January 2025

      Japan Prepares For Talks

      Prime Minister Ishiba's visit aims to strengthen ties.

      Japan is taking steps. It wants trust.

      Second paragraph here.
      """
    let (article, diagnostics) = read(text)
    #expect(diagnostics.isEmpty)
    #expect(article.title == "Japan Prepares For Talks")
    #expect(!article.titleIsExcerpt)
    #expect(article.dek == "Prime Minister Ishiba's visit aims to strengthen ties.")
    #expect(article.date?.iso == "2025-01-13")
    #expect(
      article.paragraphs.map(\.text) == ["Japan is taking steps. It wants trust.", "Second paragraph here."])
    #expect(article.paragraphs.first?.line == 9)
    #expect(article.dropped.map(\.text) == ["Today : Jan 13, 2025", "World News", "13 January 2025"])
  }

  /// With a title in front matter, nothing in the text is taken for one: only a line that repeats
  /// the given title (or dek) is left out.
  @Test(arguments: [
    (
      "---\ntitle: Given\n---\nShort First Line\n\nThe sentence after it.\n\nMore text here.\n",
      ["Short First Line", "The sentence after it.", "More text here."]
    ),
    (
      "---\ntitle: Same Title\n---\nSame Title\n\nThe sentence after it.\n\nMore text here.\n",
      ["The sentence after it.", "More text here."]
    ),
    (
      "---\ntitle: Same Title\ndek: The sentence after it.\n---\nSame Title\n\nThe sentence after it.\n\nMore.\n",
      ["More."]
    ),
  ])
  func aTitleInFrontMatterKeepsTheText(text: String, paragraphs: [String]) {
    let (article, _) = read(text)
    #expect(article.paragraphs.map(\.text) == paragraphs)
    #expect(article.dropped.isEmpty)
    #expect(!article.inferred.contains { $0.hasPrefix("title") || $0.hasPrefix("dek") })
  }

  @Test(arguments: [
    ("---\ntitle: Given\n---\n# Another heading\n\nText.\n", "# Another heading\n\nText.\n"),
    ("---\ntitle: Given\n---\n# Given\n\nText.\n", "\n\nText.\n"),
  ])
  func aTitleInFrontMatterKeepsAMarkdownHeading(text: String, markdown: String) {
    let (article, _) = read(text, name: "x.md")
    #expect(article.title == "Given")
    #expect(article.markdown == markdown)
  }

  /// A field is read more than once (the title decides the dek too); its problem is told once.
  @Test(arguments: ["title: [a, b]", "dek: {a: b}", "date: [2025-01-01]"])
  func aWrongShapeIsReportedOnce(field: String) {
    let (_, diagnostics) = read("---\n\(field)\n---\nText.\n")
    #expect(diagnostics.filter { $0.severity == .error }.count == 1, "\(diagnostics)")
  }

  @Test func dropsPrintButtonsAndTrailingTagLists() {
    let text = """
      print PRINT


      Japan seeks to strengthen alliance

      The government regards the alliance as a cornerstone. It will continue.

      Officials reckon that there is no point in reacting.

        • Ambassador
        • Ukraine
        • COVID-19
      """
    let (article, _) = read(text)
    #expect(article.title == "Japan seeks to strengthen alliance")
    #expect(article.dek == nil)
    #expect(article.paragraphs.count == 2)
    #expect(!article.paragraphs.contains { $0.text.contains("•") || $0.text.contains("PRINT") })
  }

  @Test func keepsEverySentenceOfAnUntitledArticle() {
    let text =
      "Donald Trump’s return has sparked dialogue about the alliance and its future in the region.\nIwaya left Haneda.\nWay Forward\nThe end is near."
    let (article, _) = read(text)
    #expect(article.titleIsExcerpt)
    #expect(article.title == "Donald Trump’s return has sparked dialogue about the alliance and its future…")
    #expect(article.paragraphs.count == 4)
    #expect(article.dropped.isEmpty)
  }

  @Test func frontMatterWinsOverInference() {
    let text =
      "---\ntitle: Given\ndate: 2017-01-21\nslug: my-slug\n---\nToday : Jan 13, 2025\n\nA Heading\n\nBody text is here."
    let (article, _) = read(text)
    #expect(article.title == "Given")
    #expect(article.date?.iso == "2017-01-21")
    #expect(article.id == "articles/my-slug")
  }

  @Test func aBadDateNamesItsLine() throws {
    let (_, diagnostics) = read("---\ntitle: T\ndate: 13 January\n---\nBody.")
    let problem = try #require(diagnostics.first)
    #expect(
      problem.description
        == "content/articles/x.txt:3:1: error: an article's 'date' must be a day written YYYY-MM-DD, not '13 January' (only events may give YYYY-MM or YYYY) [invalid-date]"
    )
  }

  @Test func aPlainTextArticleInterpretsNoMarkdown() {
    let (article, _) = read("A *starred* word and [[not a link]] stay as written in this sentence.")
    #expect(
      article.paragraphs.first?.text
        == "A *starred* word and [[not a link]] stay as written in this sentence.")
  }

  @Test func javascriptURLsAreRefused() throws {
    let (article, diagnostics) = read("---\ntitle: T\nurl: javascript:alert(1)\n---\nBody.")
    #expect(article.url == nil)
    #expect(diagnostics.first?.line == 3)
  }
}
