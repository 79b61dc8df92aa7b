import BriefingSite
import Foundation
import Synchronization

/// Builds the search index of each new site in the background, one at a time, and swaps it in
/// when done: a rebuild is served at once, and its search catches up. Sites that came while an
/// index was being built are skipped for the newest.
final class SearchQueue: Sendable {
  private let indexer: SearchIndexer
  private let store: SiteStore
  private let log: @Sendable (String) -> Void
  private let state = Mutex<(running: Bool, next: [String: [UInt8]]?, finished: Bool)>((false, nil, false))
  private let idle = DispatchGroup()

  init(indexer: SearchIndexer, store: SiteStore, log: @escaping @Sendable (String) -> Void) {
    self.indexer = indexer
    self.store = store
    self.log = log
  }

  /// Indexes `files` once the index being built, if any, is done.
  func index(_ files: [String: [UInt8]]) {
    let start = state.withLock { state in
      guard !state.finished else { return false }
      state.next = files
      guard !state.running else { return false }
      state.running = true
      return true
    }
    guard start else { return }
    idle.enter()
    Thread.detachNewThread { [self] in
      defer { idle.leave() }
      while let files = take() {
        do {
          let index = try indexer.index(files: files)
          store.update { $0.search = index }
        } catch {
          log("search: the index could not be built: \(error)")
        }
      }
    }
  }

  /// Drops what waits, and waits for the index being built.
  func finish() {
    state.withLock {
      $0.finished = true
      $0.next = nil
    }
    idle.wait()
  }

  private func take() -> [String: [UInt8]]? {
    state.withLock { state in
      defer { state.next = nil }
      if state.next == nil { state.running = false }
      return state.next
    }
  }
}
