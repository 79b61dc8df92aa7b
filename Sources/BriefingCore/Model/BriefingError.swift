/// The one error the pipeline throws: which stage failed, where, and why.
public struct BriefingError: Error, Sendable, CustomStringConvertible {
  /// The pipeline stage that failed.
  public enum Stage: String, Sendable {
    case load, read, link, assemble, render, write
  }

  public var stage: Stage
  public var file: String?
  public var line: Int
  public var column: Int
  public var message: String
  /// Content problems that made the build fail, when that is why it failed.
  public var diagnostics: [Diagnostic]

  public init(
    stage: Stage, file: String? = nil, line: Int = 0, column: Int = 0, _ message: String,
    diagnostics: [Diagnostic] = []
  ) {
    self.stage = stage
    self.file = file
    self.line = line
    self.column = column
    self.message = message
    self.diagnostics = diagnostics
  }

  public var description: String {
    guard let file else { return "error: \(message)" }
    var place = file
    if line > 0 {
      place += ":\(line)"
      if column > 0 { place += ":\(column)" }
    }
    return "\(place): error: \(message)"
  }
}
