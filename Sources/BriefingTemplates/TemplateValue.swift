/// What a template is rendered with: a closed set of plain values, so that rendering never has to
/// ask what type a value is beyond one switch.
public indirect enum TemplateValue: Sendable {
  /// Text; `{{name}}` escapes it for HTML, `{{{name}}}` and `{{&name}}` write it as it is.
  case string(String)
  case int(Int)
  case bool(Bool)
  /// A section over a list renders once per item; an empty list is false.
  case list([TemplateValue])
  /// Named values; a section over an object renders once with the object on top of the context.
  case object(TemplateFields)
  /// No value: renders nothing and is false.
  case null
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(booleanLiteral value: Bool) { self = .truth(value) }
  public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
  public init(dictionaryLiteral elements: (String, TemplateValue)...) {
    self = .object(TemplateFields(elements))
  }
  public init(nilLiteral: ()) { self = .null }
}

extension TemplateValue {
  /// Made once: every case is boxed, so making `.bool(x)` allocates each time, and views hold
  /// thousands of `false`s.
  private static let trueValue = TemplateValue.bool(true)
  private static let falseValue = TemplateValue.bool(false)

  /// `.bool(value)`, shared rather than made anew (a `true` or `false` literal is the same).
  public static func truth(_ value: Bool) -> TemplateValue { value ? trueValue : falseValue }
}
