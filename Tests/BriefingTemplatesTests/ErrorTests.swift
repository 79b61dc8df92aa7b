import BriefingTemplates
import Testing

@Suite struct ErrorTests {
  func error(_ source: String, named name: String = "page") -> TemplateError? {
    do {
      _ = try TemplateLibrary(["fine": "{{x}}", name: source])
      return nil
    } catch let error as TemplateError {
      return error
    } catch {
      return nil
    }
  }

  @Test func anUnclosedSectionPointsAtItsOpeningTag() throws {
    let error = try #require(self.error("<p>\n  {{#items}}\n<li>{{.}}</li>\n"))
    #expect((error.template, error.line, error.column) == ("page", 2, 3))
    #expect(error.message.contains("'items' is never closed"))
    #expect(error.description == "page:2:3: \(error.message)")
  }

  @Test func theInnermostUnclosedSectionIsNamed() throws {
    let error = try #require(self.error("{{#a}}{{#b}}x{{/b}}{{#c}}"))
    #expect((error.line, error.column) == (1, 20))
    #expect(error.message.contains("'c'"))
  }

  @Test func aMismatchedCloseTagPointsAtItselfAndNamesTheOpenSection() throws {
    let error = try #require(self.error("{{#article}}\n<h1>{{title}}</h1>\n{{/articles}}\n"))
    #expect((error.line, error.column) == (3, 1))
    #expect(error.message.contains("'articles' closes section 'article', opened at 1:1"))
  }

  @Test func aCloseTagWithNothingOpen() throws {
    let error = try #require(self.error("x{{/a}}"))
    #expect((error.line, error.column) == (1, 2))
    #expect(error.message.contains("never opened"))
  }

  @Test func anUnclosedTagPointsAtItsOpeningDelimiter() throws {
    let error = try #require(self.error("ab\ncd {{name\n\nmore"))
    #expect((error.line, error.column) == (2, 4))
    #expect(error.message.contains("never closed"))
    let triple = try #require(self.error("{{{html}}"))
    #expect((triple.line, triple.column) == (1, 1))
  }

  @Test func columnsCountCharactersNotBytes() throws {
    let error = try #require(self.error("café — {{/x}}"))
    #expect((error.line, error.column) == (1, 8))
  }

  @Test func badTagContents() throws {
    #expect(error("{{}}")?.message.contains("without a name") == true)
    #expect(error("{{#}}{{/}}")?.message.contains("without a name") == true)
    #expect(error("{{a b}}")?.message.contains("blanks") == true)
    #expect(error("{{>}}")?.message.contains("partial") == true)
    #expect(error("{{=<% =}}")?.message.contains("two delimiters") == true)
    #expect(error("{{= a= b =}}") != nil)
  }

  @Test func theFirstBadTemplateInNameOrderIsReported() throws {
    do {
      _ = try TemplateLibrary(["b": "{{#x}}", "a": "ok", "c": "{{/y}}"])
      Issue.record("no error")
    } catch let error as TemplateError {
      #expect(error.template == "b")
    }
  }
}
