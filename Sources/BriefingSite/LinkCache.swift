import BriefingCore
import Foundation

/// A 128-bit digest of bytes (two 64-bit FNV-1a lanes with different primes), the same on every
/// machine and in every process: what the link cache keys its entries by. Not for secrets.
struct Digest: Hashable, Sendable {
  private(set) var high: UInt64 = 0xcbf2_9ce4_8422_2325
  private(set) var low: UInt64 = 0x6c62_272e_07bb_0142

  /// Eight bytes at a time, each lane a multiply and a rotation a word (every step is one-to-one,
  /// so two inputs that differ in one word always differ after it), the last few bytes as a word.
  mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
    var high = self.high
    var low = self.low
    func mix(_ word: UInt64) {
      high = ((high ^ word) &* 0x9E37_79B9_7F4A_7C15).rotated(by: 31)
      low = ((low &+ word) &* 0xC2B2_AE3D_27D4_EB4F).rotated(by: 27)
    }
    let raw = UnsafeRawBufferPointer(bytes)
    var offset = 0
    while offset + 8 <= raw.count {
      mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
      offset += 8
    }
    if offset < raw.count {
      var word: UInt64 = 0
      for (shift, byte) in raw[offset...].enumerated() { word |= UInt64(byte) << (8 * shift) }
      mix(word)
    }
    self.high = high
    self.low = low
  }

  mutating func add(_ text: String) {
    var text = text
    text.withUTF8 { add($0) }
    add(separator: UInt64(text.utf8.count))
  }

  mutating func add(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { add($0) }
    add(separator: UInt64(bytes.count))
  }

  /// Another digest, as two words.
  mutating func add(_ other: Digest) {
    withUnsafeBytes(of: (other.high.littleEndian, other.low.littleEndian)) {
      add($0.bindMemory(to: UInt8.self))
    }
  }

  /// Ends a field, so that ("ab", "c") and ("a", "bc") differ.
  mutating func add(separator length: UInt64) {
    withUnsafeBytes(of: length.littleEndian) { add($0.bindMemory(to: UInt8.self)) }
  }

  /// Reads what `hex` wrote.
  init?(hex: ArraySlice<UInt8>) {
    guard hex.count == 32 else { return nil }
    func word(_ digits: ArraySlice<UInt8>) -> UInt64? {
      var value: UInt64 = 0
      for digit in digits {
        switch digit {
        case 0x30...0x39: value = value << 4 | UInt64(digit - 0x30)
        case 0x61...0x66: value = value << 4 | UInt64(digit - 0x61 + 10)
        default: return nil
        }
      }
      return value
    }
    guard let high = word(hex.prefix(16)), let low = word(hex.suffix(16)) else { return nil }
    self.high = high
    self.low = low
  }

  init() {}

  var hex: String {
    func hex(_ value: UInt64) -> String {
      let digits = String(value, radix: 16)
      return String(repeating: "0", count: 16 - digits.count) + digits
    }
    return hex(high) + hex(low)
  }
}

/// What the link stage found in each document, kept between builds in `.briefing-cache/` beside
/// the content folder, so that a build re-reads and re-links only the documents that changed.
///
/// An entry is keyed by the digest of its document's path and bytes together with the digest of
/// everything linking depends on besides (`environment`: every note's bytes, `briefing.yml`, the
/// binary's version and this format), so an entry is only ever found for exactly the input it was
/// made from. The entries live in one pack file, which each build writes anew beside the old one
/// (the entries it used or made, nothing else) and moves into place when the build succeeds. An
/// entry that cannot be read is ignored and made again; the folder is safe to delete.
final class LinkCache: @unchecked Sendable {
  // @unchecked: the counters and the new pack are only touched under `lock`; the old pack is only
  // read, with pread(2), which does not move a shared offset.
  /// Bumped whenever what an entry holds changes.
  static let format = 3
  static let folderName = ".briefing-cache"
  private static let packMagic = Array("BRIEFING-LINK-PACK\n".utf8)

  let folder: String
  let environment: Digest
  /// The digest of each file the build read, by the path diagnostics show.
  var fileDigests: [String: Digest] = [:]
  private let lock = NSLock()
  private(set) var hits = 0
  private(set) var misses = 0
  /// The old pack, open for reading, and where each entry is in it.
  private var old: Int32 = -1
  private var index: [Digest: (offset: Int, count: Int)] = [:]
  /// The new pack being written, and whether writing it has failed.
  private var new: Int32 = -1
  private var failed = false

