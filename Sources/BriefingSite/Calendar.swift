import BriefingCore

/// `events.ics`: the dated events as an iCalendar file (RFC 5545) a reader can subscribe to.
///
/// All-day events only; an event known to its month spans the month. DTSTAMP is the briefing's
/// as-of date, never the build clock, so the file is reproducible.
struct Calendar {
  let briefing: Briefing

  func ics() -> [UInt8] {
    let stamp = (briefing.asOf.map(Views.atomTimestamp) ?? "1970-01-01T00:00:00Z")
      .replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//briefing//\(escape(briefing.config.title))//EN",
      "CALSCALE:GREGORIAN", "X-WR-CALNAME:\(escape(briefing.config.title))",
    ]
    let host = briefing.config.baseURL.flatMap { URLHost.of($0) } ?? "briefing.invalid"
    // Read by columns: a curated event's sources are not needed, and may have to be read back.
    let timeline = briefing.timeline
    for place in timeline.indices {
      guard let id = timeline.event(at: place),
        let (start, end) = span(timeline.date(at: place), timeline.end(at: place))
      else { continue }
      lines += [
        "BEGIN:VEVENT", "UID:\(id)@\(host)", "DTSTAMP:\(stamp)", "DTSTART;VALUE=DATE:\(start)",
      ]
      // Without DTEND an all-day event lasts its first day: the one way to end in 9999.
      if let end { lines.append("DTEND;VALUE=DATE:\(end)") }
      lines.append("SUMMARY:\(escape(timeline.title(at: place)))")
      if let entity = briefing.entityByID[id] {
        if let place = entity.place { lines.append("LOCATION:\(escape(place))") }
        if let summary = entity.summary { lines.append("DESCRIPTION:\(escape(summary))") }
        if let base = briefing.config.baseURL { lines.append("URL:\(base)\(entity.url)") }
      }
      lines.append("END:VEVENT")
    }
    lines.append("END:VCALENDAR")
    return Array(lines.map(fold).joined(separator: "\r\n").utf8) + [13, 10]
  }

  /// First day and the day after the last, as `YYYYMMDD` (nil after 9999); nil for approximate dates.
  private func span(_ date: BriefingDate, _ end: BriefingDate?) -> (String, String?)? {
    let first: Int
    var last: Int
    switch date.precision {
    case .day:
      first = date.dayNumber
      last = first
    case .month:
      first = date.dayNumber
      last = first + BriefingDate.days(in: date.month!, of: date.year) - 1
    case .year, .approximate:
      return nil
    }
    if let end, end.precision == .day, end.dayNumber >= first { last = end.dayNumber }
    guard let start = compact(first) else { return nil }
    return (start, compact(last + 1))
  }

  /// `YYYYMMDD`, or nil for a year iCalendar cannot write (before 1 or after 9999).
  private func compact(_ dayNumber: Int) -> String? {
    let date = BriefingDate(dayNumber: dayNumber)
    guard date.year >= 1 && date.year <= 9999 else { return nil }
    return date.iso.replacingOccurrences(of: "-", with: "")
  }

  /// TEXT escaping (RFC 5545 §3.3.11); every line end, CR or LF or both, becomes `\n`.
  private func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
      .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
      .replacingOccurrences(of: "\r", with: "\\n").replacingOccurrences(of: "\n", with: "\\n")
  }

  /// Lines longer than 75 octets continue on the next line after a space.
  private func fold(_ line: String) -> String {
    var out = ""
    var count = 0
    for scalar in line.unicodeScalars {
      let size = String(scalar).utf8.count
      if count + size > 75 {
        out += "\r\n "
        count = 1
      }
      out.unicodeScalars.append(scalar)
      count += size
    }
    return out
  }
}

/// The host of an absolute address, for calendar UIDs.
enum URLHost {
  static func of(_ url: String) -> String? {
    guard let scheme = url.range(of: "://") else { return nil }
    let rest = url[scheme.upperBound...]
    let host = rest.prefix { $0 != "/" && $0 != ":" }
    return host.isEmpty ? nil : String(host)
  }
}

import Foundation
