import Testing

@testable import BriefingCore

@Suite struct DatelineParserTests {
  @Test(arguments: [
    ("Today : Jan 13, 2025", "2025-01-13"),
    ("13 January 2025", "2025-01-13"),
    ("Published: 09 Mar. 2023, 18:16", "2023-03-09"),
    ("11:25 JST, May 7, 2023", "2023-05-07"),
    ("Sept. 3, 2024", "2024-09-03"),
    ("2025-02-07", "2025-02-07"),
  ])
  func readsFullDates(line: String, iso: String) {
    #expect(DatelineParser.fullDate(in: line)?.iso == iso)
  }

  @Test func aYearlessDatelineGivesMonthAndDayOnly() throws {
    let match = try #require(DatelineParser.firstDate(in: "March 16 (Yonhap)"))
    #expect(match.year == nil)
    #expect(match.month == 3)
    #expect(match.day == 16)
    #expect(DatelineParser.fullDate(in: "March 16 (Yonhap)") == nil)
  }

  @Test(arguments: [
    "World News", "print PRINT", "Trump may 20 things", "February 30, 2025", "the march 4 2025",
  ])
  func findsNoFullDate(line: String) {
    #expect(DatelineParser.fullDate(in: line) == nil)
  }
}
