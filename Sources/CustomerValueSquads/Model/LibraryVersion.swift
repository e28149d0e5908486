/// The release of the CustomerValueSquads library that this code is.
///
/// `squads --version` prints ``current``; the newest release in the changelog is the same, which the tests
/// check.
public enum LibraryVersion {
    /// The release, as semantic versioning writes it: `major.minor.patch`.
    public static let current = "0.3.0"
}