  var pack: String { "\(folder)/links-v\(LinkCache.format).pack" }
  private var newPack: String { pack + ".\(ProcessInfo.processInfo.processIdentifier).tmp" }

  init(folder: String, environment: Digest) {
    self.folder = folder
    self.environment = environment
    openOld()
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    removeLeftovers()
    new = open(newPack, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if new < 0 || !write(new, LinkCache.packMagic) { failed = true }
  }

  deinit {
    if old >= 0 { close(old) }
    if new >= 0 {
      close(new)
      unlink(newPack)
    }
  }

  /// Removes the new packs of builds that were killed before they finished (their process is gone),
  /// and the packs of other formats, which no build of this one reads.
  private func removeLeftovers() {
    let prefix = (pack as NSString).lastPathComponent + "."
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
      let version = name.dropFirst("links-v".count).dropLast(".pack".count)
      if name.hasPrefix("links-v") && name.hasSuffix(".pack") && !version.isEmpty
        && version.allSatisfy(\.isNumber) && name != (pack as NSString).lastPathComponent
      {
        unlink(folder + "/" + name)
      }
    }
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
      let pid = Int32(name.dropFirst(prefix.count).dropLast(".tmp".count)) ?? 0
      if pid > 0 && kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + name) }
    }
  }

  /// Reads the old pack's entry headers: 32 hex digits of key, 8 bytes of length, the entry.
  private func openOld() {
    old = open(pack, O_RDONLY | O_CLOEXEC)
    guard old >= 0, read(old, at: 0, count: LinkCache.packMagic.count) == LinkCache.packMagic else { return }
    var offset = LinkCache.packMagic.count
    while let header = read(old, at: offset, count: 40), header.count == 40 {
      guard let key = Digest(hex: header[0..<32]) else { break }
      let count = header[32..<40].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
      guard count > 0 else { break }
      index[key] = (offset + 40, count)
      offset += 40 + count
    }
  }

  private func read(_ file: Int32, at offset: Int, count: Int) -> [UInt8]? {
    var bytes = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let n = bytes.withUnsafeMutableBytes {
        pread(file, $0.baseAddress! + done, count - done, off_t(offset + done))
      }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return nil }
      done += n
    }
    return bytes
  }

  private func write(_ file: Int32, _ bytes: [UInt8]) -> Bool {
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { Foundation.write(file, $0.baseAddress! + done, bytes.count - done) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return false }
      done += n
    }
    return true
  }

  /// Adds an entry to the new pack.
  private func append(_ key: Digest, _ entry: [UInt8]) {
    var header = Array(key.hex.utf8)
    for shift in stride(from: 0, to: 64, by: 8) {
      header.append(UInt8(truncatingIfNeeded: entry.count >> shift))
    }
    lock.withLock {
      guard !failed else { return }
      if !write(new, header + entry) { failed = true }
    }
  }

  /// The cache folder for a content folder: beside it.
  static func folder(besides content: String) -> String {
    var content = content
    while content.count > 1 && content.hasSuffix("/") { content.removeLast() }
    let parent = (content as NSString).deletingLastPathComponent
    return parent.isEmpty ? folderName : parent + "/" + folderName
  }

  /// The environment of a build: what every document's linking depends on besides its own bytes.
  static func environment(_ loaded: LoadedContent, forCheck: Bool) -> Digest {
    var digest = Digest()
    digest.add("briefing \(BriefingVersion.current) link cache \(format) check \(forCheck)")
    for (file, fileDigest) in loaded.digests.sorted(by: { $0.key < $1.key })
    where !loaded.articleFiles.contains(file) {
      digest.add(file)
      digest.add(fileDigest.hex)
    }
    return digest
  }

  private func key(document: Digest) -> Digest { LinkCache.key(document: document, in: environment) }

  /// An entry's key: the document's own digest with the digest of its environment.
  static func key(document: Digest, in environment: Digest) -> Digest {
    var key = environment
    key.add(document.hex)
    return key
  }

  /// The cached result for a document whose own digest is `document`, or nil.
  func load(document: Digest) -> BodyLinker.Linked? {
    let key = key(document: document)
    guard let (offset, count) = index[key], let entry = read(old, at: offset, count: count),
      let linked = try? LinkCache.decode(entry, key: key)
    else {
      lock.withLock { misses += 1 }
      return nil
    }
    append(key, entry)
    lock.withLock { hits += 1 }
    return linked
  }

  /// Keeps `linked` for the document whose digest is `document`.
  func store(document: Digest, _ linked: BodyLinker.Linked) {
    let key = key(document: document)
    append(key, LinkCache.encode(linked, key: key))
  }

  /// Puts the new pack in the old one's place: call when the build has succeeded. A failure only
  /// costs the next build the time to link again.
  func commit() {
    lock.withLock {
      guard new >= 0 else { return }
      close(new)
      new = -1
      if failed || rename(newPack, pack) != 0 { unlink(newPack) }
    }
  }

  // MARK: - Entry format

  private static let magic = Array("BRIEFING-LINK-CACHE\n".utf8)

  static func encode(_ linked: BodyLinker.Linked, key: Digest) -> [UInt8] {
    var out = CacheWriter()
    out.string(linked.html)
    let findings = linked.findings
    out.array(findings.mentions) { out, mention in
      out.string(mention.entity)
      out.string(mention.document)
      out.string(mention.sentence)
      out.string(mention.text)
      out.int(mention.inHeading ? 1 : 0)
    }
    out.array(findings.dated) { out, dated in
      out.date(dated.date)
      out.string(dated.document)
      out.string(dated.sentence)
      out.string(dated.phrase)
      out.strings(dated.entities)
      out.strings(dated.context)
    }
    out.array(findings.quotes) { out, quote in
      out.string(quote.text)
      out.optional(quote.speaker)
      out.optional(quote.speakerName)
      out.string(quote.document)
      out.string(quote.context)
      out.strings(quote.entities)
    }
    out.array(findings.passages) { out, passage in
      out.string(passage.entity)
      out.string(passage.document)
      out.string(passage.text)
      out.strings(passage.entities)
    }
    out.array(findings.unknownNames) { out, sighting in
      out.string(sighting.name)
      out.string(sighting.document)
      out.string(sighting.file)
      out.int(sighting.line)
    }
    out.array(findings.diagnostics) { out, diagnostic in
      out.string(diagnostic.severity.rawValue)
      out.string(diagnostic.file)
      out.int(diagnostic.line)
      out.int(diagnostic.column)
      out.string(diagnostic.message)
      out.string(diagnostic.code)
    }
    var entry = magic + Array(key.hex.utf8) + out.finished()
    // A digest of all that comes before, so a damaged entry is never taken for a good one.
    var check = Digest()
    check.add(entry)
    entry += Array(check.hex.utf8)
    return entry
  }

  static func decode(_ bytes: [UInt8], key: Digest) throws -> BodyLinker.Linked {
    // The entry ends with the digest of what comes before it, in 32 hex digits.
    guard bytes.count > 32 else { throw CacheReader.Malformed() }
    let body = Array(bytes[..<(bytes.count - 32)])
    var check = Digest()
    check.add(body)
    guard bytes[(bytes.count - 32)...].elementsEqual(check.hex.utf8) else { throw CacheReader.Malformed() }
    var input = CacheReader(bytes: body)
    try input.expect(magic + Array(key.hex.utf8))
    try input.readTable()
    let html = try input.string()
    var findings = Findings()
    findings.mentions = try input.array { input in
      Mention(
        entity: try input.string(), document: try input.string(), sentence: try input.string(),
        text: try input.string(), inHeading: try input.int() == 1)
    }
    findings.dated = try input.array { input in
      DatedMention(
        date: try input.date(), document: try input.string(), sentence: try input.string(),
        phrase: try input.string(), entities: try input.strings(), context: try input.strings())
    }
    findings.quotes = try input.array { input in
      Quote(
        text: try input.string(), speaker: try input.optional(), speakerName: try input.optional(),
        document: try input.string(), context: try input.string(), entities: try input.strings())
    }
    findings.passages = try input.array { input in
      Passage(
        entity: try input.string(), document: try input.string(), text: try input.string(),
        entities: try input.strings())
    }
    findings.unknownNames = try input.array { input in
      UnknownNames.Sighting(
        name: try input.string(), document: try input.string(), file: try input.string(),
        line: try input.int())
    }
    findings.diagnostics = try input.array { input in
      guard let severity = Diagnostic.Severity(rawValue: try input.string()) else {
        throw CacheReader.Malformed()
      }
      let file = try input.string()
      let line = try input.int()
      let column = try input.int()
      let message = try input.string()
      return Diagnostic(severity, code: try input.string(), file: file, line: line, column: column, message)
    }
    guard input.atEnd else { throw CacheReader.Malformed() }
    return BodyLinker.Linked(html: html, findings: findings)
  }
}

