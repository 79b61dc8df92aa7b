import Testing

@testable import BriefingCore

@Suite struct ReferenceResolverTests {
  /// `index` is the slug of each kind's list page.
  @Test(arguments: [
    ("content/people/index.md", "people/index.md", ""),
    ("content/articles/index.txt", "articles/index.txt", ""),
    ("content/articles/home.md", "articles/home.md", "---\nslug: index\n---\nText.\n"),
  ])
  func theSlugIndexIsTakenByTheListPage(path: String, relative: String, text: String) throws {
    let file = SourceFile(path: path, relativePath: relative)
    var diagnostics: [Diagnostic] = []
    var entities: [Entity] = []
    var articles: [Article] = []
    if file.folder == "articles" {
      articles.append(ArticleReader.read(file, text: text, diagnostics: &diagnostics))
    } else {
      entities.append(NoteReader.read(file, text: "---\nname: Index\n---\n", diagnostics: &diagnostics))
    }
    let found = ReferenceResolver.duplicates(entities: entities, articles: articles)
    let folder = file.folder
    #expect(
      found.map(\.description) == [
        "\(path): error: the slug 'index' is taken by the list page \(folder)/index.html; rename the file or give it another 'slug' [reserved-slug]"
      ])
  }
}
