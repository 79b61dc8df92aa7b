// libFuzzer target: dates found in each sentence, with and without the article's date.
@testable import BriefingCore

private let articleDate = BriefingDate(iso: "2025-02-01")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  for sentence in Sentences.split(text) {
    _ = DateExtractor.dates(in: sentence, articleDate: articleDate)
    _ = DateExtractor.dates(in: sentence, articleDate: nil)
  }
  _ = DateExtractor.dates(in: text, articleDate: articleDate, ignoring: [0..<min(8, text.utf8.count)])
  _ = DatelineParser.firstDate(in: text)
  _ = DatelineParser.fullDate(in: text)
  _ = DatelineParser.datelinePrefix(text)
  return 0
}