/// Fields appended as variable-length integers; each distinct string is written once, in a table
/// that `finished` puts first, and fields refer to it by number (a document's mentions share their
/// sentences, and read back they share them again).
struct CacheWriter {
  var bytes: [UInt8] = []
  private var table: [String: Int] = [:]
  private var strings: [String] = []

  /// The table, then the fields.
  func finished() -> [UInt8] {
    var out = CacheWriter()
    out.int(strings.count)
    for text in strings {
      out.int(text.utf8.count)
      out.bytes += text.utf8
    }
    return out.bytes + bytes
  }

  mutating func int(_ value: Int) {
    var value = UInt64(bitPattern: Int64(value))
    repeat {
      let byte = UInt8(value & 0x7F)
      value >>= 7
      bytes.append(value == 0 ? byte : byte | 0x80)
    } while value != 0
  }

  mutating func string(_ text: String) {
    if let number = table[text] {
      int(number)
    } else {
      table[text] = strings.count
      int(strings.count)
      strings.append(text)
    }
  }

  mutating func optional(_ text: String?) {
    if let text {
      int(1)
      string(text)
    } else {
      int(0)
    }
  }

  mutating func strings(_ texts: [String]) {
    int(texts.count)
    for text in texts { string(text) }
  }

  mutating func date(_ date: BriefingDate) {
    int(date.year)
    int(date.month ?? 0)
    int(date.day ?? 0)
    string(date.precision.rawValue)
    string(date.part?.rawValue ?? "")
  }

