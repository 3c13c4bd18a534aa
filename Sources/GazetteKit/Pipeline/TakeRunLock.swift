import Logging

/// Takes the state folder's run lock (not for a dry run): a second run exits with 3.
struct TakeRunLock: RunStep {
    func run(_ context: inout RunContext) throws(RunError) {
        guard !context.options.dryRun else { return }
        do {
            context.lock = try RunLock(stateDirectory: context.config.stateDirectory)
        } catch {
            throw .locked(error)
        }
        if let pid = context.lock?.tookOverFrom {
            context.logger.warning("took over the run lock left by process \(pid), which is no longer running")
        }
    }
}
