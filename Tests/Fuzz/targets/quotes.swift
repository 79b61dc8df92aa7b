// libFuzzer target: quotes and their speakers, with paragraphs, sentences and names made as the
// linker makes them (a name is every occurrence of a fixed list of names).
@testable import BriefingCore

private let names = [
  ("Gen Nakatani", "people/gen-nakatani"), ("Nakatani", "people/gen-nakatani"), ("NHK", "organizations/nhk"),
  ("Iwaya", "people/takeshi-iwaya"), ("Smith", "people/john-smith"),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let paragraphs = text.split(separator: "\n").map { line -> QuoteFinder.Paragraph in
    let paragraph = String(line)
    let utf8 = paragraph.utf8
    let sentences = Sentences.ranges(in: paragraph).map {
      utf8.distance(
        from: utf8.startIndex, to: $0.lowerBound)..<utf8.distance(from: utf8.startIndex, to: $0.upperBound)
    }
    var named: [QuoteFinder.Named] = []
    for (name, entity) in names {
      var rest = paragraph[...]
      while let found = rest.range(of: name) {
        let start = utf8.distance(from: utf8.startIndex, to: found.lowerBound)
        named.append(.init(start: start, end: start + name.utf8.count, entity: entity))
        rest = paragraph[found.upperBound...]
      }
    }
    named.sort { $0.start < $1.start }
    // Overlapping names ("Gen Nakatani", "Nakatani") are one mention, as the linker keeps the longest.
    var kept: [QuoteFinder.Named] = []
    for name in named where kept.last.map({ $0.end <= name.start }) ?? true { kept.append(name) }
    return .init(text: paragraph, named: kept, sentences: sentences)
  }
  _ = QuoteFinder.quotes(in: paragraphs, document: "articles/a")
  return 0
}
