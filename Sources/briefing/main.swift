import ArgumentParser
import CMimalloc
import Foundation
import BriefingCore
import BriefingSite

/// `briefing`: turns a folder of articles and notes into a static briefing site.
struct Briefing: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Build a static briefing site from clipped articles and curated notes.",
    version: BriefingVersion.current,
    subcommands: [Build.self, Check.self, Serve.self, Init.self, New.self, ThemeCommand.self])
}

struct ContentOptions: ParsableArguments {
  @Option(help: "The content folder.")
  var content = "content"

  @Flag(help: "Treat warnings as errors.")
  var strict = false
}

/// How diagnostics are printed, shared by `build` and `check`.
struct OutputOptions: ParsableArguments {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, github, json
  }

  @Option(
    help: """
      How to print diagnostics: text (on standard error), github (workflow annotations) or json \
      (one array of objects with file, line, column, severity, code and message), both on standard output.
      """)
  var format: Format = .text

  @Flag(help: "Print errors only.")
  var quiet = false

  @Flag(help: "Also print how long each stage took.")
  var verbose = false

  func validate() throws {
    if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be given together") }
  }

  /// Prints `diagnostics` in the chosen format (only errors under `--quiet`).
  func print(_ diagnostics: [Diagnostic]) {
    let shown = quiet ? diagnostics.filter { $0.severity == .error } : diagnostics
    switch format {
    case .text: for diagnostic in shown { printError(diagnostic.description) }
    case .github: for diagnostic in shown { Swift.print(diagnostic.githubDescription) }
    case .json: Swift.print(DiagnosticJSON.array(shown), terminator: "")
    }
  }

  /// A line for the reader (a summary, a note): on standard output in text form, on standard error
  /// when standard output carries machine-readable diagnostics; never under `--quiet`.
  func say(_ line: String) {
    guard !quiet else { return }
    if format == .text { Swift.print(line) } else { printError(line) }
  }
}

struct Build: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

  @OptionGroup var options: ContentOptions
  @OptionGroup var output: OutputOptions

  @Option(
    help: """
      A folder of templates and assets that replace the built-in theme's, file by file \
      (default: ./templates when it exists, else the built-in theme alone).
      """)
  var templates: String?

  @Option(name: .customLong("output"), help: "The output folder; replaced only when the build succeeds.")
  var folder = "site"

  @Flag(inversion: .prefixedNo, help: "Build a Pagefind search index when Pagefind is installed.")
  var search = true

  @Flag(
    inversion: .prefixedNo,
    help: """
      Keep what linking found, and what each page was made from, in .briefing-cache/ beside the \
      content; reuse them for unchanged files and pages.
      """)
  var cache = true

  @Option(
    help: """
      Also say what changed since OLD: a previous data/briefing.json, a site or content folder, or a git \
      revision (changes.html, data/changes.json, data/changes.md).
      """)
  var since: String?

  func run() throws {
    let verbose = output.verbose
    var pipeline = Pipeline(fileSystem: LocalFileSystem(), log: { if verbose { printError($0) } })
    pipeline.leavesMemoryToTheSystem = true
    let report: BuildReport
    do {
      report = try pipeline.build(
        content: options.content, templates: templates ?? defaultTemplates(), output: folder,
        strict: options.strict, search: search, cache: cache, since: since)
    } catch let error as BriefingError {
      output.print(error.diagnostics)
      printError(error.description)
      throw ExitCode(1)
    }
    output.print(report.diagnostics)
    for note in report.notes where !output.quiet { printError(note) }
    output.say(report.summary)
  }
}

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Check the content and list every problem.")

  @OptionGroup var options: ContentOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    let verbose = output.verbose
    let pipeline = Pipeline(fileSystem: LocalFileSystem(), log: { if verbose { printError($0) } })
    let result = pipeline.check(content: options.content)
    output.print(result.diagnostics)
    let errors = result.diagnostics.filter { $0.severity == .error }.count
    let warnings = result.diagnostics.filter { $0.severity == .warning }.count
    if !output.quiet {
      printError("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
    }
    if errors > 0 || (options.strict && warnings > 0) { throw ExitCode(1) }
  }
}

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a starter briefing (settings, an introduction, an article, a note of each kind).")

  @Argument(help: "The folder to write it into; it must be new or empty.")
  var folder = "."

  func run() throws {
    let written = try reporting { try Starter.initialize(folder, fileSystem: LocalFileSystem()) }
    for path in written { print("wrote \(path)") }
    let enter = folder == "." ? "" : "cd \(folder) && "
    print("next: \(enter)briefing serve (edit the content and watch the page reload),")
    print("      then briefing build (the site goes into site/; open site/index.html)")
  }
}

struct New: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a skeleton note or article, named from its title.",
    discussion: "KIND is person, event, issue, organization, article, or any folder name (a further kind).")

  @Argument(help: "What to write: person, event, issue, organization, article, or a folder name.")
  var kind: String

  @Argument(help: "The name or title; the file name is made from it.")
  var name: String

  @Option(help: "The content folder.")
  var content = "content"

  func run() throws {
    let path = try reporting {
      try Starter.newNote(kind: kind, name: name, content: content, fileSystem: LocalFileSystem())
    }
    print("wrote \(path)")
  }
}

struct ThemeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "theme", abstract: "Work with the built-in theme.", subcommands: [Export.self])

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the built-in theme's templates and assets into a folder, to edit them.",
      discussion: "Keep only the files you change: the others come from the built-in theme.")

    @Argument(help: "The folder to write into; existing files are never replaced.")
    var folder = "templates"

    func run() throws {
      let written = try reporting { try BriefingSite.Theme.export(to: folder, fileSystem: LocalFileSystem()) }
      print("wrote \(written.count) files into \(folder)")
    }
  }
}

/// Runs `body`; a `BriefingError` is printed as a diagnostic and exits 1.
func reporting<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as BriefingError {
    printError(error.description)
    throw ExitCode(1)
  }
}

/// `templates` in the working folder when it exists: a theme kept beside the content is used
/// without saying so.
func defaultTemplates() -> String? {
  var isDirectory: ObjCBool = false
  return FileManager.default.fileExists(atPath: "templates", isDirectory: &isDirectory)
    && isDirectory.boolValue
    ? "templates" : nil
}

/// Writes a line to standard error.
func printError(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Runs a command's `async` run (`serve`); called on the existential, its synchronous run, which
/// prints help, would be taken instead.
func runAsync(_ command: some AsyncParsableCommand) async throws {
  var command = command
  try await command.run()
}

// Usage errors exit 2 and content errors 1, as DESIGN.md §7 promises.
let command: ParsableCommand
do {
  command = try Briefing.parseAsRoot()
} catch {
  if Briefing.exitCode(for: error) == .success {
    Briefing.exit(withError: error)  // --help, --version
  }
  printError(Briefing.fullMessage(for: error))
  Briefing.exit(withError: ExitCode(2))
}
do {
  if let asynchronous = command as? AsyncParsableCommand {
    try await runAsync(asynchronous)
  } else {
    var runnable = command
    try runnable.run()
  }
} catch {
  Briefing.exit(withError: error)
}
