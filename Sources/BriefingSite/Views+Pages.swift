import BriefingCore
import BriefingTemplates

extension Views {
  /// The page of a person, event, issue, organization or other entity, and its continuation
  /// pages when its long lists need more than one.
  func entityPages(_ entity: Entity, body: String) -> [(path: String, fields: Fields)] {
    var context = page(title: entity.name, current: entity.kind.folder)
    context["entity"] = .object(link(entity))
    switch entity.kind {
    case .person: context["jsonLD"] = .string(StructuredData.person(entity))
    case .event: context["jsonLD"] = .string(StructuredData.event(entity))
    default: break
    }
    context["searchable"] = true
    context["kindName"] = .string(entity.kind.name)
    context["kindTitle"] = .string(entity.kind.title)
    context["kindURL"] = .string(root + entity.kind.folder + "/index.html")
    let aliases = entity.aliases + AliasIndex.derivedAliases(of: entity)
    context["aliases"] = aliases.isEmpty ? false : .string(aliases.joined(separator: ", "))
    context["summary"] = .text(entity.summary)
    context["body"] = body.isEmpty ? false : .string(body)
    context["roles"] = list(
      entity.roles.map { role in
        [
          "title": .string(role.title), "from": role.from.map { date($0) } ?? false,
          "to": role.to.map { date($0) } ?? false,
        ]
      })
    context["country"] = .text(entity.country)
    context["date"] = entity.date.map { date($0) } ?? false
    context["end"] = entity.end.map { date($0) } ?? false
    context["place"] = .text(entity.place)
    context["status"] = .text(entity.status)
    context["extra"] = .extra(entity.extra)
    for kind in [EntityKind.person, .event, .issue, .organization] {
      context["connected_\(kind.folder)"] = list(
        briefing.connections(of: entity.id, kind: kind).map { link($0) })
    }
    let others = (briefing.connections[entity.id] ?? []).compactMap { briefing.entityByID[$0] }
      .filter { if case .other = $0.kind { return true } else { return false } }
    context["connected_other"] = list(others.map { link($0) })
    context["mentionCount"] = .int(briefing.mentionCount(of: entity.id))
    context["mentionedWith"] = mentionedWith(entity.id)
    context["associatedIssues"] = entity.kind == .issue ? false : associatedIssues(of: entity.id)
    // The long lists, each in pages; quotes are wrapped as `{items: […]}` so a template opens a
    // section once around them.
    var long: [(key: String, items: [TemplateValue], wrap: Bool)] = [
      ("timeline", briefing.timelinePlaces(for: entity.id).map { entry(at: $0) }, false),
      ("mentions", mentionsInContext(of: entity.id), false),
      ("ownWords", quotes(briefing.quotesBySpeaker[entity.id] ?? [], showSpeaker: false), true),
    ]
    if entity.kind == .issue {
      context["keyPeople"] = keyPeople(of: entity.id)
      context["relatedIssues"] = relatedIssues(of: entity.id)
      long.append(("passages", passages(of: entity.id), false))
      long.append(("quotesOn", quotes(quotes(on: entity.id), showSpeaker: true), true))
    }
    if entity.kind == .event, let index = briefing.timelineIndex(ofEvent: entity.id) {
      context["previous"] = index > 0 ? self.entry(at: index - 1) : false
      context["next"] = index + 1 < briefing.timeline.count ? self.entry(at: index + 1) : false
      long.append(("sources", sourceItems(briefing.timeline[index].sources), false))
    }
    let path = entity.id + ".html"
    let count = long.map { Paging.pages($0.items.count, size: Paging.entityItems) }.max() ?? 1
    return (1...count).map { number in
      var page = context
      for (key, items, wrap) in long {
        let slice = Array(Paging.slice(items, page: number, size: Paging.entityItems))
        page[key] = slice.isEmpty ? false : wrap ? ["items": .list(slice)] : .list(slice)
      }
      if number > 1 {
        // A continuation page carries the long lists only; the rest is on the first page.
        page["pageTitle"] = .string("\(entity.name), page \(number) of \(count)")
        page["searchable"] = false
        page["jsonLD"] = false
        for key in [
          "aliases", "summary", "body", "roles", "country", "place", "status", "mentionedWith",
          "associatedIssues", "keyPeople", "relatedIssues", "previous", "next",
        ] where page[key] != nil {
          page[key] = false
        }
        for key in page.keys where key.hasPrefix("connected_") { page[key] = false }
      }
      page["pager"] = pager(
        number, of: count, path: { Paging.path(path, page: $0) }, up: number > 1 ? (entity.name, path) : nil)
      return (Paging.path(path, page: number), page)
    }
  }

  /// The page of an article: its text with links, and what the briefing knows of it.
  func articlePage(_ article: Article, body: String) -> Fields {
    var context = page(title: article.title, current: "articles")
    context["article"] = .object(link(article))
    context["jsonLD"] = .string(StructuredData.article(article))
    context["searchable"] = true
    context["body"] = .string(body)
    context["author"] = .text(article.author)
    context["extra"] = .extra(article.extra)
    context["sourceURL"] = .text(article.url)
    context["inferred"] = list(article.inferred.map { ["text": .string($0)] })
    var counts: [String: Int] = [:]
    for entity in briefing.entitiesMentioned(inDocument: article.id) { counts[entity, default: 0] += 1 }
    // Sorted by what is compared, not by moving whole entities.
    let inArticle = counts.compactMap {
      id, count -> (kind: EntityKind, count: Int, name: String, id: String)? in
      briefing.entityByID[id].map { ($0.kind, count, $0.name, id) }
    }.sorted { ($0.kind, -$0.count, $0.name) < ($1.kind, -$1.count, $1.name) }
    context["inThisArticle"] = list(
      inArticle.compactMap { item in
        guard var fields = link(id: item.id) else { return nil }
        fields["count"] = .int(item.count)
        return fields
      })
    return context
  }
}
