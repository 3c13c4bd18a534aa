import CLibXML2Region
import Dispatch
import Foundation
import Synchronization
import Testing
@testable import GazetteKit

/// The per-thread region libxml2 allocates from while a page is extracted.
@Suite struct MemoryRegionTests {
    @Test func allocationsInARegionGrowInPlaceAndAreDroppedTogether() throws {
        gz_region_open()
        let first = try #require(gz_region_malloc(100)).assumingMemoryBound(to: UInt8.self)
        for i in 0..<100 { first[i] = UInt8(i) }
        #expect(gz_region_used() >= 100)
        let grown = try #require(gz_region_realloc(first, 100_000)).assumingMemoryBound(to: UInt8.self)
        #expect((0..<100).allSatisfy { grown[$0] == UInt8($0) })
        let copy = try #require(gz_region_strdup("region"))
        #expect(String(cString: copy) == "region")
        gz_region_free(grown)  // nothing to do inside a region
        gz_region_close()
        #expect(gz_region_used() == 0)
    }

    @Test func heapMemoryIsStillFreedAndResizedInsideARegion() throws {
        let heap = try #require(gz_region_malloc(32)).assumingMemoryBound(to: UInt8.self)  // no region open: malloc
        heap.initialize(repeating: 7, count: 32)
        gz_region_open()
        let moved = try #require(gz_region_realloc(heap, 4096)).assumingMemoryBound(to: UInt8.self)
        #expect((0..<32).allSatisfy { moved[$0] == 7 })
        gz_region_free(moved)  // realloc'd on the heap: freed by free()
        #expect(gz_region_used() == 0)
        gz_region_close()
    }

    @Test func nestedRegionsShareTheOuterOneAndHugeBlocksGetTheirOwnChunk() throws {
        gz_region_open()
        gz_region_open()
        let huge = try #require(gz_region_malloc(40 << 20)).assumingMemoryBound(to: UInt8.self)
        huge[0] = 1
        huge[(40 << 20) - 1] = 2
        gz_region_close()
        #expect(gz_region_used() >= 40 << 20)
        gz_region_close()
        #expect(gz_region_used() == 0)
    }

    @Test func pagesExtractedOnManyThreadsWhileFeedsParseMatchOneThread() throws {
        let page = try Data(contentsOf: TestPaths.fixture("articles/seed-shaped.html"))
        let feed = try Data(contentsOf: TestPaths.fixture("feeds/rss20-full.xml"))
        let url = "https://courier.example.org/news/ferry-subsidy-vote"
        let expected = ArticleExtractor().extract(page, url: url)
        let expectedFeed = try FeedParser().parse(feed, url: "https://example.org/feed")
        let mismatches = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            for _ in 0..<20 {
                if index % 2 == 0 {
                    if ArticleExtractor().extract(page, url: url) != expected { mismatches.withLock { $0 += 1 } }
                } else if (try? FeedParser().parse(feed, url: "https://example.org/feed")) != expectedFeed {
                    mismatches.withLock { $0 += 1 }
                }
            }
        }
        #expect(mismatches.withLock { $0 } == 0)
        #expect(gz_region_used() == 0)
    }

    @Test func aPlainTreeParsedDuringAPageAlsoLivesInTheRegion() {
        let html = Array("<html><body><p>Outer page text that is long enough.</p></body></html>".utf8)
        let inner = HTMLTree.withPage(utf8: html, url: nil) { tree -> String in
            #expect(tree?.body != nil)
            let fragment = HTMLTree(fragment: "<b>inner</b>")  // its nodes come from the region too
            return fragment.flatMap { $0.body.map(\.text) } ?? ""
        }
        #expect(inner == "inner")
        let after = HTMLTree(fragment: "<i>after</i>")  // heap again
        #expect(after.flatMap { $0.body.map(\.text) } == "after")
    }
}
