import ArgumentParser
import Foundation
import BriefingCore
import BriefingSite

/// `briefing`: turns a folder of articles and notes into a static briefing site.
struct Briefing: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Build a static briefing site from clipped articles and curated notes.",
    subcommands: [Build.self, Check.self])
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

  @Option(help: "The templates folder (Mustache templates and assets).")
  var templates = "templates"

  @Option(help: "The output folder; replaced only when the build succeeds.")
  var output = "site"

  @Flag(inversion: .prefixedNo, help: "Build a Pagefind search index when Pagefind is installed.")
  var search = true

  func run() throws {
    let pipeline = Pipeline(fileSystem: LocalFileSystem(), log: { printError($0) })
    let report: BuildReport
    do {
      report = try pipeline.build(
        content: options.content, templates: templates, output: output, strict: options.strict, search: search
      )
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

/// Writes a line to standard error.
func printError(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
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
  var runnable = command
  try runnable.run()
} catch {
  Briefing.exit(withError: error)
}
