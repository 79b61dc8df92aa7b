/// Quoted speech and its speakers (see `QuoteFinder`); leaves the quoted ranges of each
/// paragraph for the extractors after it.
struct QuoteExtractor: Extractor {
  func extract(from document: AnalysedDocument, into findings: inout Findings) {
    // Without a quotation mark there is no quote, and nothing quoted for the dates to pass over.
    guard document.paragraphs.contains(where: { QuoteFinder.mayQuote($0.text) }) else { return }
    let paragraphs = document.paragraphs.map {
      QuoteFinder.Paragraph(text: $0.text, named: $0.named, sentences: $0.sentences)
    }
    let read = QuoteFinder.quotes(in: paragraphs, document: document.context.document)
    findings.quotes += read.quotes
    findings.quoted = read.quoted
  }
}
