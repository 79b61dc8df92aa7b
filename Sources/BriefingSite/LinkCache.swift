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

  /// Bytes in memory, as `add(_: [UInt8])` adds an array.
  mutating func add(_ bytes: UnsafeRawBufferPointer) {
    add(bytes.bindMemory(to: UInt8.self))
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
  init?<Digits: Collection<UInt8>>(hex: Digits) {
    guard hex.count == 32 else { return nil }
    func word(_ digits: Digits.SubSequence) -> UInt64? {
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
/// made from. The entries live in one pack file that builds only ever append to, each entry whole
/// under an exclusive lock; the bytes of a pack are never changed once written, so a build maps
/// the pack into memory and reads a document's rendered body from it only when a page shows that
/// body. When a build finds that less than half of the pack is entries it used, it writes the used
/// ones into a new pack and moves that into place. An entry that cannot be read is ignored and
/// made again; the folder is safe to delete.
final class LinkCache: @unchecked Sendable {
  // @unchecked: the counters and what is appended are only touched under `lock`; the mapping of
  // the pack is only read.
  /// Bumped whenever what an entry holds changes.
  static let format = 4
  static let folderName = ".briefing-cache"
  private static let packMagic = Array("BRIEFING-LINK-PACK\n".utf8)
  /// An entry's header in the pack: its key in 32 hex digits and its length in 8 bytes.
  private static let headerSize = 40

  let folder: String
  let environment: Digest
  /// The digest of each file the build read, by the path diagnostics show.
  var fileDigests: [String: Digest] = [:]
  private let lock = NSLock()
  private(set) var hits = 0
  private(set) var misses = 0
  /// The pack, open for appending; -1 when it could not be opened.
  private var file: Int32 = -1
  /// The pack as it was when this build opened it, and where each entry is in it.
  private var mapping: PackMapping?
  private var index: [Digest: Range<Int>] = [:]
  /// Where the entries this build used or made are in the pack (header included), and their size.
  private var used: [Range<Int>] = []
  private var usedBytes = 0
  /// Whether the pack could not be mapped: its entries were not read, so none counts as used.
  private var unread = false

  var pack: String { "\(folder)/links-v\(LinkCache.format).pack" }
  private var newPack: String { pack + ".\(ProcessInfo.processInfo.processIdentifier).tmp" }

  init(folder: String, environment: Digest) {
    self.folder = folder
    self.environment = environment
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    removeLeftovers()
    open()
  }

  deinit {
    if file >= 0 { close(file) }
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

  /// Opens the pack (making it when there is none), maps it, and reads its entry headers. A pack
  /// that ends in the middle of an entry (a build killed while appending) is replaced by its whole
  /// entries, so that what is appended next can be found.
  private func open(mending: Bool = true) {
    file = Foundation.open(pack, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard file >= 0 else { return }
    let opened: Bool = locked {
      var info = stat()
      guard fstat(file, &info) == 0 else { return false }
      if info.st_size == 0 { return LinkCache.write(file, LinkCache.packMagic) }
      // Unmapped (out of address space, say), the pack is only appended to this time.
      guard let mapping = PackMapping(file: file, count: Int(info.st_size)) else {
        unread = true
        return true
      }
      guard mapping.bytes.starts(with: LinkCache.packMagic) else {
        if mending { replace(keeping: []) }
        return file >= 0
      }
      self.mapping = mapping
      if scan(mapping) < mapping.count && mending {
        replace(keeping: index.values.map { $0.lowerBound - LinkCache.headerSize..<$0.upperBound })
      }
      return file >= 0
    }
    if !opened && file >= 0 {
      close(file)
      file = -1
    }
  }

  /// Indexes the entries of `mapping`; where the whole entries end.
  private func scan(_ mapping: PackMapping) -> Int {
    let bytes = mapping.bytes
    var offset = LinkCache.packMagic.count
    while offset + LinkCache.headerSize <= bytes.count {
      guard let key = Digest(hex: bytes[offset..<offset + 32]) else { break }
      var count = 0
      for (shift, byte) in bytes[offset + 32..<offset + 40].enumerated() { count |= Int(byte) << (8 * shift) }
      let start = offset + LinkCache.headerSize
      guard count > 0, count <= bytes.count - start else { break }
      // A later entry for the same key (made again after damage) is the one read.
      index[key] = start..<start + count
      offset = start + count
    }
    return offset
  }

  /// Runs `body` holding the pack's exclusive lock (other builds append to it too).
  private func locked<T>(_ body: () -> T) -> T {
    let held = file
    while flock(held, LOCK_EX) != 0 && errno == EINTR {}
    // `body` may put a new pack in place and open that (closing this one releases its lock).
    defer { if held == file { flock(held, LOCK_UN) } }
    return body()
  }

  private static func write(_ file: Int32, _ bytes: [UInt8]) -> Bool {
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { Foundation.write(file, $0.baseAddress! + done, bytes.count - done) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return false }
      done += n
    }
    return true
  }

  /// Adds an entry to the end of the pack.
  private func append(_ key: Digest, _ entry: [UInt8]) {
    var bytes = Array(key.hex.utf8)
    for shift in stride(from: 0, to: 64, by: 8) {
      bytes.append(UInt8(truncatingIfNeeded: entry.count >> shift))
    }
    bytes += entry
    lock.withLock {
      guard file >= 0 else { return }
      locked {
        let end = lseek(file, 0, SEEK_END)
        if end >= 0 && LinkCache.write(file, bytes) {
          used.append(Int(end)..<Int(end) + bytes.count)
          usedBytes += bytes.count
        }
      }
    }
  }

  /// Writes the entries at `ranges` of the pack, in order, into a new pack and moves it into the
  /// pack's place, then opens and indexes that.
  private func replace(keeping ranges: [Range<Int>]) {
    let temporary = newPack
    let out = Foundation.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard out >= 0 else { return }
    var good = LinkCache.write(out, LinkCache.packMagic)
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where good {
      var offset = range.lowerBound
      while offset < range.upperBound && good {
        let want = min(buffer.count, range.upperBound - offset)
        let n = buffer.withUnsafeMutableBytes { pread(file, $0.baseAddress!, want, off_t(offset)) }
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else {
          good = false
          break
        }
        good = LinkCache.write(out, Array(buffer[..<n]))
        offset += n
      }
    }
    close(out)
    guard good, rename(temporary, pack) == 0 else {
      unlink(temporary)
      return
    }
    close(file)
    file = -1
    index = [:]
    mapping = nil
    used = []
    usedBytes = 0
    unread = false
    open(mending: false)
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

  /// The cached result for a document whose own digest is `document`, or nil. Its body stays in
  /// the mapped pack until a page shows it.
  func load(document: Digest) -> BodyLinker.Linked? {
    let key = key(document: document)
    guard let mapping, let range = index[key],
      let (findings, html) = try? LinkCache.decode(
        UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: mapping.bytes[range])), key: key)
    else {
      lock.withLock { misses += 1 }
      return nil
    }
    lock.withLock {
      hits += 1
      used.append(range.lowerBound - LinkCache.headerSize..<range.upperBound)
      usedBytes += range.count + LinkCache.headerSize
    }
    let body = BodyHTML.packed(
      mapping, range.lowerBound + html.lowerBound..<range.lowerBound + html.upperBound)
    return BodyLinker.Linked(html: body, findings: findings)
  }

  /// Keeps `linked` for the document whose digest is `document`.
  func store(document: Digest, _ linked: BodyLinker.Linked) {
    let key = key(document: document)
    append(key, LinkCache.encode(linked, key: key))
  }

  /// Call when the build has succeeded: when less than half of the pack is entries this build used
  /// or made, the pack is written anew with only those. A failure only costs a later build the
  /// time to link again.
  func commit() {
    lock.withLock {
      guard file >= 0, !unread else { return }
      var info = stat()
      guard fstat(file, &info) == 0, Int(info.st_size) > 2 * usedBytes else { return }
      locked { replace(keeping: used) }
    }
  }

  // MARK: - Entry format

  private static let magic = Array("BRIEFING-LINK-CACHE\n".utf8)

  /// An entry: the length of its findings part in 8 bytes, the findings part, then the rendered
  /// body's bytes. The findings part holds the body's length and digest, and ends with the digest
  /// of all it holds before, so a damaged entry is never taken for a good one.
  static func encode(_ linked: BodyLinker.Linked, key: Digest) -> [UInt8] {
    var out = CacheWriter()
    let html = Array(linked.html.text.utf8)
    out.int(html.count)
    out.digest(Digest(of: html))
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
    var part = magic + Array(key.hex.utf8) + out.finished()
    var check = Digest()
    check.add(part)
    part += Array(check.hex.utf8)
    var entry: [UInt8] = []
    entry.reserveCapacity(8 + part.count + html.count)
    for shift in stride(from: 0, to: 64, by: 8) {
      entry.append(UInt8(truncatingIfNeeded: part.count >> shift))
    }
    return entry + part + html
  }

  /// Reads what `encode` wrote, the body as a copy: for tests.
  static func decode(_ entry: [UInt8], key: Digest) throws -> BodyLinker.Linked {
    try entry.withUnsafeBytes { bytes in
      let (findings, html) = try decode(bytes, key: key)
      return BodyLinker.Linked(
        html: .text(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[html]), as: UTF8.self)),
        findings: findings)
    }
  }

  /// Reads the findings of an entry, and checks its body and says where in `entry` it is.
  static func decode(_ entry: UnsafeRawBufferPointer, key: Digest) throws -> (Findings, Range<Int>) {
    guard entry.count >= 8 else { throw CacheReader.Malformed() }
    var count = 0
    for shift in 0..<8 { count |= Int(entry[shift]) << (8 * shift) }
    guard count > 32, count <= entry.count - 8 else { throw CacheReader.Malformed() }
    let body = Array(entry[8..<8 + count - 32])
    var check = Digest()
    check.add(body)
    guard entry[8 + count - 32..<8 + count].elementsEqual(check.hex.utf8) else {
      throw CacheReader.Malformed()
    }
    var input = CacheReader(bytes: body)
    try input.expect(magic + Array(key.hex.utf8))
    try input.readTable()
    let htmlCount = try input.int()
    let htmlDigest = try input.digest()
    let html = 8 + count..<entry.count
    guard html.count == htmlCount, Digest(of: UnsafeRawBufferPointer(rebasing: entry[html])) == htmlDigest
    else {
      throw CacheReader.Malformed()
    }
    var findings = Findings()
    findings.mentions = Mentions(
      try input.array { input in
        Mention(
          entity: try input.string(), document: try input.string(), sentence: try input.string(),
          text: try input.string(), inHeading: try input.int() == 1)
      })
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
    findings.passages = Passages(
      try input.array { input in
        Passage(
          entity: try input.string(), document: try input.string(), text: try input.string(),
          entities: try input.strings())
      })
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
    return (findings, html)
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

  mutating func digest(_ digest: Digest) {
    bytes += Array(digest.hex.utf8)
  }

  mutating func date(_ date: BriefingDate) {
    int(date.year)
    int(date.month ?? 0)
    int(date.day ?? 0)
    string(date.precision.rawValue)
    string(date.part?.rawValue ?? "")
  }

  mutating func array<Items: Collection>(_ items: Items, _ write: (inout CacheWriter, Items.Element) -> Void)
  {
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

  mutating func digest() throws -> Digest {
    guard offset + 32 <= bytes.count, let digest = Digest(hex: bytes[offset..<offset + 32]) else {
      throw Malformed()
    }
    offset += 32
    return digest
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

/// A pack file mapped into memory, read-only; unmapped when the last body read from it is gone.
final class PackMapping: @unchecked Sendable {
  // @unchecked: the mapping is never written, and the pack's bytes are never changed once written.
  let bytes: UnsafeBufferPointer<UInt8>

  init?(file: Int32, count: Int) {
    guard count > 0 else { return nil }
    let address = mmap(nil, count, PROT_READ, MAP_SHARED, file, 0)
    guard let address, address != MAP_FAILED else { return nil }
    bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: count)
  }

  var count: Int { bytes.count }

  deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
}

/// A document's body rendered to HTML: made by this build and held, or written to its scratch
/// file, or kept in the link cache's pack; read from the file or pack only when a page shows it.
enum BodyHTML: Sendable {
  case text(String)
  case packed(PackMapping, Range<Int>)
  case spilled(Spill, Range<Int>)

  var text: String {
    switch self {
    case .text(let text): return text
    case .packed(let mapping, let range):
      return String(decoding: UnsafeBufferPointer(rebasing: mapping.bytes[range]), as: UTF8.self)
    case .spilled(let spill, let range): return spill.text(range)
    }
  }

  /// The body written to `spill` when it is held in memory and can be; otherwise as it is.
  func spilled(to spill: Spill?) -> BodyHTML {
    guard let spill, case .text(let text) = self, let range = spill.keep(text) else { return self }
    return .spilled(spill, range)
  }
}
