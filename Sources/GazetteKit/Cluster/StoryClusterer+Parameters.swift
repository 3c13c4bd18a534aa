extension StoryClusterer {
    /// The tuning of the clusterer (design §10); the defaults are the design's.
    public struct Parameters: Sendable, Equatable {
        /// Term-frequency weight of a title occurrence (a lead occurrence weighs 1).
        public var titleWeight = 2.0
        /// IDF multiplier for the batch's names.
        public var nameWeight = 1.5
        /// Items link only when they share at least this many distinct terms.
        public var minSharedTerms = 2
        /// Quantities are read from the title and this many lead terms.
        public var quantityLeadTerms = 25
        /// Stage 1: average-link threshold on the mean pairwise cosine.
        public var linkThreshold = 0.15
        /// Stage 1: exclusive-term evidence that blocks a merge.
        public var coreConflict = 6.0
        /// A dominant year is in at least two members and at least this share of a cluster.
        public var yearShare = 0.3
        /// Stage 2: an anchor term is in at least this share of each cluster's members ...
        public var anchorShare = 0.5
        /// ... the two clusters hold at least this share of the batch's documents with it ...
        public var anchorConcentration = 0.8
        /// ... and it occurs in at least this many documents.
        public var anchorMinDocuments = 3
        /// Stage 2: minimum mean pairwise cosine of the two clusters.
        public var anchorMinSimilarity = 0.05
        /// Stage 2: exclusive-term evidence that blocks a merge.
        public var anchorConflict = 4.0
        /// Stage 2: a term that is not name-like anchors only when one cluster has at least this
        /// many members (a common noun tells the kind of story, not which one).
        public var nounAnchorMinSize = 4
        /// Block merges of two multi-item clusters that each have a name all their members use and
        /// no member of the other uses.
        public var unanimousNameCheck = true

        public init() {}

        /// The design's parameter names, for tuning runs (`t_link`, `core_conflict`, …).
        public static let names = ["title_w", "name_w", "min_shared", "qty_lead", "t_link", "core_conflict", "year_frac",
                                   "anchor_frac", "anchor_conc", "anchor_min_df", "t_anchor_sim", "anchor_conflict",
                                   "noun_anchor_min_size", "name_check"]

        /// Sets the parameter with the design's `name`; false for an unknown name.
        public mutating func set(_ name: String, to value: Double) -> Bool {
            switch name {
            case "title_w": titleWeight = value
            case "name_w": nameWeight = value
            case "min_shared": minSharedTerms = Int(value)
            case "qty_lead": quantityLeadTerms = Int(value)
            case "t_link": linkThreshold = value
            case "core_conflict": coreConflict = value
            case "year_frac": yearShare = value
            case "anchor_frac": anchorShare = value
            case "anchor_conc": anchorConcentration = value
            case "anchor_min_df": anchorMinDocuments = Int(value)
            case "t_anchor_sim": anchorMinSimilarity = value
            case "anchor_conflict": anchorConflict = value
            case "noun_anchor_min_size": nounAnchorMinSize = Int(value)
            case "name_check": unanimousNameCheck = value != 0
            default: return false
            }
            return true
        }
    }
}
