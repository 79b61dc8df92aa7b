import Testing

@testable import BriefingCore

@Suite struct BriefingDateTests {
  @Test(arguments: [
    ("2025-02-07", "2025-02-07", "day", "7 February 2025"),
    ("2025-02", "2025-02", "month", "February 2025"),
    ("2025", "2025", "year", "2025"),
    ("2024-02-29", "2024-02-29", "day", "29 February 2024"),
  ])
  func parsesISO(text: String, iso: String, precision: String, display: String) throws {
    let date = try #require(BriefingDate(iso: text))
    #expect(date.iso == iso)
    #expect(date.precision.rawValue == precision)
    #expect(date.display == display)
  }

  @Test(arguments: ["2025-02-30", "2025-13", "2025-1-5", "25-01-01", "January 2025", "", "2023-02-29"])
  func rejectsWhatIsNotADate(text: String) {
    #expect(BriefingDate(iso: text) == nil)
  }

  @Test func approximateDatesPrintTheirPart() {
    #expect(BriefingDate(approximately: .mid, year: 2025, month: 2).display == "mid-February 2025")
    #expect(BriefingDate(approximately: .early, year: 2025).display == "early 2025")
  }

  @Test func ordersByDayThenCoarserAfterFiner() {
    let day = BriefingDate(year: 2025, month: 1, day: 20)
    let month = BriefingDate(year: 2025, month: 1)
    let later = BriefingDate(year: 2025, month: 2, day: 1)
    #expect(day < later)
    #expect(BriefingDate(year: 2017, month: 1, day: 20) < day)
    #expect([later, month, day].sorted() == [day, month, later])
    #expect(BriefingDate(year: 2025) > BriefingDate(year: 2025, month: 12, day: 31))
  }

  /// The one-integer key sorts every kind of date as `<` does.
  @Test func theOrderKeyAgreesWithTheOrder() {
    var dates: [BriefingDate] = []
    for year in [1999, 2025] {
      dates.append(BriefingDate(year: year))
      for part in [BriefingDate.Part.early, .mid, .late] {
        dates.append(BriefingDate(approximately: part, year: year))
        dates.append(BriefingDate(approximately: part, year: year, month: 6))
      }
      for month in [1, 6, 12] {
        dates.append(BriefingDate(year: year, month: month))
        for day in [1, 5, 15, 25, 31] { dates.append(BriefingDate(year: year, month: month, day: day)) }
      }
    }
    for a in dates {
      for b in dates {
        #expect((a < b) == (a.orderKey < b.orderKey), "\(a) \(b)")
      }
    }
  }

  @Test func countsDaysAcrossYears() {
    #expect(BriefingDate(year: 1970, month: 1, day: 1).dayNumber == 0)
    #expect(
      BriefingDate(year: 2025, month: 2, day: 7).dayNumber
        - BriefingDate(year: 2025, month: 1, day: 31).dayNumber == 7)
  }
}
