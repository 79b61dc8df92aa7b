import BriefingCore

/// schema.org JSON-LD for person, event and article pages, so search engines and other tools can
/// read what a page is about. Keys in sorted order, for reproducible output.
enum StructuredData {
  static func person(_ entity: Entity) -> String {
    encode("Person") { json in
      if !entity.aliases.isEmpty {
        json.key("alternateName")
        json.strings(entity.aliases)
      }
      json.fields([("description", entity.summary)])
      if !entity.roles.isEmpty {
        json.key("jobTitle")
        json.strings(entity.roles.map(\.title))
      }
      json.fields([("name", entity.name)])
      if let country = entity.country { typed(&json, "nationality", "Country", country) }
    }
  }

  static func event(_ entity: Entity) -> String {
    encode("Event") { json in
      let exact = { (date: BriefingDate?) in date.flatMap { $0.precision == .approximate ? nil : $0.iso } }
      json.fields([("description", entity.summary), ("endDate", exact(entity.end))])
      if let place = entity.place { typed(&json, "location", "Place", place) }
      json.fields([("name", entity.name), ("startDate", exact(entity.date))])
    }
  }

  static func article(_ article: Article) -> String {
    encode("NewsArticle") { json in
      if let author = article.author { typed(&json, "author", "Person", author) }
      json.fields([
        ("datePublished", article.date?.iso), ("description", article.dek), ("headline", article.title),
        ("isBasedOn", article.url),
      ])
      if let source = article.source { typed(&json, "publisher", "Organization", source) }
    }
  }

  /// `key: {"@type": type, "name": name}`.
  private static func typed(_ json: inout JSONWriter, _ key: String, _ type: String, _ name: String) {
    json.key(key)
    json.beginObject()
    json.fields([("@type", type), ("name", name)])
    json.endObject()
  }

  /// An object of `type` with the keys `fields` writes (in sorted order, after `@context` and
  /// `@type`); `<`, `>` and `&` escaped so no text can close the script element.
  private static func encode(_ type: String, _ fields: (inout JSONWriter) -> Void) -> String {
    var json = JSONWriter(pretty: false)
    json.beginObject()
    json.fields([("@context", "https://schema.org"), ("@type", type)])
    fields(&json)
    json.endObject()
    var out: [UInt8] = []
    out.reserveCapacity(json.bytes.count + 16)
    for byte in json.bytes {
      switch byte {
      case 0x3C: out += Array("\\u003c".utf8)
      case 0x3E: out += Array("\\u003e".utf8)
      case 0x26: out += Array("\\u0026".utf8)
      default: out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
