import BriefingCore
import BriefingSite
import Foundation
import Synchronization

/// Builds the search index of each new site in the background, one at a time, and swaps it in
/// when done: a rebuild is served at once, and its search catches up. Sites that came while an
/// index was being built are skipped for the newest. Indexing renders every page of the site
/// that has not been asked for yet, and reports the templates' warnings once they are all known.
final class SearchQueue: Sendable {
  private let indexer: SearchIndexer
  private let store: SiteStore
  private let log: @Sendable (String) -> Void
  private let state = Mutex<(running: Bool, next: SiteOnDemand?, finished: Bool)>((false, nil, false))
  private let warned = Mutex<[Diagnostic]>([])
  private let idle = DispatchGroup()

  init(indexer: SearchIndexer, store: SiteStore, log: @escaping @Sendable (String) -> Void) {
    self.indexer = indexer
    self.store = store
    self.log = log
  }

  /// Indexes `site` once the index being built, if any, is done.
  func index(_ site: SiteOnDemand) {
    let start = state.withLock { state in
      guard !state.finished else { return false }
      state.next = site
      guard !state.running else { return false }
      state.running = true
      return true
    }
    guard start else { return }
    idle.enter()
    Thread.detachNewThread { [self] in
      defer { idle.leave() }
      while let site = take() {
        do {
          let index = try indexer.index(files: try site.all())
          let warnings = site.templateWarnings
          let changed = warned.withLock { warned in
            defer { warned = warnings }
            return warned != warnings
          }
          if changed {
            for warning in warnings { log(warning.description) }
          }
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

  private func take() -> SiteOnDemand? {
    state.withLock { state in
      defer { state.next = nil }
      if state.next == nil { state.running = false }
      return state.next
    }
  }
}
