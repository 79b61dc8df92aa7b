import FlyingSocks

/// A response body that never ends by itself: the bytes of each message as it is sent, for a
/// Server-Sent Events stream (FlyingFox sends a body of unknown length in chunks, each as it comes).
struct EventStream: AsyncBufferedSequence {
  typealias Element = UInt8

  let messages: AsyncStream<[UInt8]>

  func makeAsyncIterator() -> Iterator { Iterator(messages: messages.makeAsyncIterator()) }

  struct Iterator: AsyncBufferedIteratorProtocol {
    var messages: AsyncStream<[UInt8]>.Iterator
    var pending: ArraySlice<UInt8> = []

    mutating func next() async -> UInt8? {
      guard let buffer = await nextBuffer(suggested: 1) else { return nil }
      return buffer.first
    }

    mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
      while pending.isEmpty {
        guard let message = await messages.next() else { return nil }
        pending = message[...]
      }
      let buffer = pending.prefix(Swift.max(count, 1))
      pending = pending.dropFirst(buffer.count)
      return buffer
    }
  }
}