  mutating func array<T>(_ items: [T], _ write: (inout CacheWriter, T) -> Void) {
    int(items.count)
    for item in items { write(&self, item) }
  }
}

/// Reads what `CacheWriter` wrote; anything out of place throws.
struct CacheReader {
  struct Malformed: Error {}

  let bytes: [UInt8]
  var offset = 0
  private var table: [String] = []

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Reads the string table `CacheWriter.finished` put first.
  mutating func readTable() throws {
    let count = try int()
    guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
    table.reserveCapacity(count)
    for _ in 0..<count {
      let length = try int()
      guard length >= 0, offset + length <= bytes.count else { throw Malformed() }
      guard let text = String(validating: bytes[offset..<offset + length], as: UTF8.self) else {
        throw Malformed()
      }
      table.append(text)
      offset += length
    }
  }

  var atEnd: Bool { offset == bytes.count }

  mutating func expect(_ expected: [UInt8]) throws {
    guard offset + expected.count <= bytes.count,
      bytes[offset..<offset + expected.count].elementsEqual(expected)
    else { throw Malformed() }
    offset += expected.count
  }

  mutating func int() throws -> Int {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < bytes.count, shift < 64 else { throw Malformed() }
      let byte = bytes[offset]
      offset += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { break }
      shift += 7
    }
    return Int(Int64(bitPattern: value))
  }

  mutating func string() throws -> String {
    let number = try int()
    guard number >= 0 && number < table.count else { throw Malformed() }
    return table[number]
  }

  mutating func optional() throws -> String? {
    try int() == 1 ? try string() : nil
  }

  mutating func strings() throws -> [String] {
    try array { try $0.string() }
  }

  mutating func date() throws -> BriefingDate {
    let year = try int()
    let month = try int()
    let day = try int()
    guard let precision = BriefingDate.Precision(rawValue: try string()) else { throw Malformed() }
    let part = try string()
    var date = BriefingDate(year: year)
    date.month = month == 0 ? nil : month
    date.day = day == 0 ? nil : day
    date.precision = precision
    date.part = part.isEmpty ? nil : BriefingDate.Part(rawValue: part)
    return date
  }

  mutating func array<T>(_ read: (inout CacheReader) throws -> T) throws -> [T] {
    let count = try int()
    guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
    var items: [T] = []
    items.reserveCapacity(count)
    for _ in 0..<count { items.append(try read(&self)) }
    return items
  }
}

extension UInt64 {
  fileprivate func rotated(by bits: UInt64) -> UInt64 { self << bits | self >> (64 - bits) }
}
