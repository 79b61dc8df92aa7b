import Foundation

/// URL- and file-safe names: lower-case ASCII letters, digits and single hyphens.
///
/// A slug can never contain `/`, `.` or `..`, so a page named after it stays inside the output folder.
public enum Slug {
  /// `"Gen Nakatani"` → `"gen-nakatani"`; diacritics are folded, everything else becomes a hyphen.
  public static func make(_ text: String) -> String {
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    var out: [UInt8] = []
    out.reserveCapacity(folded.utf8.count)
    var pendingHyphen = false
    for byte in folded.utf8 {
      let lower = (byte >= 65 && byte <= 90) ? byte + 32 : byte
      let keep = (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57)
      if keep {
        if pendingHyphen && !out.isEmpty { out.append(45) }
        pendingHyphen = false
        out.append(lower)
      } else if byte != 39 && byte != 0xE2 && byte != 0x80 && byte != 0x99 {
        // Apostrophes (straight and the bytes of ’) vanish: "Trump's" → "trumps".
        pendingHyphen = true
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
