import ArgumentParser
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

struct Build: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

  @OptionGroup var options: ContentOptions

  @Option(
    help: """
      A folder of templates and assets that replace the built-in theme's, file by file \
      (default: ./templates when it exists, else the built-in theme alone).
      """)
  var templates: String?

  @Option(help: "The output folder; replaced only when the build succeeds.")
  var output = "site"

  @Flag(inversion: .prefixedNo, help: "Build a Pagefind search index when Pagefind is installed.")
  var search = true

  func run() throws {
    let pipeline = Pipeline(fileSystem: LocalFileSystem(), log: { printError($0) })
    let report: BuildReport
    do {
      report = try pipeline.build(
        content: options.content, templates: templates ?? defaultTemplates(), output: output,
        strict: options.strict, search: search)
    } catch let error as BriefingError {
      for diagnostic in error.diagnostics { printError(diagnostic.description) }
      printError(error.description)
      throw ExitCode(1)
    }
    for diagnostic in report.diagnostics { printError(diagnostic.description) }
    for note in report.notes { printError(note) }
    print(report.summary)
  }
}

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Check the content and list every problem.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, github
  }

  @OptionGroup var options: ContentOptions

  @Option(help: "How to print diagnostics: text, or github for workflow annotations.")
  var format: Format = .text

  func run() throws {
    let pipeline = Pipeline(fileSystem: LocalFileSystem(), log: { _ in })
    let result = pipeline.check(content: options.content)
    for diagnostic in result.diagnostics {
      print(format == .github ? diagnostic.githubDescription : diagnostic.description)
    }
    let errors = result.diagnostics.filter { $0.severity == .error }.count
    let warnings = result.diagnostics.filter { $0.severity == .warning }.count
    printError("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
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
