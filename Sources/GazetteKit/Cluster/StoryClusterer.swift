/// Groups the items of one edition that tell the same story (docs: `tools/cluster/DESIGN.md`).
/// Precision first: every merge needs similarity and a stricter check. Each call is independent:
/// IDF and lexicons come from the items given.
public struct StoryClusterer: Sendable {
    public var parameters: Parameters

    /// The design's default parameters.
    public init() {
        parameters = Parameters()
    }

    public init(parameters: Parameters) {
        self.parameters = parameters
    }

    /// One key per item, in input order; equal keys = one story. Key = "s" + index of the cluster's first item.
    public func keys(for items: [StoryItem]) -> [String] {
        labels(for: items).map { "s\($0)" }
    }

    /// Per item, the index of the first item of its cluster.
    public func labels(for items: [StoryItem]) -> [Int] {
        guard !items.isEmpty else { return [] }
        let tokens = items.map { (title: StoryTokeniser.tokens($0.title), lead: StoryTokeniser.tokens($0.lead)) }
        let (table, interned) = TermTable.intern(tokens)
        let units = ItemFeatures.UnitWords(table)
        let features = interned.map { ItemFeatures($0, table: table, units: units, parameters: parameters) }
        let lexicon = BatchLexicon(interned, termCount: table.texts.count)
        let graph = SimilarityGraph(features, termCount: table.texts.count, names: lexicon.names, parameters: parameters)
        var state = ClusterState(features, graph: graph, lexicon: lexicon, parameters: parameters)
        AverageLinkStage.run(&state)
        AnchorStage.run(&state, documentFrequency: graph.documentFrequency, nameLike: lexicon.nameLike, isNumber: table.isNumber)
        var labels = [Int](repeating: 0, count: items.count)
        for cluster in state.members where !cluster.isEmpty {
            let first = cluster.min()!
            for member in cluster { labels[member] = first }
        }
        return labels
    }
}
