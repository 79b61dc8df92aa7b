import BriefingTemplates

/// Views shaped like the site's, with every name the bundled templates use, to render them with.
/// `items` is the length of the lists; `full` fills every optional value, otherwise they are false,
/// null, missing, empty text or zero in turn, which exercises the branches the other way.
enum SampleViews {
  static let awkward = "Tom & \"Jerry\" <b>'s</b> — café’s"

  static func page(items: Int, full: Bool) -> TemplateValue {
    var counter = 0
    /// Optional values: present when `full`, otherwise the next of several kinds of absence.
    func maybe(_ value: TemplateValue) -> TemplateValue? {
      if full { return value }
      counter += 1
      switch counter % 4 {
      case 0: return .bool(false)
      case 1: return .null
      case 2: return nil
      default: return value
      }
    }
    func object(_ members: [(String, TemplateValue?)]) -> TemplateValue {
      var object: [String: TemplateValue] = [:]
      for (key, value) in members { if let value { object[key] = value } }
      return .object(TemplateFields(object))
    }
    func list(_ make: (Int) -> TemplateValue) -> TemplateValue {
      .list((0..<items).map(make))
    }
    func date(_ i: Int) -> TemplateValue {
      [
        "iso": .string("2024-0\(i % 9 + 1)-1\(i % 10)"), "display": .string("1\(i % 10) March 2024"),
        "precision": "day",
      ]
    }
    func link(_ i: Int) -> TemplateValue {
      object([
        ("name", .string("Person \(i) \(i % 3 == 0 ? awkward : "")")),
        ("url", .string("../people/p\(i).html")),
        ("summary", maybe(.string("Summary <\(i)>"))), ("count", .int(i)), ("mentions", .int(i * 7)),
      ])
    }
    func article(_ i: Int) -> TemplateValue {
      object([
        ("title", .string("Article \(i): \(awkward)")), ("url", .string("../articles/a\(i).html")),
        ("excerpt", .bool(i % 2 == 0)), ("date", maybe(date(i))), ("source", maybe(.string("The Paper"))),
        ("dek", maybe(.string("A dek"))),
      ])
    }
    func entry(_ i: Int) -> TemplateValue {
      object([
        ("date", date(i)), ("end", maybe(date(i + 1))), ("title", .string("Entry \(i) 'quoted'")),
        ("url", maybe(.string("../events/e\(i).html"))), ("people", .list((0..<(i % 3)).map(link))),
        ("issues", .list((0..<(i % 2 + 1)).map(link))),
        ("sources", list { ["text": .string("Passage \($0) & more"), "article": article($0)] }),
        ("moreSources", maybe(.string("\(i) more sources"))),
      ])
    }
    func quotes() -> TemplateValue {
      [
        "items": list { i in
          object([
            ("text", .string("“Quote \(i)” <said>")), ("speaker", maybe(link(i))),
            ("speakerName", maybe(.string("Speaker \(i)"))), ("article", article(i)),
          ])
        }
      ]
    }
    let nav = list { i in
      ["title": .string("Section \(i)"), "url": .string("s\(i)/index.html"), "current": .bool(i == 1)]
    }
    return object([
      ("root", "../"), ("lang", "en"), ("siteTitle", .string("Briefing & Co")),
      ("pageTitle", .string(awkward)),
      ("nav", nav), ("asOf", maybe(date(3))), ("jsonLD", maybe("{\"@type\": \"Thing\"}")),
      ("searchable", .bool(full)),
      ("kindURL", "index.html"), ("kindTitle", "People"), ("aliases", maybe(.string("Alias <one>"))),
      ("summary", maybe(.string("A summary & more"))), ("body", maybe("<p>Body <em>html</em></p>")),
      ("description", maybe(.string("Description"))), ("introduction", maybe("<p>Intro</p>")),
      ("status", maybe(.string("Open"))), ("country", maybe(.string("Freedonia"))),
      ("place", maybe(.string("Paris"))),
      ("author", maybe(.string("A. Writer"))), ("sourceURL", maybe(.string("https://example.com/a?b=1&c=2"))),
      ("article", article(1)), ("date", maybe(date(5))), ("end", maybe(date(6))),
      ("inThisArticle", list(link)), ("inferred", list { ["text": .string("Inferred \($0)")] }),
      ("connected_people", list(link)), ("connected_issues", list(link)),
      ("connected_organizations", list(link)),
      ("connected_other", list(link)), ("connected_events", list(link)),
      ("ownWords", maybe(quotes())), ("quotesOn", maybe(quotes())), ("timeline", list(entry)),
      ("associatedIssues", list(link)), ("keyPeople", list(link)),
      (
        "relatedIssues",
        list { i in ["name": .string("Issue \(i)"), "url": "i.html", "why": .string("\(i) shared")] }
      ),
      (
        "passages",
        list { i in
          ["article": article(i), "passages": list { ["html": .string("<mark>Passage</mark> \($0)")] }]
        }
      ),
      (
        "mentions",
        list { i in ["article": article(i), "sentences": list { ["html": .string("Sentence <b>\($0)</b>")] }]
        }
      ),
      (
        "mentionedWith",
        list { i in ["name": "Other", "url": "o.html", "sharedLabel": .string("\(i) articles")] }
      ),
      (
        "roles",
        list { i in
          object([("title", .string("Role \(i)")), ("from", maybe(date(i))), ("to", maybe(date(i)))])
        }
      ),
      ("sources", list { ["text": .string("Source \($0)"), "article": article($0)] }),
      ("previous", maybe(object([("title", "Before"), ("url", maybe("b.html")), ("date", date(1))]))),
      ("next", maybe(object([("title", "After"), ("url", maybe("a.html")), ("date", date(2))]))),
      ("latest", list(entry)), ("upcoming", list(entry)),
      (
        "issues",
        list { i in
          object([
            ("name", .string("Issue \(i)")), ("url", "issue.html"), ("status", maybe(.string("Open"))),
            ("summary", maybe(.string("Sum"))), ("sources", .int(i)),
            ("lastActivity", maybe(["date": date(i), "title": .string("Last \(i)")])),
          ])
        }
      ),
      ("people", list(link)), ("articles", list(article)), ("items", list(link)),
      (
        "years",
        list { y in
          [
            "year": .int(2020 + y),
            "months": list { m in
              ["id": .string("y\(2020 + y)-\(m + 1)"), "month": "March", "entries": list(entry)]
            },
          ]
        }
      ),
      ("changes", maybe(["since": "HEAD~1", "summary": "1 article added."])),
      (
        "yearPages",
        list { y in
          [
            "year": .int(2020 + y),
            "parts": list { m in ["title": .string("Month \(m)"), "url": "t.html", "count": "3 entries"] },
          ]
        }
      ),
      (
        "pager",
        maybe(
          object([
            ("label", "Page 2 of 3"), ("previous", maybe(["title": "Page 1", "url": "p1.html"])),
            ("next", maybe(["title": "Page 3", "url": "p3.html"])),
            ("up", maybe(["title": "Up", "url": "u.html"])),
          ]))
      ),
      ("base", maybe("https://example.org/")), ("title", .string("Feed & title")), ("subtitle", maybe("Sub")),
      ("id", "urn:x"), ("updated", "2024-01-01T00:00:00Z"),
      (
        "entries",
        list { i in
          [
            "title": .string("E \(i)"), "id": .string("urn:\(i)"), "url": "u", "updated": "t",
            "summary": "s <x>",
          ]
        }
      ),
      ("urls", list { ["loc": .string("https://example.org/p\($0).html?a=1&b=2")] }),
    ])
  }
}
