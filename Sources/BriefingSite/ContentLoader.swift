import BriefingCore
import Foundation

/// What the content folder holds once every file is read and parsed.
public struct LoadedContent: Sendable {
  public var config: BriefingConfig
  /// The Markdown of `index.md`, the front page's introduction.
  public var introduction: String?
  public var introductionFile: String?
  public var articles: [Article]
  public var entities: [Entity]
  public var diagnostics: [Diagnostic]
  /// The digest of each file read (its path and bytes), by the path diagnostics show.
  var digests: [String: Digest] = [:]
  /// The files of the articles, by the path diagnostics show.
  var articleFiles: Set<String> = []
  /// `briefing.yml` as diagnostics show it.
  var configFile = "briefing.yml"
  /// With a scratch file to load into: for each article, where its body is there (nil when it is
  /// held in the article). Empty otherwise.
  var spilledTexts: [Range<Int>?] = []
}

/// An article's body as read. With a scratch file, the loader writes it there and clears it from
/// the article; the link stage reads it back: the bodies of the corpus never wait in memory.
struct ArticleText: Sendable {
  var markdown: String
  var paragraphs: [Article.Paragraph]
  var dropped: [Article.Paragraph]

  init(markdown: String, paragraphs: [Article.Paragraph], dropped: [Article.Paragraph]) {
    (self.markdown, self.paragraphs, self.dropped) = (markdown, paragraphs, dropped)
  }

  init(of article: Article) {
    (markdown, paragraphs, dropped) = (article.markdown, article.paragraphs, article.dropped)
  }

  func encoded() -> [UInt8] {
    var out = CacheWriter()
    out.string(markdown)
    for paragraphs in [paragraphs, dropped] {
      out.array(paragraphs) { out, paragraph in
        out.int(paragraph.line)
        out.string(paragraph.text)
      }
    }
    return out.finished()
  }

  /// What `encoded` wrote.
  init(decoding bytes: [UInt8]) throws {
    var reader = CacheReader(bytes: bytes)
    try reader.readTable()
    markdown = try reader.string()
    func readParagraphs() throws -> [Article.Paragraph] {
      try reader.array { reader in
        let line = try reader.int()
        return Article.Paragraph(try reader.string(), line: line)
      }
    }
    paragraphs = try readParagraphs()
    dropped = try readParagraphs()
  }

  /// Takes the body out of `article`, leaving the first paragraph, which the feed shows, unless
  /// the article cannot be in the feed.
  static func clear(_ article: inout Article, keepingFirstParagraph: Bool = true) {
    let first = keepingFirstParagraph ? Array(article.paragraphs.prefix(1)) : []
    ArticleText(markdown: "", paragraphs: first, dropped: []).restore(into: &article)
  }

  /// Puts the body back into `article`.
  func restore(into article: inout Article) {
    (article.markdown, article.paragraphs, article.dropped) = (markdown, paragraphs, dropped)
  }
}

/// Reads the content folder: `briefing.yml`, `index.md`, `articles/`, and one folder per entity kind.
struct ContentLoader {
  let fileSystem: FileSystem
  /// What an earlier load read, for `serve`: a file whose path and bytes are unchanged is not
  /// parsed again.
  var earlier: ReadDocuments? = nil
  /// Where each article's body is written once read (`LoadedContent.spilledTexts`); nil keeps
  /// them in the articles.
  var spill: Spill? = nil

