import BriefingCore
import Foundation
import Synchronization

/// Skips rendering the entity and article pages whose inputs have not changed since the last build
/// into the same output: their files are the last site's files again (hard links, as for any
/// unchanged file), each checked first against what was recorded when it was written. A file is
/// read and compared with the recorded digest, unless its inode, size and modification time are
/// still the recorded ones and that time is more than a second older than the record (git's rule
/// for its index: a file changed within the clock tick it was written in could keep its time).
///
/// A page's inputs are one digest. What every page shares (`global`): the binary's version, every
/// note and `briefing.yml` (the link cache's environment), the theme's files, whether there is
/// search, the date the briefing is current to, and every entity's mention count (each link to an
/// entity shows it). What one page adds:
/// - an article's page: its own file;
/// - an entity's pages: the files of every document that mentions it (its mentions, the entities
///   named with it, the articles listed and their quotes), of the documents of its passages, of
///   the passages that name it and of its quotes; its timeline entries whole, with the files of
///   their sources; for an event, the entries before and after it, the same way.
/// - a page of a long timeline: its entries whole, with the files of their sources, and the paths
///   and titles of the pages before and after it.
/// Every other page (front page, indexes, the timeline's first page, feeds, data) is rendered on
/// every build.
final class PageReuse: @unchecked Sendable {
  // @unchecked: `made` and `kept` are only touched under `lock`; the rest is read-only.
  let global: Digest
  private let briefing: Briefing
  private let timelineParts: [Paging.TimelinePart]
  /// The digest of each document's file, by document id.
  private let files: [String: Digest]
  /// What the last build recorded, when its `global` was this one's.
  private let last: [String: Entry]
  private let lock = NSLock()
  private var made: [String: Entry] = [:]
  private var keptPages = 0

  /// A page's inputs, and the files it wrote with their sizes and digests.
  struct Entry: Equatable {
    var inputs: Digest
    var files: [File]
  }

  struct File: Equatable {
    var path: String
    var size: Int
    var digest: Digest
    /// The file's inode and modification time when it was written or last checked; nil when the
    /// file must be read to be trusted.
    var stamp: FileStamp? = nil
  }

