import BriefingCore
import BriefingTemplates

/// Long lists split over pages, so that no page grows with the briefing: the timeline by year and
/// month, indexes, and an entity's mentions, passages, quotes, timeline and sources. A page that
/// fits stays one page; its continuation pages sit beside it (`people/x.p2.html`), at the same
/// depth, so every link on them is the same. Slugs never contain a dot, so these names cannot be
/// taken by a note or an article.
enum Paging {
  /// Timeline entries on one page.
  static let timelineEntries = 500
  /// Articles or entities on one page of an index.
  static let indexItems = 500
  /// Articles with mentions or passages, quotes, entries or sources on one page of an entity.
  static let entityItems = 25
  /// Sources listed under one timeline entry on the timeline pages; the rest are counted.
  static let entrySources = 10

  /// The path of page `number` (from 1) of the page at `path`.
  static func path(_ path: String, page number: Int) -> String {
    number == 1 ? path : String(path.dropLast(".html".count)) + ".p\(number).html"
  }

  /// How many pages `count` items need, `size` to a page.
  static func pages(_ count: Int, size: Int) -> Int { max(1, (count + size - 1) / size) }

  /// Items of page `number` (from 1).
  static func slice<T>(_ items: [T], page number: Int, size: Int) -> ArraySlice<T> {
    let start = min(items.count, (number - 1) * size)
    return items[start..<min(items.count, start + size)]
  }

  /// One page of a timeline too long for one: a year, or a month (or the year's undated months)
  /// of a long year, or one part of a long month.
  struct TimelinePart {
    var path: String
    var title: String
    var range: Range<Int>
  }

  /// The timeline's pages: a year per page, a month per page in a year with more than `limit`
  /// entries, and a month of more than `limit` entries in parts.
  static func timelineParts(_ timeline: Timeline, limit: Int = timelineEntries) -> [TimelinePart] {
    var parts: [TimelinePart] = []
    var start = 0
    while start < timeline.count {
      let year = timeline.date(at: start).year
      var end = start
      while end < timeline.count && timeline.date(at: end).year == year { end += 1 }
      if end - start <= limit {
        parts.append(TimelinePart(path: "timeline-\(year).html", title: "\(year)", range: start..<end))
      } else {
        var monthStart = start
        while monthStart < end {
          let month = timeline.date(at: monthStart).month
          var monthEnd = monthStart
          while monthEnd < end && timeline.date(at: monthEnd).month == month { monthEnd += 1 }
          let name =
            month.map { "timeline-\(year)-\($0 < 10 ? "0" : "")\($0).html" } ?? "timeline-\(year)-year.html"
          let title = month.map { "\(BriefingDate.monthNames[$0 - 1]) \(year)" } ?? "\(year), during the year"
          let count = pages(monthEnd - monthStart, size: limit)
          for number in 1...count {
            let lower = monthStart + (number - 1) * limit
            parts.append(
              TimelinePart(
                path: path(name, page: number),
                title: count == 1 ? title : "\(title), part \(number) of \(count)",
                range: lower..<min(monthEnd, lower + limit)))
          }
          monthStart = monthEnd
        }
      }
      start = end
    }
    return parts
  }
}

extension Views {
  /// Links between the pages of one long page, or false when it has one page. `up` leads back
  /// to where the pages start.
  func pager(
    _ number: Int, of count: Int, path: (Int) -> String, title: (Int) -> String = { "Page \($0)" },
    up: (title: String, path: String)?
  ) -> TemplateValue {
    guard count > 1 else { return false }
    func link(_ number: Int) -> TemplateValue {
      ["title": .string(title(number)), "url": .string(root + path(number))]
    }
    return [
      "label": .string("Page \(number) of \(count)"),
      "previous": number > 1 ? link(number - 1) : false,
      "next": number < count ? link(number + 1) : false,
      "up": up.map { ["title": .string($0.title), "url": .string(root + $0.path)] } ?? false,
    ]
  }

  /// The timeline when it is too long for one page: links to its pages by year.
  func timelineIndexPage(_ parts: [Paging.TimelinePart]) -> Fields {
    var context = page(title: "Timeline", current: "timeline")
    context["years"] = false
    var years: [TemplateValue] = []
    var year: Int?
    var items: [TemplateValue] = []
    func close() {
      if let year { years.append(["year": .int(year), "parts": .list(items)]) }
      items = []
    }
    for part in parts {
      let partYear = briefing.timeline.date(at: part.range.lowerBound).year
      if partYear != year {
        close()
        year = partYear
      }
      let count = part.range.count
      items.append([
        "title": .string(part.title), "url": .string(root + part.path),
        "count": .string(count == 1 ? "1 entry" : "\(count) entries"),
      ])
    }
    close()
    context["yearPages"] = years.isEmpty ? false : .list(years)
    return context
  }

  /// Page `number` (from 1) of a timeline split into `parts`.
  func timelinePartPage(_ parts: [Paging.TimelinePart], _ number: Int) -> Fields {
    let part = parts[number - 1]
    var context = page(title: "Timeline: \(part.title)", current: "timeline")
    context["years"] = .list(grouped(part.range, sourceLimit: Paging.entrySources))
    context["yearPages"] = false
    context["pager"] = pager(
      number, of: parts.count, path: { parts[$0 - 1].path }, title: { parts[$0 - 1].title },
      up: ("The whole timeline", "timeline.html"))
    return context
  }
}

extension Views {
  /// The index of one kind of entity, in pages.
  func kindIndexPages(_ kind: EntityKind) -> [(path: String, fields: Fields)] {
    let items = briefing.entities(of: kind).map { entity in
      var item = link(entity)
      item["date"] = entity.date.map { date($0) } ?? false
      return item
    }
    return indexPages(
      items, key: "items", title: kind.title, current: kind.folder, path: "\(kind.folder)/index.html")
  }

  /// The index of articles, newest first, in pages.
  func articleIndexPages() -> [(path: String, fields: Fields)] {
    indexPages(
      briefing.articles.map { link($0) }, key: "articles", title: "Articles", current: "articles",
      path: "articles/index.html")
  }

  private func indexPages(_ items: [Fields], key: String, title: String, current: String, path: String)
    -> [(path: String, fields: Fields)]
  {
    let count = Paging.pages(items.count, size: Paging.indexItems)
    return (1...count).map { number in
      var context = page(title: count == 1 ? title : "\(title), page \(number) of \(count)", current: current)
      // One list template shows both kinds of index: the other list is false.
      context["items"] = false
      context["articles"] = false
      context[key] = list(Array(Paging.slice(items, page: number, size: Paging.indexItems)))
      context["pager"] = pager(
        number, of: count, path: { Paging.path(path, page: $0) }, up: number > 1 ? (title, path) : nil)
      return (Paging.path(path, page: number), context)
    }
  }
}
