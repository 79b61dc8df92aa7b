import BriefingTemplates
import Foundation
import Testing

/// Every bundled template rendered by swift-mustache and by us must come out byte for byte the same.
@Suite struct DifferentialTests {
  static func bundledTemplates() throws -> [String: String] {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("templates")
    var sources: [String: String] = [:]
    for file in try FileManager.default.contentsOfDirectory(atPath: folder.path)
    where file.hasSuffix(".mustache") {
      sources[String(file.dropLast(".mustache".count))] = try String(
        contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
    }
    return sources
  }

  static let variants: [(items: Int, full: Bool)] = [(3, true), (1, true), (0, true), (4, false), (1, false)]

  @Test(arguments: variants.indices)
  func everyBundledTemplateRendersAsSwiftMustacheDoes(variant: Int) throws {
    let sources = try Self.bundledTemplates()
    #expect(sources.count >= 20)
    let ours = try TemplateLibrary(sources)
    let theirs = try SwiftMustache.library(sources)
    let (items, full) = Self.variants[variant]
    let value = SampleViews.page(items: items, full: full)
    let any = SwiftMustache.any(value)
    for name in sources.keys.sorted() {
      let expected = theirs.render(any, withTemplate: name) ?? ""
      let rendered = ours.render(name, value)
      #expect(rendered == expected, "\(name) with \(items) items, full: \(full)")
      if rendered != expected { Self.reportFirstDifference(rendered, expected) }
    }
  }

  @Test func theSampleViewsCoverEveryNameTheTemplatesUse() throws {
    let library = try TemplateLibrary(try Self.bundledTemplates())
    let names = [
      "index", "timeline", "person", "event", "issue", "entity", "article", "list", "feed", "sitemap",
    ]
    .reduce(into: Set<String>()) { $0.formUnion(library.names(in: $1)) }
    guard case .object(let top) = SampleViews.page(items: 1, full: true) else { return }
    // Names inside sections resolve against the items; the first part of each must exist somewhere.
    let known = Set(top.keys).union(Self.allKeys(.object(top)))
    for name in names {
      let head = String(name.split(separator: ".").first ?? "")
      #expect(known.contains(head), "\(name)")
    }
  }

  private static func allKeys(_ value: TemplateValue) -> Set<String> {
    switch value {
    case .object(let members):
      return members.reduce(into: Set(members.keys)) { $0.formUnion(allKeys($1.value)) }
    case .list(let items):
      return items.reduce(into: Set<String>()) { $0.formUnion(allKeys($1)) }
    default:
      return []
    }
  }

  private static func reportFirstDifference(_ ours: String, _ theirs: String) {
    let a = Array(ours.utf8)
    let b = Array(theirs.utf8)
    let at = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    let from = max(0, at - 80)
    Issue.record(
      """
      first difference at byte \(at):
      ours:   \(String(decoding: a[from..<min(a.count, at + 80)], as: UTF8.self).debugDescription)
      theirs: \(String(decoding: b[from..<min(b.count, at + 80)], as: UTF8.self).debugDescription)
      """)
  }
}
