import Foundation
import Testing
@testable import GazetteKit

@Suite struct FeedDateTests {
    @Test(arguments: [
        ("Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z"),
        ("Thu, 01 Jan 2004 19:48:21 +0100", "2004-01-01T18:48:21Z"),
        ("Thu,  5 Apr 2012 10:00:00 GMT", "2012-04-05T10:00:00Z"),
        ("Mon, 26 January 2004 16:31:00 ET", "2004-01-26T21:31:00Z"),
        ("Mon, 26 Jan 2004 16:31:00 PDT", "2004-01-26T23:31:00Z"),
        ("Wed, 19 Feb 2012 22:40:00 GMT-01:01", "2012-02-19T23:41:00Z"),
        ("Thu, 30 Apr 2015 08:57:00 MET", "2015-04-30T07:57:00Z"),
        ("Wed, 19 Aug 2009 18:28:00 Etc/GMT", "2009-08-19T18:28:00Z"),
        ("Sat, 28 Nov 26 16:05 EST", "2026-11-28T21:05:00Z"),
        ("Sat, 28 Nov 98 16:05:00 Z", "1998-11-28T16:05:00Z"),
        ("Sat, 28 Nov 2026 16:05:00 A", "2026-11-28T17:05:00Z"),
        ("Sat, 28 Nov 2026 16:05:00 N", "2026-11-28T15:05:00Z"),
        ("28 Nov 2026", "2026-11-28T00:00:00Z"),
        ("Sun Jan  4 16:29:06 2004", "2004-01-04T16:29:06Z"),
        ("Thu Aug 30 2012 17:26:16 +0200", "2012-08-30T15:26:16Z"),
        ("Sun Jul 15 01:16:00 +0000 2012", "2012-07-15T01:16:00Z"),
        ("2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z"),
        ("2003-12-31T18:14:55+08:00", "2003-12-31T10:14:55Z"),
        ("2007-04-23T23:25:47.538+10:00", "2007-04-23T13:25:47Z"),
        ("2000-02-28T18:14:55-08:00", "2000-02-29T02:14:55Z"),
        ("2003-12-31T10:14Z", "2003-12-31T10:14:00Z"),
        ("2003-12", "2003-12-01T00:00:00Z"),
        ("2003", "2003-01-01T00:00:00Z"),
        ("2004-07-08 23:56:58.0", "2004-07-08T23:56:58Z"),
        ("20040708T235658Z", "2004-07-08T23:56:58Z"),
        ("Mon, 26 January 2004 16:31:00 AT", "2004-01-26T20:31:00Z"),
        ("Nov. 20, 2019, 9:28 PM UTC", "2019-11-20T21:28:00Z"),
        ("November 20, 2019 at 9:28 AM", "2019-11-20T09:28:00Z"),
    ])
    func parses(text: String, expected: String) {
        #expect(Timestamp.parse(text).rfc3339 == expected)
    }

    @Test(arguments: [
        "", "013", "yesterday", "Sun, 16 Dec 2012 1:2:3:4 GMT", "Sun, 16 Dec zz 11:47:32 GMT",
        "Sun, 16 Dec 2012 11:47:32 +zz:00", "2003-13-01", "2003-02-30", "Mon, 31 Jun 2004 10:00:00 GMT",
        "2004-07-08T25:00:00Z",
    ])
    func rejects(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test func writesRFC3339BeforeAndAfterTheEpoch() {
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: 951_790_495)) == "2000-02-29T02:14:55Z")
    }
}