  func load(_ folder: String) throws -> LoadedContent {
    guard fileSystem.isDirectory(folder) else {
      throw BriefingError(stage: .load, file: folder, "the content folder does not exist")
    }
    var diagnostics: [Diagnostic] = []
    let display = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    let listed: [String]
    do {
      listed = try fileSystem.files(under: folder)
    } catch BriefingFileError.loop(let path) {
      throw BriefingError(
        stage: .load, file: path, "a symbolic link to a folder that holds it (a loop); remove the link")
    }
    let paths = listed.filter { path in
      !path.split(separator: "/").contains { $0.hasPrefix(".") }
    }

    let digests = Digests()
    var configText: String?
    var introduction: String?
    var introductionFile: String?
    var articleFiles: [SourceFile] = []
    var noteFiles: [SourceFile] = []
    for path in paths {
      let shown = "\(display)/\(path)"
      let parts = path.split(separator: "/")
      let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
      let file = SourceFile(path: shown, relativePath: path)
      if parts.count == 2 && parts[0] == "articles" && (ext == "txt" || ext == "md") {
        articleFiles.append(file)
      } else if parts.count == 2 && parts[0] != "articles" && ext == "md" {
        noteFiles.append(file)
      } else if path == "briefing.yml" {
        configText = readText(
          path: "\(folder)/\(path)", shown: shown, diagnostics: &diagnostics, digests: digests)
      } else if path == "index.md" {
        introduction = readText(
          path: "\(folder)/\(path)", shown: shown, diagnostics: &diagnostics, digests: digests)
        introductionFile = shown
      } else {
        diagnostics.append(
          .warning("ignored-file", shown, "ignored: not an article, a note, briefing.yml or index.md"))
      }
    }
    let config = BriefingConfig.read(configText, file: "\(display)/briefing.yml", diagnostics: &diagnostics)
    if configText == nil {
      diagnostics.append(
        .warning("no-config", "\(display)/briefing.yml", "no briefing.yml: using the defaults"))
    }
    if let text = introduction {
      let (front, problems) = FrontMatter.parse(text, file: introductionFile!)
      diagnostics += problems
      introduction = front.body
    }

    // Reading and parsing run on all cores, one file each.
    let spill = self.spill
    let articles = parallelMap(articleFiles) { file -> (Article?, [Diagnostic], Range<Int>?) in
      var problems: [Diagnostic] = []
      guard
        let text = readText(
          path: "\(folder)/\(file.relativePath)", shown: file.path, diagnostics: &problems, digests: digests)
      else { return (nil, problems, nil) }
      let read = { (ArticleReader.read(file, text: text, diagnostics: &problems), problems) }
      guard let earlier, let digest = digests.get(file.path) else {
        var (kept, found) = read()
        guard let spill, let place = spill.keep(ArticleText(of: kept).encoded()) else {
          return (kept, found, nil)
        }
        ArticleText.clear(&kept)
        return (kept, found, place)
      }
      let (article, found) = earlier.article(digest, read: read)
      return (article, found, nil)
    }
    let entities = parallelMap(noteFiles) { file -> (Entity?, [Diagnostic]) in
      var problems: [Diagnostic] = []
      guard
        let text = readText(
          path: "\(folder)/\(file.relativePath)", shown: file.path, diagnostics: &problems, digests: digests)
      else { return (nil, problems) }
      let read = { (NoteReader.read(file, text: text, diagnostics: &problems), problems) }
      guard let earlier, let digest = digests.get(file.path) else { return read() }
      return earlier.note(digest, read: read)
    }
    diagnostics += articles.flatMap(\.1) + entities.flatMap(\.1)
    var loaded = LoadedContent(
      config: config, introduction: introduction, introductionFile: introductionFile,
      articles: articles.compactMap(\.0), entities: entities.compactMap(\.0), diagnostics: diagnostics)
    if spill != nil { loaded.spilledTexts = articles.filter { $0.0 != nil }.map(\.2) }
    loaded.digests = digests.all
    loaded.articleFiles = Set(articleFiles.map(\.path))
    loaded.configFile = "\(display)/briefing.yml"
    return loaded
  }

  /// The largest file read, in bytes: a long article is a few tens of kilobytes, and every stage
  /// stays well under a second a file at this size.
  static let sizeLimit = 1_000_000

  /// The file as text, or nil with a diagnostic when it cannot be read, is over the size limit,
  /// or is not UTF-8.
  private func readText(path: String, shown: String, diagnostics: inout [Diagnostic], digests: Digests)
    -> String?
  {
    let bytes: [UInt8]
    do {
      bytes = normalizingLineEndings(try fileSystem.read(path))
    } catch {
      diagnostics.append(.error("unreadable-file", shown, "cannot read the file"))
      return nil
    }
    var digest = Digest()
    digest.add(shown)
    digest.add(bytes)
    digests.set(shown, digest)
    guard bytes.count <= ContentLoader.sizeLimit else {
      diagnostics.append(
        .error(
          "file-too-large", shown,
          "the file has \(bytes.count) bytes, over the limit of \(ContentLoader.sizeLimit) for one file; split it (the limit keeps every build quick)"
        ))
      return nil
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      let (line, column) = firstInvalidUTF8(bytes)
      diagnostics.append(
        .error("invalid-utf8", shown, line: line, column: column, "the file is not valid UTF-8 text"))
      return nil
    }
    return text
  }
}

/// `bytes` with CRLF and lone CR turned into LF, so every later stage sees one kind of line end.
func normalizingLineEndings(_ bytes: [UInt8]) -> [UInt8] {
  let carriageReturn = bytes.withUnsafeBytes { buffer -> Int? in
    guard let base = buffer.baseAddress, let found = memchr(base, 0x0D, buffer.count) else { return nil }
    return UnsafeRawPointer(found) - base
  }
  guard let first = carriageReturn else { return bytes }
  var out = Array(bytes[..<first])
  out.reserveCapacity(bytes.count)
  var i = first
  while i < bytes.count {
    let b = bytes[i]
    if b == 0x0D {
      out.append(0x0A)
      if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
    } else {
      out.append(b)
    }
    i += 1
  }
  return out
}

/// The line and column of the first byte that breaks UTF-8.
func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
  var line = 1
  var lineStart = 0
  var i = 0
  while i < bytes.count {
    let b = bytes[i]
    let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
    let valid =
      length > 0 && i + length <= bytes.count
      && String(validating: bytes[i..<i + length], as: UTF8.self) != nil
    if !valid {
      let column = String(decoding: bytes[lineStart..<i], as: UTF8.self).count + 1
      return (line, column)
    }
    if b == 10 {
      line += 1
      lineStart = i + 1
    }
    i += length
  }
  return (line, 1)
}

/// Digests of the files read, filled from several threads.
private final class Digests: @unchecked Sendable {
  // @unchecked: `all` is only touched under `lock`.
  private let lock = NSLock()
  private var stored: [String: Digest] = [:]
  func set(_ path: String, _ digest: Digest) { lock.withLock { stored[path] = digest } }
  func get(_ path: String) -> Digest? { lock.withLock { stored[path] } }
  var all: [String: Digest] { lock.withLock { stored } }
}
