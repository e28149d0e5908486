import CustomerValueSquadsTesting
import Foundation

/// The fuzz targets' checks: `InputChecks` from the testing module, with a broken promise stopping the
/// process so libFuzzer keeps the input that broke it.
public enum FuzzChecks {
    /// Checks an organisation document.
    public static func organization(_ bytes: UnsafeBufferPointer<UInt8>) { stop(on: .organization, bytes) }
    /// Checks policy settings.
    public static func policy(_ bytes: UnsafeBufferPointer<UInt8>) { stop(on: .policy, bytes) }
    /// Checks a change log.
    public static func changeLog(_ bytes: UnsafeBufferPointer<UInt8>) { stop(on: .changeLog, bytes) }
    /// Checks a SCIM export.
    public static func scim(_ bytes: UnsafeBufferPointer<UInt8>) { stop(on: .scim, bytes) }
    /// Checks a rollout plan or programme.
    public static func rollout(_ bytes: UnsafeBufferPointer<UInt8>) { stop(on: .rollout, bytes) }

    private static func stop(on kind: InputChecks.Kind, _ bytes: UnsafeBufferPointer<UInt8>) {
        let problems = InputChecks.check(kind, Data(buffer: bytes))
        if let first = problems.first { fatalError("\(kind.rawValue): \(first)") }
    }
}
