/// One step of `gazette run`, with one job; steps run in order over a shared `RunContext` until
/// one marks the run finished.
protocol RunStep: Sendable {
    func run(_ context: inout RunContext) throws(RunError)
}
