import BriefingCore
import BriefingMarkdown

/// The link stage: renders each article and note body to HTML with its mentions linked, and
/// records every mention.
struct BodyLinker: Sendable {
  let linker: TextLinker

  /// A body rendered for a page one folder below the site root.
  struct Linked: Sendable {
    var html: String
    var mentions: [Mention]
  }

  func link(_ article: Article) -> Linked {
    switch article.format {
    case .text:
      var html = ""
      var mentions: [Mention] = []
      for paragraph in article.paragraphs {
        let (segments, found) = linker.link(paragraph.text, in: article.id)
        mentions += found
        html += "<p>" + segments.map { render($0, root: "../") }.joined() + "</p>\n"
      }
      return Linked(html: html, mentions: mentions)
    case .markdown:
      return markdown(article.markdown, document: article.id, root: "../")
    }
  }

  /// Renders a Markdown body (a note's or an article's) for a page whose way to the root is `root`.
  func markdown(_ source: String, document: String, root: String) -> Linked {
    var mentions: [Mention] = []
    let html = Markdown.html(from: source) { text, placement in
      let (segments, found) = linker.link(text, in: document, link: !placement.inHeading)
      mentions += found
      guard found.count > 0 || segments.count != 1 else { return nil }
      return segments.map { segment in
        switch segment {
        case .text(let text): return .text(text)
        case .entity(let id, let text, let link):
          return link ? .link(text: text, url: root + id + ".html") : .text(text)
        }
      }
    }
    return Linked(html: html, mentions: mentions)
  }

  private func render(_ segment: TextLinker.Segment, root: String) -> String {
    switch segment {
    case .text(let text): return HTML.escape(text)
    case .entity(let id, let text, let link):
      guard link else { return HTML.escape(text) }
      return "<a class=\"mention\" href=\"\(root)\(id).html\">\(HTML.escape(text))</a>"
    }
  }
}
