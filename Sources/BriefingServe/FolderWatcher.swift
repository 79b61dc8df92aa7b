import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Watches folders, recursively, and calls `changed` once a burst of changes is over (an editor's
/// save is several events: a temporary file, a rename, a change of attributes).
///
/// It uses inotify where the system has it, re-adding watches for folders made later, and
/// otherwise scans the paths, sizes and modification times every 300 ms. `changed` runs on the
/// watcher's own thread, one call at a time; changes made while it runs make another call after it.
final class FolderWatcher: Sendable {
  /// How the folders are watched.
  enum Mode: String, Sendable {
    /// inotify when the system has it, else polling.
    case automatic
    case inotify
    case polling
  }

  let folders: [String]
  /// How long the folders must stay unchanged before `changed` runs.
  let quiet: Duration
  private let changed: @Sendable () -> Void
  private let state = Mutex<(stopped: Bool, thread: Thread?)>((false, nil))
  /// Written to wake the inotify loop when stopping.
  private let wake: (read: Int32, write: Int32)

  init(folders: [String], quiet: Duration = .milliseconds(25), changed: @escaping @Sendable () -> Void) {
    self.folders = folders
    self.quiet = quiet
    self.changed = changed
    var fds: [Int32] = [-1, -1]
    _ = pipe(&fds)
    wake = (fds[0], fds[1])
  }

  deinit {
    close(wake.read)
    close(wake.write)
  }

  /// Starts watching; says how (`inotify` or `polling`).
  @discardableResult
  func start(_ mode: Mode = .automatic) -> Mode {
    var used = Mode.polling
    var body: @Sendable () -> Void = { [self] in scan() }
    #if canImport(Glibc)
      if mode != .polling, let inotify = Inotify(folders: folders) {
        used = .inotify
        body = { [self] in watch(inotify) }
      }
    #endif
    let thread = Thread(block: body)
    thread.name = "briefing watcher"
    state.withLock { $0.thread = thread }
    thread.start()
    return used
  }

  /// Stops watching; a `changed` that is running finishes first.
  func stop() {
    state.withLock { $0.stopped = true }
    var byte: UInt8 = 1
    _ = write(wake.write, &byte, 1)
  }

  /// Files editors write beside the one being edited, which never change the site: `.x.md.swp`,
  /// `x.md~`, vim's `4913`.
  static func isScratch(_ name: String) -> Bool {
    name.hasPrefix(".") || name.hasSuffix("~") || name == "4913"
  }

  private var stopped: Bool { state.withLock { $0.stopped } }

  /// Polling: a snapshot of every path's size and modification time, compared every 300 ms.
  private func scan() {
    var last = Snapshot(folders)
    while !stopped {
      if waitForWake(milliseconds: 300) { return }
      let now = Snapshot(folders)
      if now != last {
        last = now
        changed()
      }
    }
  }

  #if canImport(Glibc)
    /// inotify: read events; once none has come for `quiet`, call `changed`.
    private func watch(_ inotify: Inotify) {
      defer { inotify.close() }
      let quietMilliseconds = Int32(
        quiet.components.seconds * 1000 + quiet.components.attoseconds / 1_000_000_000_000_000)
      var pending = false
      while !stopped {
        var fds = [
          pollfd(fd: inotify.fd, events: Int16(POLLIN), revents: 0),
          pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&fds, 2, pending ? quietMilliseconds : -1)
        if ready < 0 { if errno == EINTR { continue } else { return } }
        if fds[1].revents != 0 { return }
        if ready == 0 {
          pending = false
          changed()
        } else if inotify.readEvents() {
          pending = true
        }
      }
    }
  #endif

  /// Waits up to `milliseconds`; true when `stop` was called.
  private func waitForWake(milliseconds: Int32) -> Bool {
    var fds = [pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
    _ = poll(&fds, 1, milliseconds)
    return fds[0].revents != 0 || stopped
  }
}

/// Every file and folder under some folders, with its size and modification time.
private struct Snapshot: Equatable {
  var entries: [String: [Int]] = [:]

  init(_ folders: [String]) {
    for folder in folders { add(folder) }
  }

  private mutating func add(_ path: String) {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    entries[path] = [Int(info.st_size), info.st_mtim.tv_sec, info.st_mtim.tv_nsec, Int(info.st_mode)]
    guard (info.st_mode & S_IFMT) == S_IFDIR else { return }
    for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    where !FolderWatcher.isScratch(name) {
      add(path + "/" + name)
    }
  }
}
