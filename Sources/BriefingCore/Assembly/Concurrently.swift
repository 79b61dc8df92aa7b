import Foundation
import Dispatch

/// Work of the assemble stage spread over the processors: each piece is independent, and the
/// results come back in order, so the briefing is the same whatever the timing.
enum Concurrently {
  /// `first()` and `second()`, run at the same time.
  static func run<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B)
  {
    let a = Slots<A>(count: 1)
    let b = Slots<B>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      if index == 0 { a.set(0, first()) } else { b.set(0, second()) }
    }
    return (a.values[0], b.values[0])
  }

  /// `items.map(transform)`, in pieces of about `chunk` items run at the same time.
  static func map<T: Sendable, R: Sendable>(_ items: [T], chunk: Int = 4096, _ transform: @Sendable (T) -> R)
    -> [R]
  {
    guard items.count > chunk else { return items.map(transform) }
    let pieces = (items.count + chunk - 1) / chunk
    let results = Slots<[R]>(count: pieces)
    DispatchQueue.concurrentPerform(iterations: pieces) { piece in
      let range = piece * chunk..<min(items.count, (piece + 1) * chunk)
      results.set(piece, items[range].map(transform))
    }
    return Array(results.values.joined())
  }
}

/// Maps `items` on all cores, keeping their order.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
  guard items.count > 1 else { return items.map(transform) }
  let results = Slots<R>(count: items.count)
  DispatchQueue.concurrentPerform(iterations: items.count) { index in
    results.set(index, transform(items[index]))
  }
  return results.values
}

/// `transform` of each item, on all processors, handed to `consume` one at a time in the items'
/// order as soon as it and every one before it are done: the results are taken as they come
/// rather than all held until the last is made.
public func parallelMap<T: Sendable, R: Sendable>(
  _ items: [T], _ transform: @Sendable (T) -> R, inOrder consume: (R) -> Void
) {
  guard items.count > 1 else {
    for item in items { consume(transform(item)) }
    return
  }
  withoutActuallyEscaping(consume) { consume in
    let handOff = HandOff(count: items.count, consume)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
      handOff.finished(index, transform(items[index]))
    }
  }
}

/// Results handed on in order as they are finished: whoever finishes the next one in order hands
/// on every finished one after it, under one lock, so `consume` runs one call at a time.
private final class HandOff<R>: @unchecked Sendable {
  // @unchecked: `next`, the slots and `consume` are touched only under `lock`.
  private let results: Slots<R>
  private let lock = NSLock()
  private var next = 0
  private let count: Int
  private let consume: (R) -> Void

  init(count: Int, _ consume: @escaping (R) -> Void) {
    self.results = Slots(count: count)
    self.count = count
    self.consume = consume
  }

  func finished(_ index: Int, _ result: R) {
    lock.lock()
    defer { lock.unlock() }
    results.set(index, result)
    while next < count, let ready = results.take(next) {
      consume(ready)
      next += 1
    }
  }
}

/// Slots written once each from `concurrentPerform`, read after it returns. The slots are one
/// allocation that never moves: writing one never touches another (an array here would be
/// checked for uniqueness, and perhaps copied, on every write, racing with the other writers).
private final class Slots<R>: @unchecked Sendable {
  // @unchecked: each index is written by exactly one iteration, and read only after all finish.
  private let storage: UnsafeMutableBufferPointer<R?>

  init(count: Int) {
    storage = .allocate(capacity: count)
    storage.initialize(repeating: nil)
  }

  deinit {
    _ = storage.deinitialize()
    storage.deallocate()
  }

  func set(_ index: Int, _ value: R) { storage[index] = value }

  /// The value at `index`, if set, leaving the slot empty.
  func take(_ index: Int) -> R? {
    defer { storage[index] = nil }
    return storage[index]
  }

  var values: [R] { storage.map { $0! } }
}
