// Benchmark driver for bench/render and bench/smtp (not installed; not part of the CLI).
//   gazette-bench render ITEMS SUBSCRIBERS        renders both parts per subscriber, prints JSON timings
//   gazette-bench messages ITEMS SUBSCRIBERS      the same plus building each MIME message
//   gazette-bench extract-phases DIR [whole]    extraction CPU per pass (or one pass, for callgrind)
//   gazette-bench smtp URL COUNT EML_DIR CONC     builds COUNT messages, writes them to EML_DIR (for the
//                                                 smtplib comparison), then delivers them to URL
import Foundation
import GazetteKit

func digest(items: Int) -> Digest {
    let paragraph = "The harbour authority said on Saturday that the swing bridge would reopen ahead of schedule, "
        + "after engineers replaced the worn turning gear. Mr. Hansen said boats would be let through every hour."
    let perSection = max(1, items / 4)
    let sections = (0..<4).map { section in
        DigestSection(name: ["World", "Local", "Science", "Culture"][section], items: (0..<perSection).map { index in
            DigestItem(headline: "Story \(section * perSection + index + 1): council approves the new harbour plan",
                       link: "https://news.example.org/\(section)/\(index)?ref=rss", sourceName: "Example News",
                       published: Date(timeIntervalSince1970: 1_795_900_000 + Double(index * 600)),
                       lead: [paragraph, "A second paragraph adds detail: 4.2 million euros, 300,000 less than planned."])
        })
    }
    return Digest(title: "The Morning Gazette", editionID: "bench.example.org/2026-11-29",
                  editionDate: Date(timeIntervalSince1970: 1_795_939_200), timeZone: TimeZone(identifier: "UTC")!,
                  intro: "Forty stories for the benchmark.", sections: sections,
                  footer: DigestFooter(text: "Benchmark footer.", webURL: "https://bench.example.org/2026-11-29"))
}

func subscribers(_ count: Int) -> [Subscriber] {
    (0..<count).map { index in
        Subscriber(id: String(format: "%016x", index), email: "reader\(index)@example.org", name: "Reader \(index)",
                   format: index % 10 == 0 ? .text : .html, created: Date(timeIntervalSince1970: 1_790_000_000))
    }
}

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: gazette-bench render ITEMS SUBSCRIBERS | smtp URL COUNT EML_DIR CONCURRENCY\n".utf8))
    exit(2)
}
let tokens = UnsubscribeToken(secret: "bench")
let links = MessageLinks(unsubscribe: "https://bench.example.org/u?token={token}", preferences: nil,
                              web: "https://bench.example.org/{date}", unsubscribeMailto: "unsubscribe@bench.example.org")

switch arguments[1] {
case "render":
    let items = Int(arguments[2]) ?? 40
    let people = subscribers(Int(arguments[3]) ?? 10_000)
    let templates = try TemplateSet()
    let recipients = RecipientFactory(links: links, tokens: tokens, edition: "bench.example.org/2026-11-29", date: "2026-11-29")
    let startWall = Date()
    let startCPU = cpuSeconds()
    let renderer = DigestRenderer(digest: digest(items: items), templates: templates)
    var bytes = 0
    for person in people {
        let rendered = renderer.render(for: recipients.recipient(for: person))
        bytes += rendered.text.utf8.count + (rendered.html?.utf8.count ?? 0)
    }
    let wall = Date().timeIntervalSince(startWall)
    let cpu = cpuSeconds() - startCPU
    print("{\"messages\": \(people.count), \"items\": \(items), \"wall\": \(wall), \"cpu\": \(cpu), \"bytes\": \(bytes)}")

case "messages":
    // Rendering plus the whole MIME message (quoted-printable, headers) per subscriber.
    let people = subscribers(Int(arguments[3]) ?? 10_000)
    var config = Config(path: "/bench/gazette.yml")
    config.sender.address = "digest@bench.example.org"
    config.listID = "bench.example.org"
    config.links = links
    let startWall = Date()
    let startCPU = cpuSeconds()
    let factory = MessageFactory(config: config, digest: digest(items: Int(arguments[2]) ?? 40), templates: try TemplateSet(), tokens: tokens)
    var bytes = 0
    for person in people { bytes += factory.message(for: person).bytes.count }
    let wall = Date().timeIntervalSince(startWall)
    print("{\"messages\": \(people.count), \"items\": \(Int(arguments[2]) ?? 40), \"wall\": \(wall), \"cpu\": \(cpuSeconds() - startCPU), \"bytes\": \(bytes)}")

case "extract-phases":
    // The whole extraction of every page: timed (three passes), or one pass with `whole` for
    // instruction counts under callgrind.
    let directory = arguments[2]
    let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".html") }.sorted()
    let pages = files.compactMap { FileManager.default.contents(atPath: directory + "/" + $0) }
    let extractor = ArticleExtractor()
    if arguments.count > 3 {
        for page in pages { _ = extractor.extract(page) }
        exit(0)
    }
    let start = cpuSeconds()
    for _ in 0..<3 { for page in pages { _ = extractor.extract(page) } }
    print("whole extract", String(format: "%.3f s per pass", (cpuSeconds() - start) / 3))

case "smtp":
    let url = arguments[2]
    let count = Int(arguments[3]) ?? 10_000
    let directory = arguments[4]
    let concurrency = Int(arguments[5]) ?? 4
    var config = Config(path: "/bench/gazette.yml")
    config.sender.address = "digest@bench.example.org"
    config.listID = "bench.example.org"
    config.links = links
    let factory = MessageFactory(config: config, digest: digest(items: 40), templates: try TemplateSet(), tokens: tokens)
    let messages = subscribers(count).map { factory.message(for: $0) }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for (index, message) in messages.enumerated() {
        try Data(message.bytes).write(to: URL(fileURLWithPath: directory).appendingPathComponent(String(format: "%06d.eml", index)))
    }
    let settings = SMTPSettings(url: url, startTLS: .off, concurrency: concurrency, timeout: 60)
    let start = Date()
    let results = SMTPDelivery(settings: settings).deliver(messages, observer: nil)
    let wall = Date().timeIntervalSince(start)
    let delivered = results.filter { $0.outcome.isDelivered }.count
    print("{\"messages\": \(count), \"delivered\": \(delivered), \"wall\": \(wall), \"bytes\": \(messages.reduce(0) { $0 + $1.bytes.count })}")

default:
    FileHandle.standardError.write(Data("unknown benchmark \(arguments[1])\n".utf8))
    exit(2)
}
