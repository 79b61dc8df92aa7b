import BriefingTemplates
import Foundation
import Mustache

// usage: template-bench ours|mustache|sizes [rounds] [page]
// Renders the timeline, a person page, the front page and an index (a few hundred list items
// each), or only the named one, `rounds` times and prints the bytes written. Only `renderOurs`
// and `renderMustache` do the rendering, so callgrind can count them alone (see README.md).

var seed: UInt64 = 42
func next(_ bound: Int) -> Int {
  seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
  return Int((seed >> 33) % UInt64(bound))
}
let words =
  "the minister said on Tuesday that talks over the port deal would resume after a week of protests in"
  .split(separator: " ").map(String.init) + ["O'Brien", "\"fair\"", "R&D", "café", "Smith’s", "2024"]
func text(_ count: Int) -> TemplateValue {
  .string((0..<count).map { _ in words[next(words.count)] }.joined(separator: " "))
}
func date(_ i: Int) -> TemplateValue {
  [
    "iso": .string("2024-03-\(10 + i % 18)"), "display": .string("\(10 + i % 18) March 2024"),
    "precision": "day",
  ]
}
func link(_ i: Int) -> TemplateValue {
  [
    "name": text(2), "url": .string("../people/person-\(i).html"), "kind": "person",
    "summary": next(3) == 0 ? false : text(12), "mentions": .int(next(90)), "count": .int(next(20)),
  ]
}
func article(_ i: Int) -> TemplateValue {
  [
    "title": text(8), "url": .string("../articles/2024-03-\(i)-story.html"), "excerpt": .bool(i % 7 == 0),
    "date": date(i), "source": "The Daily Paper", "dek": false,
  ]
}
func list(_ count: Int, _ make: (Int) -> TemplateValue) -> TemplateValue {
  count == 0 ? false : .list((0..<count).map(make))
}
func entry(_ i: Int) -> TemplateValue {
  [
    "date": date(i), "end": false, "title": text(9),
    "url": i % 4 == 0 ? .string("../events/e-\(i).html") : false,
    "people": list(next(3), link), "issues": list(1, link),
    "sources": list(1 + next(2)) { ["article": article($0), "text": text(20)] }, "moreSources": false,
  ]
}
func page(_ title: String, _ extra: [String: TemplateValue]) -> TemplateValue {
  var view: [String: TemplateValue] = [
    "root": "../", "lang": "en", "siteTitle": "The Port Deal Briefing", "pageTitle": .string(title),
    "asOf": date(3), "jsonLD": false, "searchable": true, "kindURL": "index.html", "kindTitle": "People",
    "nav": .list(
      ["Timeline", "People", "Events", "Issues", "Articles"].map {
        ["title": .string($0), "url": "x.html", "current": false]
      }),
  ]
  view.merge(extra) { $1 }
  return .object(TemplateFields(view))
}
let allPages: [(String, TemplateValue)] = [
  (
    "timeline",
    page(
      "Timeline",
      [
        "years": list(3) { y in
          [
            "year": .int(2022 + y),
            "months": list(4) { m in ["id": .string("y-\(m)"), "month": "March", "entries": list(5, entry)] },
          ]
        }
      ])
  ),
  (
    "person",
    page(
      "Jane Smith",
      [
        "aliases": "J. Smith", "summary": text(25),
        "body": .string("<p>" + String(repeating: "Background paragraph. ", count: 60) + "</p>"),
        "timeline": list(30, entry),
        "ownWords": [
          "items": list(20) {
            ["text": text(25), "speaker": false, "speakerName": false, "article": article($0)]
          }
        ],
        "associatedIssues": list(8, link), "connected_events": list(10, link),
        "connected_organizations": list(10, link),
        "mentions": list(12) { ["article": article($0), "sentences": list(3) { _ in ["html": text(28)] }] },
        "mentionedWith": list(12) { _ in ["name": text(2), "url": "p.html", "sharedLabel": "3 articles"] },
      ])
  ),
  (
    "index",
    page(
      "Home",
      [
        "description": text(30), "introduction": false, "latest": list(15, entry),
        "upcoming": list(10, entry),
        "issues": list(12) { i in
          [
            "url": "i.html", "name": text(3), "status": "open", "summary": text(20),
            "lastActivity": ["date": date(i), "title": text(8)], "sources": .int(i),
          ]
        },
        "people": list(30, link), "articles": list(40, article),
      ])
  ),
  (
    "list",
    page(
      "People",
      [
        "items": list(300) { i in
          var item = link(i); if case .object(var o) = item { o["date"] = false; item = .object(o) };
          return item
        }
      ])
  ),
]

let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
  "../../../templates")
var sources: [String: String] = [:]
for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache")
{
  sources[String(file.dropLast(9))] = try String(
    contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
}

@inline(never) func renderOurs(_ library: TemplateLibrary, _ rounds: Int) -> Int {
  var total = 0
  var out: [UInt8] = []
  for _ in 0..<rounds {
    for (name, view) in pages {
      out.removeAll(keepingCapacity: true)
      library.render(name, view, into: &out)
      total += out.count
    }
  }
  return total
}

@inline(never) func renderMustache(_ library: MustacheLibrary, _ views: [Any], _ rounds: Int) -> Int {
  var total = 0
  for _ in 0..<rounds {
    for (i, (name, _)) in pages.enumerated() {
      total += library.render(views[i], withTemplate: name)!.utf8.count
    }
  }
  return total
}

func any(_ value: TemplateValue) -> Any {
  switch value {
  case .string(let text): return text
  case .int(let number): return number
  case .bool(let truth): return truth
  case .list(let items): return items.map(any)
  case .object(let members): return members.mapValues(any)
  case .null: return NSNull()
  }
}

/// The escaping the site registers as BRIEFING_HTML (BriefingSite/HTML.swift).
struct BriefingHTML: MustacheContentType {
  func escapeText(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
    else { return text }
    var out: [UInt8] = []
    for b in text.utf8 {
      switch b {
      case 0x26: out += Array("&amp;".utf8)
      case 0x3C: out += Array("&lt;".utf8)
      case 0x3E: out += Array("&gt;".utf8)
      case 0x22: out += Array("&quot;".utf8)
      case 0x27: out += Array("&#39;".utf8)
      default: out.append(b)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

let arguments = CommandLine.arguments
let pages = arguments.count > 3 ? allPages.filter { $0.0 == arguments[3] } : allPages
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 1 : 1
if arguments.count > 1 && arguments[1] == "mustache" {
  MustacheContentTypes.register(BriefingHTML(), named: "BRIEFING_HTML")
  var library = MustacheLibrary()
  for (name, source) in sources { try library.register(source, named: name) }
  let views = pages.map { any($0.1) }
  print("swift-mustache: \(renderMustache(library, views, rounds)) bytes")
} else {
  let library = try TemplateLibrary(sources)
  if arguments.count > 1 && arguments[1] == "sizes" {
    for (name, view) in pages { print(name, library.render(name, view).utf8.count) }
  }
  print("ours: \(renderOurs(library, rounds)) bytes")
}
