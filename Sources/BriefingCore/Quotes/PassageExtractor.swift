/// The passages of each paragraph that discuss an issue (see `Passages`).
struct PassageExtractor: Extractor {
  func extract(from document: AnalysedDocument, into findings: inout Findings) {
    for paragraph in document.paragraphs {
      findings.passages += Passages.of(
        sentences: paragraph.sentenceTexts, named: paragraph.entities, document: document.context.document)
    }
  }
}
