import BriefingCore
import BriefingTemplates

extension Views {
  /// The page of a person, event, issue, organization or other entity.
  func entityPage(_ entity: Entity, body: String) -> Fields {
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
          "title": .string(role.title), "from": role.from.map(date) ?? false,
          "to": role.to.map(date) ?? false,
        ]
      })
    context["country"] = .text(entity.country)
    context["date"] = entity.date.map(date) ?? false
    context["end"] = entity.end.map(date) ?? false
    context["place"] = .text(entity.place)
    context["status"] = .text(entity.status)
    for kind in [EntityKind.person, .event, .issue, .organization] {
      context["connected_\(kind.folder)"] = list(briefing.connections(of: entity.id, kind: kind).map(link))
    }
    let others = (briefing.connections[entity.id] ?? []).compactMap { briefing.entityByID[$0] }
      .filter { if case .other = $0.kind { return true } else { return false } }
    context["connected_other"] = list(others.map(link))
    let timeline = briefing.timeline(for: entity.id).map(entry)
    context["timeline"] = timeline.isEmpty ? false : .list(timeline)
    context["mentions"] = mentionsInContext(of: entity.id)
    context["mentionCount"] = .int(briefing.mentionCount(of: entity.id))
    context["mentionedWith"] = mentionedWith(entity.id)
    context["ownWords"] = quotes(briefing.quotesBySpeaker[entity.id] ?? [], showSpeaker: false)
    context["associatedIssues"] = entity.kind == .issue ? false : associatedIssues(of: entity.id)
    if entity.kind == .issue {
      context["passages"] = passages(of: entity.id)
      context["keyPeople"] = keyPeople(of: entity.id)
      context["quotesOn"] = quotes(quotes(on: entity.id), showSpeaker: true)
      context["relatedIssues"] = relatedIssues(of: entity.id)
    }
    if entity.kind == .event, let index = briefing.timeline.firstIndex(where: { $0.event == entity.id }) {
      context["previous"] = index > 0 ? self.entry(briefing.timeline[index - 1]) : false
      context["next"] = index + 1 < briefing.timeline.count ? self.entry(briefing.timeline[index + 1]) : false
      context["sources"] = sources(briefing.timeline[index].sources)
    }
    return context
  }

  /// The page of an article: its text with links, and what the briefing knows of it.
  func articlePage(_ article: Article, body: String) -> Fields {
    var context = page(title: article.title, current: "articles")
    context["article"] = .object(link(article))
    context["jsonLD"] = .string(StructuredData.article(article))
    context["searchable"] = true
    context["body"] = .string(body)
    context["author"] = .text(article.author)
    context["sourceURL"] = .text(article.url)
    context["inferred"] = list(article.inferred.map { ["text": .string($0)] })
    let counts = Dictionary(grouping: briefing.mentionsByDocument[article.id] ?? [], by: \.entity)
      .mapValues(\.count)
    let inArticle = counts.compactMap { id, count -> (Entity, Int)? in
      briefing.entityByID[id].map { ($0, count) }
    }.sorted { ($0.0.kind, -$0.1, $0.0.name) < ($1.0.kind, -$1.1, $1.0.name) }
    context["inThisArticle"] = list(
      inArticle.map { entity, count in
        var item = link(entity)
        item["count"] = .int(count)
        return item
      })
    return context
  }
}
