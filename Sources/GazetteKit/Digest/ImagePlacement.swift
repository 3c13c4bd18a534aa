/// Which stories show their picture (`images:` in the config).
public enum ImagePlacement: String, Sendable, Codable, CaseIterable {
    /// The first story of each section, full width.
    case lead
    /// The first story of each section full width, the others a small thumbnail.
    case all
    /// No pictures.
    case none
}
