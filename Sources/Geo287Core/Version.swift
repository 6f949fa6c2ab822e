/// The geo287 version, printed by `geo287 --version` and recorded in batch manifests.
public enum Geo287Version {
    public static let string = "0.1.0"
}
