import Mustache
import Testing

@testable import BriefingSite

@Suite struct HTMLTests {
  @Test(arguments: [
    ("plain text", "plain text"),
    ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
    ("Tom & \"Jerry\" — café’s", "Tom &amp; &quot;Jerry&quot; — café’s"),
  ])
  func escapesTheFiveCharacters(text: String, escaped: String) {
    #expect(HTML.escape(text) == escaped)
  }

  @Test func theFastContentTypeEscapesLikeSwiftMustache() throws {
    FastHTMLContentType.register()
    let text = "a<b>&\"c\" 'd' — ü"
    let fast = try MustacheTemplate(string: "{{% CONTENT_TYPE: BRIEFING_HTML }}\n{{value}}").render([
      "value": text
    ])
    let standard = try MustacheTemplate(string: "{{value}}").render(["value": text])
    #expect(fast == standard)
    #expect(fast == "a&lt;b&gt;&amp;&quot;c&quot; &#39;d&#39; — ü")
  }
}
