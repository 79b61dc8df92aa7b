/// Turns an article file into an `Article`: front matter first, then what the text itself tells.
public enum ArticleReader {
  /// The front-matter keys an article may have.
  static let keys = ["title", "date", "source", "url", "author", "dek", "slug", "accept", "extra"]

  /// Reads `file` (already known to be valid UTF-8 text); problems are appended to `diagnostics`.
  public static func read(_ file: SourceFile, text: String, diagnostics: inout [Diagnostic]) -> Article {
    let (front, problems) = FrontMatter.parse(text, file: file.path)
    diagnostics += problems
    let format: Article.Format = file.fileExtension == "md" ? .markdown : .text
    var fields = Fields(front, file: file.path)

    var slug = Slug.make(file.baseName)
    if let given = fields.text("slug") {
      slug = Slug.make(given)
    }
    if slug.isEmpty {
      diagnostics.append(
        .error("empty-slug", file.path, "the article's slug is empty; name the file with letters or digits"))
      slug = "untitled"
    }

    var article = Article(
      id: "articles/\(slug)", slug: slug, file: file.path, format: format, title: "",
      source: fields.text("source"), url: fields.text("url"), author: fields.text("author"),
      bodyLine: front.bodyLine)
    article.date = fields.day("date")
    article.accepts = fields.texts("accept")
    article.extra = fields.extra()
    fields.reportUnknownKeys(known: ArticleReader.keys)
    if let url = article.url, !URLSafety.isSafe(url) {
      let place = front["url"]
      diagnostics.append(
        .error(
          "invalid-url", file.path, line: place?.line ?? 0, column: place?.column ?? 0,
          "url '\(url)' is not an http(s) or relative address"))
      article.url = nil
    }

    let inference: ArticleInference.Result
    switch format {
    case .text:
      inference = ArticleInference.infer(
        lines: front.body, firstLine: front.bodyLine, title: fields.text("title"), dek: fields.text("dek"))
      article.paragraphs = inference.paragraphs
    case .markdown:
      inference = ArticleInference.inferMarkdown(
        front.body, firstLine: front.bodyLine, title: fields.text("title"))
      article.markdown = inference.markdown
    }
    article.dropped = inference.dropped

    if let title = fields.text("title") {
      article.title = title
    } else if let title = inference.title {
      article.title = title.text
      article.inferred.append("title from line \(title.line)")
    } else {
      article.title = inference.excerpt ?? slug
      article.titleIsExcerpt = true
      article.inferred.append("no title: the first sentence stands in for it")
    }
    if let dek = fields.text("dek") {
      article.dek = dek
    } else if fields.text("title") == nil, let dek = inference.dek {
      article.dek = dek.text
      article.inferred.append("dek from line \(dek.line)")
    }
    if article.date == nil, front["date"] == nil, let date = inference.date {
      article.date = date.date
      article.inferred.append("date \(date.date.iso) from the dateline on line \(date.line)")
    }
    if !inference.dropped.isEmpty {
      let lines = inference.dropped.map { String($0.line) }.joined(separator: ", ")
      article.inferred.append("boilerplate dropped: line\(inference.dropped.count == 1 ? "" : "s") \(lines)")
    }
    if article.date == nil && front["date"] == nil {
      diagnostics.append(
        .warning(
          "undated-article", file.path,
          "the article has no date and no dateline: its dates without a year and its weekdays stay off the timeline (add 'date: YYYY-MM-DD')"
        ))
    }
    diagnostics += fields.diagnostics
    return article
  }
}
