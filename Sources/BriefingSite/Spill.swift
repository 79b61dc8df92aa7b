import BriefingCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A scratch file a build writes its bulky text to as it is made, and reads back when a page shows
/// it: what a build holds in memory then grows with what it found, not with the bodies it renders.
///
/// The file never has a name anyone could see or that could be left behind: it is made unnamed
/// where the system allows (Linux's `O_TMPFILE`), and otherwise loses its name the moment it is
/// made. It lives beside the output, where the build writes anyway, and goes with the last text
/// read from it.
final class Spill: TextStore, @unchecked Sendable {
  // @unchecked: `end` is read and moved only under `lock`; each writer then writes its own range.
  private let file: Int32
  private let lock = NSLock()
  private var end = 0

  /// A scratch file in `folder`, or nil when none can be made there (the text then stays in
  /// memory).
  init?(in folder: String) {
    var file: Int32 = -1
    #if os(Linux)
      // O_TMPFILE (O_DIRECTORY with __O_TMPFILE, 020000000 octal), which Swift does not import.
      file = open(folder, O_RDWR | O_CLOEXEC | O_DIRECTORY | 0o20_000_000, 0o600)
    #endif
    if file < 0 {
      var template = Array((folder + "/.briefing-spill-XXXXXX").utf8CString)
      file = mkstemp(&template)
      if file >= 0 { unlink(String(cString: template)) }
    }
    guard file >= 0 else { return nil }
    self.file = file
  }

  deinit { close(file) }

  /// Writes `text` to the file and says where it is; nil if it could not be written.
  func keep(_ text: String) -> Range<Int>? {
    var text = text
    return text.withUTF8 { keep(UnsafeRawBufferPointer($0)) }
  }

  /// Writes `texts` to the file one after another, with one write, and says where each is; nil if
  /// they could not be written.
  func keep(_ texts: [String]) -> [Range<Int>]? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count })
    var ends: [Int] = []
    ends.reserveCapacity(texts.count)
    for text in texts {
      bytes += text.utf8
      ends.append(bytes.count)
    }
    guard let whole = keep(bytes) else { return nil }
    return ends.indices.map { index in
      whole.lowerBound + (index == 0 ? 0 : ends[index - 1])..<whole.lowerBound + ends[index]
    }
  }

  /// Writes `bytes` to the file and says where they are; nil if they could not be written.
  func keep(_ bytes: [UInt8]) -> Range<Int>? {
    bytes.withUnsafeBytes { keep($0) }
  }

  private func keep(_ bytes: UnsafeRawBufferPointer) -> Range<Int>? {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0..<0 }
    let start = lock.withLock {
      defer { end += bytes.count }
      return end
    }
    var written = 0
    while written < bytes.count {
      let count = pwrite(file, base + written, bytes.count - written, off_t(start + written))
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return nil }
      written += count
    }
    return start..<start + bytes.count
  }

  /// The text `keep` wrote at `range`.
  func text(_ range: Range<Int>) -> String {
    String(unsafeUninitializedCapacity: range.count) { read(range, into: UnsafeMutableRawBufferPointer($0)) }
  }

  /// The bytes `keep` wrote at `range`.
  func bytes(_ range: Range<Int>) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: range.count) { buffer, count in
      count = read(range, into: UnsafeMutableRawBufferPointer(buffer))
    }
  }

  private func read(_ range: Range<Int>, into buffer: UnsafeMutableRawBufferPointer) -> Int {
    var read = 0
    while read < range.count {
      let count = pread(file, buffer.baseAddress! + read, range.count - read, off_t(range.lowerBound + read))
      if count < 0 && errno == EINTR { continue }
      // The file is the build's own and was written whole: failing to read it back is the disk
      // failing, and no page can be made without it.
      guard count > 0 else { fatalError("briefing: could not read back its scratch file (errno \(errno))") }
      read += count
    }
    return range.count
  }
}

extension BodyLinker.Linked {
  /// The body, the passages' texts and the mentions' sentences written to `spill` (where it can
  /// take them), so that what a document's link leaves in memory is what it found, not the text
  /// it found it in. Each sentence is written once, however many mentions stand in it.
  func spilled(to spill: Spill?) -> BodyLinker.Linked {
    guard let spill else { return self }
    var linked = self
    linked.html = html.spilled(to: spill)
    let passages = findings.passages.storedTexts
    if !passages.isEmpty, let places = spill.keep(passages.map(\.text)) {
      linked.findings.passages.replaceTexts(with: places.map { StoredText(in: spill, at: $0) })
    }
    // The mentions keep each distinct sentence once.
    let sentences = findings.mentions.distinctSentences
    if !sentences.isEmpty, let places = spill.keep(sentences.map(\.text)) {
      linked.findings.mentions.replaceSentences(with: places.map { StoredText(in: spill, at: $0) })
    }
    return linked
  }
}
