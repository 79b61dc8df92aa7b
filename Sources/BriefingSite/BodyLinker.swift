import BriefingCore
import BriefingMarkdown

/// The link stage: renders each article and note body to HTML with its mentions linked, and
/// records every mention.
struct BodyLinker: Sendable {
  let linker: DocumentLinker
  /// Whether bodies are rendered to HTML; `briefing check` needs only the findings.
  var rendersHTML = true

  /// A body rendered to HTML (empty when not rendered), with what linking found in it.
  struct Linked: Sendable {
    var html: BodyHTML
    var findings: Findings
  }

  func link(_ article: Article) -> Linked {
    let context = DocumentLinker.Context(document: article.id, file: article.file, date: article.date)
    // The title and dek are read like headings: their mentions count, and they carry no links.
    var heading: [DocumentLinker.Run] = []
    if !article.titleIsExcerpt {
      heading.append(DocumentLinker.Run(text: article.title, linkable: false, line: 0, wikilinks: false))
    }
    if let dek = article.dek {
      heading.append(DocumentLinker.Run(text: dek, linkable: false, line: 0, wikilinks: false))
    }
    switch article.format {
    case .text:
      let runs =
        heading
        + article.paragraphs.map { DocumentLinker.Run(text: $0.text, line: $0.line, wikilinks: false) }
      let result = linker.link(runs, context: context)
      var html = ""
      for segments in result.segments.dropFirst(heading.count) where rendersHTML {
        html += "<p>" + segments.map { render($0, root: "../") }.joined() + "</p>\n"
      }
      return Linked(html: .text(html), findings: result.findings)
    case .markdown:
      return markdown(
        article.markdown, firstLine: article.bodyLine, context: context, root: "../", heading: heading)
    }
  }

  /// Renders a Markdown body for a page whose way back to the site root is `root`.
  func markdown(
    _ source: String, firstLine: Int, context: DocumentLinker.Context, root: String,
    heading: [DocumentLinker.Run] = []
  ) -> Linked {
    func runs(_ texts: [(text: String, placement: Markdown.Placement)]) -> [DocumentLinker.Run] {
      heading
        + texts.map { text, placement in
          DocumentLinker.Run(
            text: text, linkable: !placement.inHeading, line: firstLine + placement.line - 1, wikilinks: true,
            paragraph: placement.block, joiner: placement.joiner)
        }
    }
    guard rendersHTML else {
      return Linked(
        html: .text(""), findings: linker.link(runs(Markdown.texts(in: source)), context: context).findings)
    }
    // One parse: every text node is read before any is rewritten, since a name's meaning can
    // depend on the rest of the document.
    var found: DocumentLinker.Result?
    let html = Markdown.html(from: source) { texts in
      let linked = linker.link(runs(texts), context: context)
      found = linked
      return linked.segments.dropFirst(heading.count).map { segments -> [Markdown.Segment]? in
        if segments.count == 1, case .text = segments[0] { return nil }
        return segments.map { segment in
          switch segment {
          case .text(let text): return .text(text)
          case .entity(let id, let text, let link):
            return link ? .link(text: text, url: root + id + ".html") : .text(text)
          }
        }
      }
    }
    let result = found ?? linker.link(heading, context: context)
    return Linked(html: .text(html), findings: result.findings)
  }

  private func render(_ segment: DocumentLinker.Segment, root: String) -> String {
    switch segment {
    case .text(let text): return HTML.escape(text)
    case .entity(let id, let text, let link):
      guard link else { return HTML.escape(text) }
      // The id starts with the kind's folder name, which is whatever the content folder is called.
      return "<a class=\"mention\" href=\"\(HTML.escape(root + id + ".html"))\">\(HTML.escape(text))</a>"
    }
  }
}
