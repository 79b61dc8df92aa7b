import CCmark

/// CommonMark rendering through libcmark. No cmark pointer or enum leaves this file: callers pass
/// Swift strings in and get Swift strings back, and every tree is freed before returning.
public enum Markdown {
  /// A piece of text that replaces a text node: plain text or a link.
  public enum Segment: Sendable, Hashable {
    case text(String)
    case link(text: String, url: String)
  }

  /// Where a text node stands, so the caller can decide whether to link in it.
  public struct Placement: Sendable, Hashable {
    /// Inside a heading: counted, never linked.
    public var inHeading: Bool
    /// 1-based line of the paragraph or heading the text is in.
    public var line: Int
    /// Which paragraph or heading the text is in (counted from 1): text nodes of one block read
    /// together as its sentences.
    public var block: Int
    /// What the block shows between the previous text node and this one, and is not itself
    /// rewritten: a line break's space, a code span, the words of a link.
    public var joiner: String
  }

  /// Renders `source` to HTML. Raw HTML is left out and unsafe link schemes (`javascript:`) are
  /// emptied (cmark's safe default). `rewrite` may replace the text of each text node outside
  /// links, images and code with segments; returning nil keeps the node as it is.
  public static func html(
    from source: String, rewrite: ((String, Placement) -> [Segment]?)? = nil
  ) -> String {
    guard let rewrite else { return html(from: source, rewritingAll: { _ in [] }) }
    return html(from: source) { texts in texts.map { rewrite($0.text, $0.placement) } }
  }

  /// Renders `source` to HTML in one parse, handing every text node outside links, images and
  /// code to `rewritingAll` at once (a linker may need the whole document before deciding), and
  /// replacing the i-th node with the i-th result's segments; nil or a missing result keeps it.
  public static func html(
    from source: String, rewritingAll: ([(text: String, placement: Placement)]) -> [[Segment]?]
  ) -> String {
    let bytes = Array(source.utf8)
    guard let document = cmark_parse_document(bytes, bytes.count, CMARK_OPT_DEFAULT) else { return "" }
    defer { cmark_node_free(document) }
    rewriteText(in: document, with: rewritingAll)
    guard let html = cmark_render_html(document, CMARK_OPT_DEFAULT) else { return "" }
    defer { free(html) }
    return String(cString: html)
  }

  /// The text nodes of `source` outside links, images and code, in order, as `html(from:rewritingAll:)`
  /// would hand them over; nothing is rendered.
  public static func texts(in source: String) -> [(text: String, placement: Placement)] {
    let bytes = Array(source.utf8)
    guard let document = cmark_parse_document(bytes, bytes.count, CMARK_OPT_DEFAULT) else { return [] }
    defer { cmark_node_free(document) }
    return textNodes(in: document).map { (text: literal(of: $0.node), placement: $0.placement) }
  }

  private static func literal(of node: OpaquePointer) -> String {
    cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
  }

  private static func rewriteText(
    in document: OpaquePointer, with rewrite: ([(text: String, placement: Placement)]) -> [[Segment]?]
  ) {
    let targets = textNodes(in: document)
    let texts = targets.map { (text: literal(of: $0.node), placement: $0.placement) }
    let results = rewrite(texts)
    for (index, (node, _)) in targets.enumerated() where index < results.count {
      guard let segments = results[index] else { continue }
      for segment in segments {
        switch segment {
        case .text(let text):
          let textNode = cmark_node_new(CMARK_NODE_TEXT)
          cmark_node_set_literal(textNode, text)
          cmark_node_insert_before(node, textNode)
        case .link(let text, let url):
          let link = cmark_node_new(CMARK_NODE_LINK)
          cmark_node_set_url(link, url)
          let label = cmark_node_new(CMARK_NODE_TEXT)
          cmark_node_set_literal(label, text)
          cmark_node_append_child(link, label)
          cmark_node_insert_before(node, link)
        }
      }
      cmark_node_unlink(node)
      cmark_node_free(node)
    }
  }

  /// The text nodes a linker reads, with where each stands. Consolidates adjacent text nodes first.
  private static func textNodes(in document: OpaquePointer) -> [(node: OpaquePointer, placement: Placement)] {
    cmark_consolidate_text_nodes(document)
    // Collect first: the tree must not change while the iterator walks it.
    var targets: [(node: OpaquePointer, placement: Placement)] = []
    guard let iterator = cmark_iter_new(document) else { return [] }
    var linkDepth = 0
    var headingDepth = 0
    var line = 1
    var block = 0
    var joiner = ""
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let node = cmark_iter_get_node(iterator) else { continue }
      let type = cmark_node_get_type(node)
      let delta = event == CMARK_EVENT_ENTER ? 1 : -1
      switch type {
      case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
        linkDepth += delta
      case CMARK_NODE_HEADING:
        headingDepth += delta
        if event == CMARK_EVENT_ENTER {
          line = Int(cmark_node_get_start_line(node))
          block += 1
          joiner = ""
        }
      case CMARK_NODE_PARAGRAPH where event == CMARK_EVENT_ENTER:
        line = Int(cmark_node_get_start_line(node))
        block += 1
        joiner = ""
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
        joiner += " "
      case CMARK_NODE_CODE:
        joiner += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
      case CMARK_NODE_TEXT where event == CMARK_EVENT_ENTER && linkDepth > 0:
        joiner += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
      case CMARK_NODE_TEXT where event == CMARK_EVENT_ENTER:
        targets.append(
          (node, Placement(inHeading: headingDepth > 0, line: line, block: block, joiner: joiner)))
        joiner = ""
      default:
        break
      }
    }
    cmark_iter_free(iterator)
    return targets
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
