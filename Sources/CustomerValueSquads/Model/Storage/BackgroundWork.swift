import Dispatch

/// Runs `background` on another thread while `body` runs on this one, and returns once both are done.
///
/// For work that splits in two independent halves on machines with more than one core; `background` must not
/// touch what `body` does.
func withBackgroundWork<Result, Failure: Error>(
    _ background: @escaping @Sendable () -> Void,
    _ body: () throws(Failure) -> Result
) throws(Failure) -> Result {
    let group = DispatchGroup()
    DispatchQueue.global(qos: .userInitiated).async(group: group, execute: background)
    defer { group.wait() }
    return try body()
}

/// A value one thread fills and another reads after waiting for the first: the wait orders the two.
final class BackgroundResult<Value>: @unchecked Sendable {
    /// The value, once the background work has set it.
    var value: Value?

    init() {}
}
