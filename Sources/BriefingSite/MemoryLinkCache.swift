import BriefingCore
import Foundation

/// Where the link stage keeps what it found in a document and finds it again: the link cache of
/// `build` on disk, or the memory of a running `serve`.
protocol LinkStore: AnyObject, Sendable {
  /// The result kept for the document whose own digest is `document`, or nil.
  func load(document: Digest) -> BodyLinker.Linked?
  func store(document: Digest, _ linked: BodyLinker.Linked)
  var hits: Int { get }
  var misses: Int { get }
}

extension LinkCache: LinkStore {}

/// What the last build read and linked, kept in memory for the next: `briefing serve` re-reads
/// and re-links only the documents a change touched. Keyed like `LinkCache` (the document's
/// digest with the digest of everything else linking depends on), so a changed note still
/// re-links everything. Each build keeps only the entries it used or made.
public final class MemoryLinkCache: @unchecked Sendable {
  // @unchecked: every stored property is only touched under `lock`.
  private let lock = NSLock()
  private var kept: [Digest: BodyLinker.Linked] = [:]
  /// The documents as the last build read them, so that unchanged ones are not parsed again.
  let read = ReadDocuments()

  public init() {}

  /// A store for one build linked in `environment`; `finish` it when the build has linked.
  func generation(environment: Digest) -> Generation {
    Generation(owner: self, environment: environment, previous: lock.withLock { kept })
  }

  /// The entries of one build.
  final class Generation: LinkStore, @unchecked Sendable {
    // @unchecked: the counters and `made` are only touched under `lock`; the rest never changes.
    private let owner: MemoryLinkCache
    private let environment: Digest
    private let previous: [Digest: BodyLinker.Linked]
    private let lock = NSLock()
    private var made: [Digest: BodyLinker.Linked] = [:]
    private(set) var hits = 0
    private(set) var misses = 0

    init(owner: MemoryLinkCache, environment: Digest, previous: [Digest: BodyLinker.Linked]) {
      self.owner = owner
      self.environment = environment
      self.previous = previous
    }

    private func key(_ document: Digest) -> Digest { LinkCache.key(document: document, in: environment) }

    func load(document: Digest) -> BodyLinker.Linked? {
      let key = key(document)
      let found = previous[key]
      lock.withLock {
        if let found {
          made[key] = found
          hits += 1
        } else {
          misses += 1
        }
      }
      return found
    }

    func store(document: Digest, _ linked: BodyLinker.Linked) {
      let key = key(document)
      lock.withLock { made[key] = linked }
    }

    /// Makes this build's entries the ones the next build finds.
    func finish() {
      let made = lock.withLock { self.made }
      owner.lock.withLock { owner.kept = made }
    }
  }
}

/// Articles and notes as an earlier load read them, by the digest of their path and bytes: for
/// `serve`, which reads the content again on every change. Each load keeps only what it used.
final class ReadDocuments: @unchecked Sendable {
  // @unchecked: both tables are only touched under `lock`.
  typealias Read<T> = (T?, [Diagnostic])
  /// What the earlier load read, and what this one has used or read so far.
  struct Tables<T> {
    var earlier: [Digest: Read<T>] = [:]
    var now: [Digest: Read<T>] = [:]
  }
  private let lock = NSLock()
  private var articles = Tables<Article>()
  private var notes = Tables<Entity>()

  func article(_ digest: Digest, read: () -> Read<Article>) -> Read<Article> {
    lookup(\.articles, digest, read)
  }

  func note(_ digest: Digest, read: () -> Read<Entity>) -> Read<Entity> {
    lookup(\.notes, digest, read)
  }

  private func lookup<T>(
    _ table: ReferenceWritableKeyPath<ReadDocuments, Tables<T>>, _ digest: Digest, _ read: () -> Read<T>
  ) -> Read<T> {
    let found = lock.withLock { self[keyPath: table].earlier[digest] }
    let result = found ?? read()
    lock.withLock { self[keyPath: table].now[digest] = result }
    return result
  }

  /// Makes what this load read the earlier load of the next.
  func finish() {
    lock.withLock {
      articles = Tables(earlier: articles.now)
      notes = Tables(earlier: notes.now)
    }
  }
}
