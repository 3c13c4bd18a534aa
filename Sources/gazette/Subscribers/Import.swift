import ArgumentParser
import Foundation
import GazetteKit

extension SubscribersCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import subscribers from CSV (header: email,name,format,sections) or JSON.",
            discussion: "Reports added, updated, unchanged, refused (suppressed) and invalid rows with line numbers. Exits 1 when any row was invalid or refused."
        )

        @Argument(help: "A .csv or .json file.")
        var source: String

        @Flag(help: "Report what would happen; write nothing.")
        var dryRun = false

        @Flag(help: "Bring back addresses that unsubscribed or bounced.")
        var resubscribe = false

        @OptionGroup var file: SubscriberFileOptions

        func run() throws {
            guard let data = FileManager.default.contents(atPath: source) else {
                throw SubscriberError.io(path: source, reason: "cannot be read")
            }
            let rows = try SubscriberImport.rows(from: data, path: source)
            let report: SubscriberImport.Report
            if dryRun {
                var list = try file.store.read()
                report = SubscriberImport.apply(rows, to: &list, resubscribe: resubscribe)
            } else {
                report = try file.store.modify { list in SubscriberImport.apply(rows, to: &list, resubscribe: resubscribe) }
            }
            print((dryRun ? "dry run: " : "") + report.text)
            if !report.invalid.isEmpty || !report.refused.isEmpty { throw ExitCode(1) }
        }
    }
}
