/// The version Gazette reports in `--version` and in its `User-Agent`.
public enum GazetteVersion {
    public static let string = "0.1.0"
}
