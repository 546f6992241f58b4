import Foundation
import KremlinologyIngest
import KremlinologyModel
import Testing

/// Issue 13 item 5: "Page last modified: 16-02-2021" is the document's date, never text whose
/// year could date the events of the page.
@Suite struct PageDateTests {
    static func read(_ html: String) throws -> IngestedDocument {
        try DocumentReader().read(bytes: Array(html.utf8), path: "page.html", fileName: "page.html")
    }

    @Test(arguments: [("Page last modified: 16-02-2021", "2021-02-16"), ("Last modified: February 16, 2021", "2021-02-16"),
                      ("Updated: 3 March 2019", "2019-03-03")])
    func aDateLineOfAWebPageIsItsDateAndLeavesTheText(line: String, date: String) throws {
        let document = try Self.read("""
            <html><head><title>Crimea</title></head><body><h1>Crimea</h1>
            <p>Russia annexed Crimea from Ukraine in 2014.</p><p>\(line)</p></body></html>
            """)
        #expect(document.document.published == date)
        #expect(!document.text.contains(line))
        #expect(document.text.contains("Russia annexed Crimea from Ukraine in 2014."))
    }

    @Test func aPageThatStatesItsDateInMetadataKeepsIt() throws {
        let document = try Self.read("""
            <html><head><meta name="date" content="2020-05-01"></head><body>
            <p>Moscow signed a loan with Minsk.</p><p>Page last modified: 16-02-2021</p></body></html>
            """)
        #expect(document.document.published == "2020-05-01")
        #expect(!document.text.contains("Page last modified"))
    }

    @Test func aSentenceThatMerelyStartsWithADateWordStaysText() throws {
        let document = try Self.read("<html><body><p>Updated: the talks in Geneva broke down without a date for the next round.</p></body></html>")
        #expect(document.text.contains("the talks in Geneva broke down"))
        #expect(document.document.published == nil)
    }
}
