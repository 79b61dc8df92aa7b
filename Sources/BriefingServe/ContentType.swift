/// The `Content-Type` of a served file, by its extension.
enum ContentType {
  static func of(_ path: String) -> String {
    let name = path.split(separator: "/").last ?? ""
    guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
    switch name[name.index(after: dot)...].lowercased() {
    case "html": return "text/html; charset=utf-8"
    case "css": return "text/css; charset=utf-8"
    case "js", "mjs": return "text/javascript; charset=utf-8"
    case "svg": return "image/svg+xml"
    case "xml": return "application/xml; charset=utf-8"
    case "json": return "application/json"
    case "ics": return "text/calendar; charset=utf-8"
    case "txt": return "text/plain; charset=utf-8"
    case "png": return "image/png"
    case "jpg", "jpeg": return "image/jpeg"
    case "webp": return "image/webp"
    case "ico": return "image/x-icon"
    case "woff2": return "font/woff2"
    // Pagefind's index: compressed fragments, metadata and chunks, and its WebAssembly.
    case "wasm": return "application/wasm"
    case "pf_fragment", "pf_index", "pf_meta", "pagefind": return "application/octet-stream"
    default: return "application/octet-stream"
    }
  }
}
