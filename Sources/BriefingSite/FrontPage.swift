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
    // The last six entries that have happened and the first six to come, by their places: the
    // timeline is read, not copied.
    let timeline = briefing.timeline
    var past: [Int] = []
    var upcoming: [Int] = []
    for place in timeline.indices {
      if asOf == nil || timeline.date(at: place).earliestDay <= asOf!.dayNumber {
        if past.count == 6 { past.removeFirst() }
        past.append(place)
      } else if upcoming.count < 6 {
        upcoming.append(place)
      }
    }
    let latest = past.reversed().map { views.entry(at: $0, sourceLimit: 1) }
    let next = upcoming.map { views.entry(at: $0, sourceLimit: 1) }
    context["latest"] = latest.isEmpty ? false : .list(latest)
    context["upcoming"] = next.isEmpty ? false : .list(next)
    context["issues"] = views.list(
      briefing.entities(of: .issue).map { issue in
        var item = views.link(issue)
        item["status"] = .text(issue.status)
        let last = briefing.timelinePlaces(for: issue.id).last {
          asOf == nil || timeline.date(at: $0).earliestDay <= asOf!.dayNumber
        }
        item["lastActivity"] = last.map { views.entry(at: $0) } ?? false
        item["sources"] = .int(views.articles(mentioning: issue.id).count)
        return item
      })
    // Most mentioned first, then by name: each count looked up once, not in every comparison.
    let people = briefing.entities(of: .person)
    let counts = people.map { briefing.mentionCount(of: $0.id) }
    let order = people.indices.sorted { (counts[$1], people[$0].name) < (counts[$0], people[$1].name) }
    context["people"] = views.list(order.prefix(8).map { views.link(people[$0]) })
    context["articles"] = views.list(briefing.articles.prefix(6).map(views.link))
    return context
  }
}
