/// A template that cannot be parsed: which one, where (1-based line and column, the column counted
/// in characters), and what is wrong.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
  public let template: String
  public let line: Int
  public let column: Int
  public let message: String

  public init(template: String, line: Int, column: Int, message: String) {
    self.template = template
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String { "\(template):\(line):\(column): \(message)" }
}
