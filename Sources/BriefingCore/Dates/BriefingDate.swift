/// A calendar date known to a precision: a day, a month, a year, or approximately ("mid-February 2025").
public struct BriefingDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// How much of the date is known.
  public enum Precision: String, Sendable, Hashable {
    case day, month, year, approximate
  }

  /// The part of a month or year an approximate date names.
  public enum Part: String, Sendable, Hashable {
    case early, mid, late
  }

  public var year: Int
  /// 1–12, or nil at year precision.
  public var month: Int?
  /// 1–31, or nil above day precision.
  public var day: Int?
  public var precision: Precision
  /// For `.approximate`: early, mid or late.
  public var part: Part?

  public init(year: Int, month: Int? = nil, day: Int? = nil) {
    self.year = year
    self.month = month
    self.day = month == nil ? nil : day
    self.precision = day != nil && month != nil ? .day : (month != nil ? .month : .year)
    self.part = nil
  }

  /// An approximate date: a part of a month, or of a year when `month` is nil.
  public init(approximately part: Part, year: Int, month: Int? = nil) {
    self.year = year
    self.month = month
    self.day = nil
    self.precision = .approximate
    self.part = part
  }

  /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, checking the day exists.
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), year >= 1 else {
      return nil
    }
    var month: Int?
    var day: Int?
    if parts.count >= 2 {
      guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
      month = m
    }
    if parts.count == 3 {
      guard parts[2].count == 2, let d = Int(parts[2]), d >= 1, d <= BriefingDate.days(in: month!, of: year)
      else { return nil }
      day = d
    }
    self.init(year: year, month: month, day: day)
  }

  /// The day `dayNumber` days after 1970-01-01 (the inverse of `dayNumber`).
  public init(dayNumber: Int) {
    let z = dayNumber + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
  }

  /// Days in a month, leap years included.
  public static func days(in month: Int, of year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// The first day the date can mean: a month's 1st, a year's 1 January; "early", "mid" and "late"
  /// a month from its 1st, 11th and 21st (a year from January, May and September).
  public var earliestDay: Int {
    if let day, let month { return BriefingDate.dayNumber(year: year, month: month, day: day) }
    if let month {
      let first = part == .mid ? 11 : part == .late ? 21 : 1
      return BriefingDate.dayNumber(year: year, month: month, day: first)
    }
    let month = part == .mid ? 5 : part == .late ? 9 : 1
    return BriefingDate.dayNumber(year: year, month: month, day: 1)
  }

  /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as precise as the date is.
  public var iso: String {
    var text = padded(year, 4)
    if let month { text += "-" + padded(month, 2) }
    if let day { text += "-" + padded(day, 2) }
    return text
  }

  /// The date for a reader: "7 February 2025", "February 2025", "2025", "mid-February 2025".
  public var display: String {
    let monthName = month.map { BriefingDate.monthNames[$0 - 1] }
    switch precision {
    case .day: return "\(day!) \(monthName!) \(year)"
    case .month: return "\(monthName!) \(year)"
    case .year: return "\(year)"
    case .approximate:
      let p = part?.rawValue ?? "c."
      if let monthName { return "\(p)-\(monthName) \(year)" }
      return "\(p) \(year)"
    }
  }

  public var description: String { precision == .approximate ? display : iso }

  /// A sort key: the day the date most likely falls on. A date known only to its month sorts
  /// after that month's days, one known only to its year after that year's months.
  private var sortKey: (Int, Int, Int, Int) {
    let m = month ?? (part == .late ? 12 : part == .mid ? 6 : part == .early ? 1 : 13)
    let d: Int
    if let day {
      d = day
    } else {
      switch part {
      case .early: d = 5
      case .mid: d = 15
      case .late: d = 25
      case nil: d = 32
      }
    }
    let rank: Int
    switch precision {
    case .day: rank = 0
    case .approximate: rank = 1
    case .month: rank = 2
    case .year: rank = 3
    }
    return (year, m, d, rank)
  }

  public static func < (lhs: BriefingDate, rhs: BriefingDate) -> Bool { lhs.sortKey < rhs.sortKey }

  /// `sortKey` as one integer, in the same order (month ≤ 13, day ≤ 32, rank ≤ 3).
  public var orderKey: Int {
    let (year, month, day, rank) = sortKey
    return ((year * 16 + month) * 64 + day) * 4 + rank
  }

  /// Days since 1970-01-01 of the date's first (or only) day, for distances between dates.
  public var dayNumber: Int {
    BriefingDate.dayNumber(year: year, month: month ?? 1, day: day ?? 1)
  }

  /// Days since 1970-01-01 (proleptic Gregorian), without Foundation or a time zone.
  static func dayNumber(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// Month names, January first.
  public static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]
}

/// `value` in decimal, left-padded with zeros to `width` digits.
private func padded(_ value: Int, _ width: Int) -> String {
  let digits = "\(value)"
  return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
