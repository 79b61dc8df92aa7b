#if canImport(Glibc)
  import Glibc

  /// An inotify instance watching folders and every folder under them, for `FolderWatcher`.
  final class Inotify: @unchecked Sendable {
    // @unchecked: made by `FolderWatcher.start`, then used by the watcher's thread alone.
    let fd: Int32
    /// The folder each watch descriptor watches.
    private var folders: [Int32: String] = [:]
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    private static let mask = UInt32(
      IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Nil when the system has no inotify (or no watch can be added): watch by polling instead.
    init?(folders roots: [String]) {
      fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
      guard fd >= 0 else { return nil }
      for root in roots { add(root) }
      guard !folders.isEmpty else {
        Glibc.close(fd)
        return nil
      }
    }

    func close() { Glibc.close(fd) }

    /// Watches `folder` and every folder under it.
    private func add(_ folder: String) {
      let descriptor = inotify_add_watch(fd, folder, Self.mask | UInt32(IN_ONLYDIR))
      guard descriptor >= 0 else { return }
      folders[descriptor] = folder
      guard let names = try? listing(folder) else { return }
      for name in names {
        var info = stat()
        let path = folder + "/" + name
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { add(path) }
      }
    }

    private func listing(_ folder: String) throws -> [String] {
      guard let directory = opendir(folder) else { return [] }
      defer { closedir(directory) }
      var names: [String] = []
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name != "." && name != ".." { names.append(name) }
      }
      return names
    }

    /// Reads the events waiting; true when one of them may change the site (not an editor's
    /// hidden swap or backup file). New folders are watched from now on.
    func readEvents() -> Bool {
      var relevant = false
      while true {
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count <= 0 { return relevant }
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
          let (descriptor, mask, length) = buffer.withUnsafeBytes { raw in
            (
              raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
              raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
              Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            )
          }
          let name = String(
            decoding: buffer[(offset + header)..<(offset + header + length)].prefix { $0 != 0 }, as: UTF8.self
          )
          offset += header + length
          if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            relevant = true
            continue
          }
          if mask & UInt32(IN_IGNORED) != 0 {
            folders[descriptor] = nil
            continue
          }
          guard let folder = folders[descriptor] else { continue }
          if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            // Files may have been made in it before its watch was added: they count as this change.
            add(folder + "/" + name)
          }
          if !FolderWatcher.isScratch(name) { relevant = true }
        }
      }
    }
  }
#endif
