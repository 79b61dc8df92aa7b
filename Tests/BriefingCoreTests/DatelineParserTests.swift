import Testing

@testable import BriefingCore

@Suite struct DatelineParserTests {
  @Test(
    arguments: [
      ("Jan", 1), ("Jan.", 1), ("JANUARY", 1), ("January.", 1), ("Sept.", 9), ("Sept", 9), ("Sep", 9),
      ("SEPTEMBER", 9), ("May", 5), ("May.", 5), ("Mar", 3), ("March", 3), ("Jun", 6), ("Jul", 7),
      ("Dec.", 12),
      ("Mayor", nil), ("Ma", nil), ("Ma.", nil), ("Marc", nil), ("Junk", nil), ("jan", nil),
      ("Septembers", nil),
      ("Ōsaka", nil), ("Máy", nil), ("", nil), ("Janu-ary", nil),
    ] as [(String, Int?)])
  func namesAMonth(word: String, month: Int?) {
    #expect(DatelineParser.month(named: word) == month)
  }

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