  init(
    briefing: Briefing, timelineParts: [Paging.TimelinePart], environment: Digest, theme: Theme, search: Bool,
    fileDigests: [String: Digest], last record: Record?
  ) {
    self.briefing = briefing
    self.timelineParts = timelineParts
    var files: [String: Digest] = [:]
    for article in briefing.articles { files[article.id] = fileDigests[article.file] }
    for entity in briefing.entities { files[entity.id] = fileDigests[entity.file] }
    self.files = files
    var global = Digest()
    global.add("briefing \(BriefingVersion.current) pages \(PageReuse.format) search \(search)")
    global.add(environment)
    for (name, source) in theme.sources.sorted(by: { $0.key < $1.key }) {
      global.add(name)
      global.add(source)
    }
    for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) {
      global.add(path)
      global.add(bytes)
    }
    global.add(briefing.asOf?.iso ?? "-")
    for entity in briefing.entities {
      global.add(entity.id)
      global.add(separator: UInt64(briefing.mentionCount(of: entity.id)))
    }
    self.global = global
    // A record made under another `global` says nothing of this build's pages.
    last = record.flatMap { $0.global == global ? $0.entries : nil } ?? [:]
    trustedBefore = record?.written.map { $0 - 1_000_000_000 } ?? 0
  }

  static let format = 2
  /// Files modified before this time (nanoseconds since 1970) may be trusted by their stamps.
  private let trustedBefore: Int

  /// The key of `page` in the manifest, or nil for a page rendered on every build.
  func key(of page: SiteRenderer.Page) -> String? {
    switch page {
    case .entity(let id): "entity \(id)"
    case .article(let id): "article \(id)"
    case .timelinePart(let index): "timeline \(timelineParts[index].path)"
    default: nil
    }
  }

  /// The digest of what `page` is made from.
  func inputs(of page: SiteRenderer.Page) -> Digest? {
    var digest = global
    func document(_ id: String) {
      digest.add(id)
      digest.add(files[id] ?? Digest())
    }
    func entry(_ entry: TimelineEntry) {
      for date in [entry.date, entry.end] {
        digest.add(date.map { "\($0.iso) \($0.display) \($0.precision.rawValue)" } ?? "-")
      }
      digest.add(entry.title)
      digest.add(entry.event ?? "-")
      for id in entry.entities { digest.add(id) }
      digest.add(separator: UInt64(entry.entities.count))
      for source in entry.sources {
        document(source.article)
        digest.add(source.text)
      }
      digest.add(separator: UInt64(entry.sources.count))
    }
    switch page {
    case .article(let id):
      digest.add("article")
      document(id)
    case .entity(let id):
      digest.add("entity")
      document(id)
      digest.add("mentioned in")
      for (mentioning, _) in briefing.documents(mentioning: id) { document(mentioning) }
      digest.add("passages")
      for passage in briefing.passages(about: id) + briefing.passages(naming: id) {
        digest.add(passage.entity)
        document(passage.document)
      }
      digest.add("quotes")
      for quote in briefing.quotesBySpeaker[id] ?? [] { document(quote.document) }
      digest.add("timeline")
      for item in briefing.timeline(for: id) { entry(item) }
      if let index = briefing.timelineIndex(ofEvent: id) {
        digest.add("neighbours")
        if index > 0 { entry(briefing.timeline[index - 1]) }
        digest.add("next")
        if index + 1 < briefing.timeline.count { entry(briefing.timeline[index + 1]) }
      }
    case .timelinePart(let index):
      digest.add("timeline part")
      digest.add(separator: UInt64(timelineParts.count))
      for neighbour in [index - 1, index, index + 1] where timelineParts.indices.contains(neighbour) {
        digest.add(separator: UInt64(neighbour))
        digest.add(timelineParts[neighbour].path)
        digest.add(timelineParts[neighbour].title)
      }
      for item in briefing.timeline[timelineParts[index].range] { entry(item) }
    default:
      return nil
    }
    return digest
  }

  /// The files the last build wrote for `key`, when it was made from `inputs`.
  func lastFiles(_ key: String, inputs: Digest) -> [File]? {
    guard let entry = last[key], entry.inputs == inputs else { return nil }
    return entry.files.map { file in
      var file = file
      if let stamp = file.stamp, stamp.modified >= trustedBefore { file.stamp = nil }
      return file
    }
  }

  /// Notes what this build wrote (or kept) for `key`.
  func record(_ key: String, inputs: Digest, files: [File], kept: Bool) {
    lock.withLock {
      made[key] = Entry(inputs: inputs, files: files)
      if kept { keptPages += 1 }
    }
  }

  /// How many pages were kept without being rendered.
  var kept: Int { lock.withLock { keptPages } }

  // MARK: - Manifest

  /// Where the record of the pages built into `output` is kept: in the link cache's folder, one
  /// file per output folder.
  static func manifestPath(cache folder: String, output: String) -> String {
    let absolute =
      output.hasPrefix("/") ? output : FileManager.default.currentDirectoryPath + "/" + output
    var name = Digest()
    name.add(absolute)
    return "\(folder)/pages-v\(format)-\(name.hex)"
  }

  private static let magic = "briefing pages"

  /// The record as text: a line with `global`, then a line a page (key, inputs) and a line a file
  /// (tab, path, size, digest, and the stamp when there is one). Keys and paths hold no tab or
  /// line break: ids are slugs.
  func manifest() -> [UInt8] {
    var text = "\(PageReuse.magic) \(PageReuse.format) \(global.hex)\n"
    for (key, entry) in lock.withLock({ made }).sorted(by: { $0.key < $1.key }) {
      guard !(key + entry.files.map(\.path).joined()).contains(where: { $0 == "\t" || $0 == "\n" }) else {
        continue
      }
      text += "\(key)\t\(entry.inputs.hex)\n"
      for file in entry.files {
        text += "\t\(file.path)\t\(file.size)\t\(file.digest.hex)"
        if let stamp = file.stamp { text += "\t\(stamp.inode) \(stamp.modified)" }
        text += "\n"
      }
    }
    return Array(text.utf8)
  }

  /// A manifest read: the `global` it was made under, its entries, and when it was written
  /// (nanoseconds since 1970); nil when it is damaged.
  typealias Record = (global: Digest, entries: [String: Entry], written: Int?)

  static func record(_ bytes: [UInt8], written: Int? = nil) -> Record? {
    // Lines and fields found byte by byte: the record of a large site has tens of thousands.
    guard bytes.last == 0x0A else { return nil }  // cut short
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == 0x0A {
      lines.append(bytes[start..<index])
      start = index + 1
    }
    let head = Array("\(magic) \(format) ".utf8)
    guard let first = lines.first, first.starts(with: head),
      let global = Digest(hex: first.dropFirst(head.count))
    else { return nil }
    var entries: [String: Entry] = [:]
    var current: (key: String, entry: Entry)?
    for line in lines.dropFirst() {
      let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
      if fields.count == 4 || fields.count == 5, fields[0].isEmpty,
        let size = Int(String(decoding: fields[2], as: UTF8.self)), let digest = Digest(hex: fields[3]),
        current != nil
      {
        var file = File(path: String(decoding: fields[1], as: UTF8.self), size: size, digest: digest)
        if fields.count == 5 {
          let numbers = fields[4].split(separator: 0x20).map { Int(String(decoding: $0, as: UTF8.self)) }
          guard numbers.count == 2, let inode = numbers[0], let modified = numbers[1] else { return nil }
          file.stamp = FileStamp(inode: UInt64(inode), modified: modified)
        }
        current!.entry.files.append(file)
      } else if fields.count == 2, !fields[0].isEmpty, let inputs = Digest(hex: fields[1]) {
        if let current { entries[current.key] = current.entry }
        current = (String(decoding: fields[0], as: UTF8.self), Entry(inputs: inputs, files: []))
      } else {
        return nil
      }
    }
    if let current { entries[current.key] = current.entry }
    return (global, entries, written)
  }

  /// The record at `path`, read and parsed on another thread while the build goes on.
  static func reading(_ path: String) -> @Sendable () -> Record? {
    let result = Mutex<Record?>(nil)
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      let read = LocalFileSystem().stampedContents(path).flatMap {
        PageReuse.record($0.bytes, written: $0.stamp.modified)
      }
      result.withLock { $0 = read }
      done.signal()
    }
    return {
      done.wait()
      done.signal()
      return result.withLock { $0 }
    }
  }
}

extension Digest {
  /// The digest of `bytes`.
  init(of bytes: [UInt8]) {
    self.init()
    add(bytes)
  }

  init(of bytes: UnsafeRawBufferPointer) {
    self.init()
    add(bytes)
  }

}
