// libFuzzer target: a content file's front matter, then the file read as a note and as an article.
@testable import BriefingCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = FrontMatter.parse(text, file: "content/people/x.md")
  var diagnostics: [Diagnostic] = []
  _ = NoteReader.read(
    .init(path: "content/people/x.md", relativePath: "people/x.md"), text: text, diagnostics: &diagnostics)
  _ = ArticleReader.read(
    .init(path: "content/articles/x.txt", relativePath: "articles/x.txt"), text: text,
    diagnostics: &diagnostics)
  return 0
}
