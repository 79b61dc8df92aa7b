import BriefingCore
import Foundation

/// schema.org JSON-LD for person, event and article pages, so search engines and other tools can
/// read what a page is about.
enum StructuredData {
  static func person(_ entity: Entity) -> String {
    var object: [String: Any] = ["@context": "https://schema.org", "@type": "Person", "name": entity.name]
    if !entity.aliases.isEmpty { object["alternateName"] = entity.aliases }
    if let summary = entity.summary { object["description"] = summary }
    if !entity.roles.isEmpty { object["jobTitle"] = entity.roles.map(\.title) }
    if let country = entity.country { object["nationality"] = ["@type": "Country", "name": country] }
    return encode(object)
  }

  static func event(_ entity: Entity) -> String {
    var object: [String: Any] = ["@context": "https://schema.org", "@type": "Event", "name": entity.name]
    if let date = entity.date, date.precision != .approximate { object["startDate"] = date.iso }
    if let end = entity.end, end.precision != .approximate { object["endDate"] = end.iso }
    if let place = entity.place { object["location"] = ["@type": "Place", "name": place] }
    if let summary = entity.summary { object["description"] = summary }
    return encode(object)
  }

  static func article(_ article: Article) -> String {
    var object: [String: Any] = [
      "@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
    ]
    if let date = article.date { object["datePublished"] = date.iso }
    if let dek = article.dek { object["description"] = dek }
    if let source = article.source { object["publisher"] = ["@type": "Organization", "name": source] }
    if let author = article.author { object["author"] = ["@type": "Person", "name": author] }
    if let url = article.url { object["isBasedOn"] = url }
    return encode(object)
  }

  /// Sorted keys for reproducible output; `<` escaped so no text can close the script element.
  private static func encode(_ object: [String: Any]) -> String {
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    else { return "{}" }
    return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
      .replacingOccurrences(of: ">", with: "\\u003e").replacingOccurrences(of: "&", with: "\\u0026")
  }
}
