import Foundation
import Logging

/// Writes the edition's web copy into the archive (and the copies of earlier editions the archive
/// lacks) before delivery, so the digest's "view in a browser" link works when the mail arrives.
/// A failure is reported and the run goes on: the archive is not the mail.
struct ArchiveEdition: RunStep {
    func run(_ context: inout RunContext) throws(RunError) {
        guard !context.options.dryRun, let digest = context.digest, let templates = context.templates else { return }
        do {
            try ArchiveWriter(config: context.config, templates: templates).update(current: digest)
        } catch {
            context.logger.warning("the web archive was not updated: \(error.description)")
        }
    }
}
