// libyaml's event parser, which Yams is built on. Yams has no limit on aliases and composes
// them into shared trees that hash and convert whole, so the events are counted first.
import CYaml

/// A bound on what YAML aliases may add to a document (a "billion laughs" is a few lines long).
enum YAMLAliases {
  /// How many values aliases may add to one document, counting every value of an aliased tree.
  static let limit = 10_000

  /// The 0-based line and column of the alias that takes `yaml` past `limit`, or nil when
  /// it stays within it (or does not parse: the composer then reports the error).
  static func overflow(in yaml: String, limit: Int = limit) -> (line: Int, column: Int)? {
    var bytes = Array(yaml.utf8)
    if bytes.isEmpty { return nil }
    return bytes.withUnsafeMutableBufferPointer { buffer -> (line: Int, column: Int)? in
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else { return nil }
      defer { yaml_parser_delete(&parser) }
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      // Values in each open collection (with its anchor), and the size of each anchored value.
      var open: [(anchor: String?, size: Int)] = []
      var sizes: [String: Int] = [:]
      var added = 0
      func close(_ anchor: String?, size: Int) {
        if let anchor { sizes[anchor] = size }
        if !open.isEmpty { open[open.count - 1].size += size }
      }
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        switch event.type {
        case YAML_STREAM_END_EVENT:
          return nil
        case YAML_SCALAR_EVENT:
          close(name(event.data.scalar.anchor), size: 1)
        case YAML_SEQUENCE_START_EVENT:
          open.append((name(event.data.sequence_start.anchor), 1))
        case YAML_MAPPING_START_EVENT:
          open.append((name(event.data.mapping_start.anchor), 1))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
          if let last = open.popLast() { close(last.anchor, size: last.size) }
        case YAML_ALIAS_EVENT:
          let size = name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 0
          added += size
          if added > limit {
            return (Int(event.start_mark.line), Int(event.start_mark.column))
          }
          close(nil, size: size)
        default:
          break
        }
      }
    }
  }

  private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    anchor.map { String(cString: $0) }
  }
}
