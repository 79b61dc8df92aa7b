/// Decides which addresses from content may become links.
public enum URLSafety {
  /// True for http(s), mailto and relative addresses; false for `javascript:`, `data:` and other schemes.
  public static func isSafe(_ url: String) -> Bool {
    let trimmed = url.unicodeScalars.filter { $0.value > 32 }.map(Character.init)
    let lower = String(trimmed).lowercased()
    guard let colon = lower.firstIndex(of: ":") else { return true }
    let scheme = lower[..<colon]
    if scheme.contains("/") || scheme.contains("?") || scheme.contains("#") { return true }
    return scheme == "http" || scheme == "https" || scheme == "mailto"
  }
}
