// libFuzzer target: title, dek, date and paragraphs inferred from a plain-text and a Markdown body.
@testable import BriefingCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = ArticleInference.infer(lines: text, firstLine: 1)
  _ = ArticleInference.infer(lines: text, firstLine: 4, title: "A title", dek: "A dek")
  _ = ArticleInference.inferMarkdown(text, firstLine: 1)
  _ = ArticleInference.excerpt(of: text)
  return 0
}
