/// A set of Mustache templates, parsed once, that can include each other as partials.
///
/// Follows the Mustache spec for interpolation, sections, inverted sections, partials, comments and
/// set delimiters, and swift-mustache where the spec leaves room or the site's templates use its
/// extensions: `{{% ... }}` pragma tags render nothing; inside a section over a list,
/// `first()`, `last()`, `index()`, `even()` and `odd()` tell the item's place; `""` and `0` are
/// true; `true`, `false` and integers print as Swift prints them.
public struct TemplateLibrary: Sendable {
  private let program: Program

  /// Parses every template (name → source text); partials refer to other names in the same library.
  public init(_ sources: [String: String]) throws {
    let order = sources.keys.sorted()
    var index: [String: Int] = [:]
    for (i, name) in order.enumerated() { index[name] = i }
    var compiler = Compiler()
    var compiled: [Compiler.Compiled] = []
    for name in order {
      compiled.append(try compiler.compile(name, Array(sources[name]!.utf8), templates: index))
    }
    // A first guess at a page's size: the literal text of the template and of every partial it
    // may include, twice over for what the values add.
    let sizeGuesses = compiled.indices.map { template in
      Self.reachable(from: template, compiled.map(\.partials)).reduce(0) { $0 + compiled[$1].literalBytes }
        * 2
    }
    program = Program(
      nodes: compiler.nodes, pool: compiler.pool, names: compiler.names, indents: compiler.indents,
      ranges: compiled.map(\.range), sizeGuesses: sizeGuesses, namesUsed: compiled.map(\.names),
      partialsUsed: compiled.map(\.partials), index: index)
  }

  /// A template and every template its partial tags include, directly or not.
  private static func reachable(from start: Int, _ partials: [Set<Int>]) -> Set<Int> {
    var seen: Set<Int> = [start]
    var pending = [start]
    while let template = pending.popLast() {
      for partial in partials[template] where seen.insert(partial).inserted { pending.append(partial) }
    }
    return seen
  }

  public func has(_ name: String) -> Bool { program.index[name] != nil }

  /// Renders template `name` with `value` at the bottom of the context stack, appending to `out`.
  /// A template the library does not have renders nothing.
  public func render(_ name: String, _ value: TemplateValue, into out: inout [UInt8]) {
    var missing: Set<String> = []
    render(name, value, into: &out, missing: &missing)
  }

  /// Renders as `render(_:_:into:)` does, and adds to `missing` every name the template looked up
  /// and found nowhere in the context (as written: `pageTitel`, `article.titel`).
  public func render(
    _ name: String, _ value: TemplateValue, into out: inout [UInt8], missing: inout Set<String>
  ) {
    guard let template = program.index[name] else { return }
    let range = program.ranges[template]
    var output = Output(capacity: program.sizeGuesses[template] + 1024)
    defer { output.deallocate() }
    program.nodes.withUnsafeBufferPointer { nodes in
      program.pool.withUnsafeBufferPointer { pool in
        program.names.withUnsafeBufferPointer { names in
          var renderer = Renderer(nodes: nodes, pool: pool, names: names, program: program, stack: [value])
          renderer.stack.reserveCapacity(16)
          renderer.run(range.lowerBound, range.upperBound, .none, [], &output)
          for index in renderer.missing { missing.insert(names[index].text) }
        }
      }
    }
    out.append(contentsOf: output.bytes)
  }

  public func render(_ name: String, _ value: TemplateValue) -> String {
    var out: [UInt8] = []
    render(name, value, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Every variable and section name a template and the partials it includes look up, as written
  /// (`a.b` stays `a.b`); `.` and the list position functions (`first()` and kin) are left out.
  public func names(in name: String) -> Set<String> {
    guard let start = program.index[name] else { return [] }
    return Self.reachable(from: start, program.partialsUsed).reduce(into: Set<String>()) {
      $0.formUnion(program.namesUsed[$1])
    }
  }
}
