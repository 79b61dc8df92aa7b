/// The version `briefing --version` prints; caches written by another version are not trusted.
public enum BriefingVersion {
  public static let current = "0.10.0"
}
