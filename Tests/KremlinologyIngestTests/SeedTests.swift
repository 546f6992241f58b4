import Foundation
import KremlinologyIngest
import KremlinologyModel
import Testing

@Suite("The shared seed documents", .enabled(if: Support.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
struct SeedTests {
    @Test func videoNoteSeedHasOutletURLTopicLinkAndAnchor() throws {
        let doc = try Support.seed("000")
        #expect(doc.document.kind == .videoNote)
        #expect(doc.document.outlet == "bonus_professor")
        #expect(doc.document.videoID == "IYDGrJ3b4Ls")
        #expect(doc.document.url == "https://www.youtube.com/watch?v=IYDGrJ3b4Ls")
        #expect(doc.document.title == "Kremlins international relations and policies")
        let passage = try #require(doc.passages.first { doc.text.slice($0.range).contains("hybrid warfare") })
        let link = try #require(passage.topicLinks.first)
        #expect(link.slug == "geopolitical_tensions_and_russias_international_relationships")
        #expect(link.label == "hybrid warfare")
        #expect(passage.section == "Strategic Approaches")
        let anchor = try #require(passage.anchors.first { $0.timestamp == "00:24:29" })
        #expect(anchor.seconds == 1469)
        let quoteStart = try #require(doc.text.utf8.firstRange(of: "hybrid warfare".utf8)).lowerBound
        let offset = doc.text.utf8.distance(from: doc.text.utf8.startIndex, to: quoteStart)
        let locator = passage.locator(at: offset, videoID: doc.document.videoID)
        #expect(locator.timestamp == "00:24:29")
        #expect(locator.url?.hasSuffix("&t=1469s") == true)
        Support.expectPassagesAreExact(doc)
    }

    @Test func videoNoteTextHasNoMarkupLeft() throws {
        let doc = try Support.seed("000")
        #expect(!doc.text.contains("<a"))
        #expect(!doc.text.contains("[["))
        #expect(!doc.text.contains("<br"))
        #expect(!doc.text.contains("videoId"))
        #expect(!doc.text.contains("From:"))
        #expect(doc.text.contains("influence these dynamics.\n\n"))
        #expect(doc.text.contains("minimal. Putin") == false) // separate paragraphs stay apart
        #expect(doc.text.contains("harbors a genuine fear of them. During his tenure"))
        #expect(doc.passages.contains { $0.kind == .heading && doc.text.slice($0.range) == "Strategic Approaches" })
        let first = try #require(doc.passages.first)
        #expect(first.anchors.first?.timestamp == "00:12:48")
        #expect(first.anchors.first?.offset == first.range.end)
    }

    @Test func videoNoteSeedHasCalloutsAndListItems() throws {
        let doc = try Support.seed("002")
        #expect(doc.document.kind == .videoNote)
        let texts = Support.passageTexts(doc)
        let callouts = doc.passages.filter { $0.kind == .callout }.map { doc.text.slice($0.range) }
        #expect(callouts.contains("European vs. Kremlin's Peace Terms"))
        #expect(callouts.contains { $0.hasPrefix("The Kremlin, however, interprets \"peace\" as a truce or ceasefire.") })
        let items = doc.passages.filter { $0.kind == .listItem }.map { doc.text.slice($0.range) }
        #expect(items.contains { $0.hasPrefix("Incriminating Materials: Moscow possesses") })
        #expect(items.contains { $0.hasPrefix("Canned footage: Pre-recorded") })
        #expect(!doc.text.contains("**") && !doc.text.contains("[!INFO]") && !doc.text.contains("\n>"))
        #expect(texts.contains("Moscow's Leverage in Europe"))
        Support.expectPassagesAreExact(doc)
    }

    @Test func webPageSeedDropsMenusAndBannersButKeepsParagraphs() throws {
        let doc = try Support.seed("001")
        #expect(doc.document.kind == .webPage)
        #expect(doc.document.published == "2021-02-16")
        #expect(doc.document.title == "Russia - Foreign Relations")
        let texts = Support.passageTexts(doc)
        for menu in ["Russia - Ukraine Relations", "Soft Power", "References", "Czech Republic", "Join the mailing list",
                     "The Largest Security-Cleared Career Network for Defense and Intelligence Jobs - JOIN NOW",
                     "One Billion Americans: The Case for Thinking Bigger - by Matthew Yglesias"] {
            #expect(!texts.contains(menu), "\(menu) should not be a passage")
        }
        #expect(!texts.contains { $0.hasPrefix("Page last modified") })
        #expect(texts.contains { $0.hasPrefix("Catherine the Great is credited with saying") })
        #expect(texts.contains { $0.hasPrefix("On 09 May 2015 Russia marked") })
        #expect(texts.contains("Regain worldwide recognition as a “great power”"))
        #expect(texts.count >= 25)
        Support.expectPassagesAreExact(doc)
    }

    @Test func articleSeedNamesRTAndTheRepublisherWithoutFurniture() throws {
        let doc = try Support.seed("003")
        #expect(doc.document.kind == .article)
        #expect(doc.document.outlet == "RT")
        #expect(doc.document.republisher == "The 21st Century")
        #expect(doc.document.title == "Putin’s Insights on Russian Foreign Policy Revealed")
        let texts = Support.passageTexts(doc)
        for furniture in ["Sharing is caring!", "Leave a Reply", "Published by Rt.com", "Republished by The 21st Century"] {
            #expect(!texts.contains(furniture))
        }
        #expect(!texts.contains { $0.hasPrefix("The views expressed") })
        let heading = try #require(doc.passages.first { doc.text.slice($0.range) == "‘West is not a very reliable partner’" })
        #expect(heading.kind == .heading)
        let after = try #require(doc.passages.first { doc.text.slice($0.range).hasPrefix("Touching on the Ukrainian crisis") })
        #expect(after.section == "‘West is not a very reliable partner’")
        #expect(doc.text.contains("Sharing is caring!")) // the text stays whole
        Support.expectPassagesAreExact(doc)
    }

    @Test func articleSeedFromUNNHasItsDatelineOutlet() throws {
        let doc = try Support.seed("004")
        #expect(doc.document.kind == .article)
        #expect(doc.document.outlet == "UNN")
        #expect(doc.document.title?.hasPrefix("putin is trying") == true)
        let texts = Support.passageTexts(doc)
        #expect(!texts.contains("Kyiv • UNN"))
        #expect(texts.contains("lack of universal dogmas;"))
        #expect(doc.passages.first { doc.text.slice($0.range) == "lack of universal dogmas;" }?.kind == .listItem)
        #expect(texts.contains { $0.hasPrefix("On November 8, kremlin spokesman dmitry peskov") })
        Support.expectPassagesAreExact(doc)
    }

    @Test func everySeedReadsTheSameTwice() throws {
        for prefix in ["000", "001", "002", "003", "004"] {
            let a = try Support.seed(prefix), b = try Support.seed(prefix)
            #expect(a == b)
            #expect(a.contentHash.count == 64)
        }
    }
}
