import BriefingCore
import BriefingTemplates

/// The front page: introduction, as-of date, latest developments, upcoming events, key issues,
/// most-mentioned people, latest articles.
struct FrontPage {
  let briefing: Briefing
  let bodies: RenderedBodies
  let views: Views

  func context() -> Fields {
    var context = views.page(title: briefing.config.title, current: nil)
    context["description"] = .text(briefing.config.description)
    context["introduction"] = .text(bodies.introduction)
    let asOf = briefing.asOf
    // Split at the as-of date by each entry's earliest day: on or before it has happened (a month
    // that has begun, "mid-February" from the 11th), after it is upcoming.
    let past = briefing.timeline.filter { asOf == nil || $0.date.earliestDay <= asOf!.dayNumber }
    let upcoming = briefing.timeline.filter { asOf != nil && $0.date.earliestDay > asOf!.dayNumber }
    let latest = past.suffix(6).reversed().map { views.entry($0, sourceLimit: 1) }
    let next = upcoming.prefix(6).map { views.entry($0, sourceLimit: 1) }
    context["latest"] = latest.isEmpty ? false : .list(latest)
    context["upcoming"] = next.isEmpty ? false : .list(next)
    context["issues"] = views.list(
      briefing.entities(of: .issue).map { issue in
        var item = views.link(issue)
        item["status"] = .text(issue.status)
        let last = briefing.timeline(for: issue.id).last {
          asOf == nil || $0.date.earliestDay <= asOf!.dayNumber
        }
        item["lastActivity"] = last.map { views.entry($0) } ?? false
        item["sources"] = .int(views.articles(mentioning: issue.id).count)
        return item
      })
    let people = briefing.entities(of: .person).sorted {
      (briefing.mentionCount(of: $1.id), $0.name) < (briefing.mentionCount(of: $0.id), $1.name)
    }
    context["people"] = views.list(people.prefix(8).map(views.link))
    context["articles"] = views.list(briefing.articles.prefix(6).map(views.link))
    return context
  }
}
