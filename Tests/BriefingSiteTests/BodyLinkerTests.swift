import BriefingCore
import Testing

@testable import BriefingSite

/// Linking in Markdown happens on cmark's text nodes: never in code, links or URLs; headings are
/// counted but not linked.
@Suite struct BodyLinkerTests {
  let linker = BodyLinker(
    linker: DocumentLinker(
      entities: [
        Entity(id: "organizations/nhk", kind: .organization, slug: "nhk", name: "NHK", file: "n"),
        Entity(
          id: "people/gen-nakatani", kind: .person, slug: "gen-nakatani", name: "Gen Nakatani", file: "g"),
      ], policy: .all))

  func render(_ markdown: String) -> BodyLinker.Linked {
    linker.markdown(
      markdown, firstLine: 1, context: .init(document: "articles/a", file: "a.md", date: nil), root: "../")
  }

  @Test func linksTextButNotCodeLinksOrHeadings() {
    let linked = render(
      "# NHK report\n\nNHK said `NHK code` and [the NHK site](https://nhk.example) and <https://nhk.example/NHK>.\n\n    NHK in a code block\n"
    )
    #expect(
      linked.html.text == """
        <h1>NHK report</h1>
        <p><a href="../organizations/nhk.html">NHK</a> said <code>NHK code</code> and <a href="https://nhk.example">the NHK site</a> and <a href="https://nhk.example/NHK">https://nhk.example/NHK</a>.</p>
        <pre><code>NHK in a code block
        </code></pre>

        """)
    // The heading and the paragraph count; code, links and URLs do not.
    #expect(linked.findings.mentions.count == 2)
  }

  @Test func rendersNoRawHTMLAndNoScriptLinks() {
    let html = render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) Gen Nakatani\n").html.text
    #expect(!html.contains("<script>"))
    #expect(!html.contains("javascript:"))
    #expect(html.contains("<a href=\"../people/gen-nakatani.html\">Gen Nakatani</a>"))
  }

  @Test func escapesPlainTextArticles() {
    var article = Article(
      id: "articles/t", slug: "t", file: "t.txt", format: .text, title: "T",
      paragraphs: [.init("NHK <b>said</b> & *nothing*", line: 1)])
    article.date = nil
    #expect(
      linker.link(article).html.text
        == "<p><a class=\"mention\" href=\"../organizations/nhk.html\">NHK</a> &lt;b&gt;said&lt;/b&gt; &amp; *nothing*</p>\n"
    )
  }

  /// A kind is named after its content folder, and a folder may be named anything.
  @Test(arguments: [
    ("x\"><img src=x onerror=alert(1)>", "x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
    ("a'b", "a&#39;b"),
    ("a&b", "a&amp;b"),
  ])
  func escapesTheKindFolderInMentionLinks(folder: String, escaped: String) {
    let linker = BodyLinker(
      linker: DocumentLinker(
        entities: [
          Entity(id: folder + "/alice", kind: .other(folder), slug: "alice", name: "Alice Smith", file: "a")
        ], policy: .all))
    let article = Article(
      id: "articles/t", slug: "t", file: "t.txt", format: .text, title: "T",
      paragraphs: [.init("Alice Smith spoke.", line: 1)])
    #expect(
      linker.link(article).html.text
        == "<p><a class=\"mention\" href=\"../\(escaped)/alice.html\">Alice Smith</a> spoke.</p>\n")
  }
}

@Suite struct MarkdownSentenceTests {
  @Test func aSentenceSplitByEmphasisLinksAndLineBreaksIsReadWhole() {
    let linker = BodyLinker(
      linker: DocumentLinker(
        entities: [Entity(id: "organizations/nhk", kind: .organization, slug: "nhk", name: "NHK", file: "n")],
        policy: .first))
    let linked = linker.markdown(
      "The *public* broadcaster NHK said on Jan. 20 that `talks` went\nwell, [reports](https://x.example) say. Next one.\n",
      firstLine: 1,
      context: .init(document: "articles/a", file: "a.md", date: BriefingDate(iso: "2025-01-21")), root: "../"
    )
    #expect(
      linked.findings.mentions.map(\.sentence) == [
        "The public broadcaster NHK said on Jan. 20 that talks went well, reports say."
      ])
    #expect(linked.findings.dated.map(\.date.iso) == ["2025-01-20"])
    #expect(linked.findings.dated.first?.entities == ["organizations/nhk"])
  }
}
