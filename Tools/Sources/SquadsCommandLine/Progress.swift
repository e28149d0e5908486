import Foundation

/// A line on standard error that says how far a long analysis has come, when standard error is a terminal.
///
/// Nothing is shown for work that ends within a second, nor when standard error goes to a file or a pipe, so
/// scripts see no stray output; the line is redrawn at most five times a second and cleared when done.
public struct ProgressLine: Sendable {
    private let label: String
    private let unit: String
    private let start = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant?
    private let isTerminal: Bool

    /// Creates a progress line for work called `label`, such as `"skill gaps"`, counting `unit`s (`squads` by
    /// default).
    public init(_ label: String, unit: String = "squads", isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.label = label
        self.unit = unit
        self.isTerminal = isTerminal
    }

    /// The text shown for `done` of `total` items.
    public func text(done: Int, total: Int) -> String {
        let percent = total == 0 ? 100 : done * 100 / total
        return "squads: \(label): \(done) of \(total) \(unit) (\(percent)%)"
    }

    /// Reports that `done` of `total` items are finished.
    public mutating func update(done: Int, total: Int) {
        guard isTerminal else { return }
        let now = ContinuousClock.now
        guard now - start > .seconds(1) else { return }
        if let lastDrawn, now - lastDrawn < .milliseconds(200), done < total { return }
        lastDrawn = now
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text(done: done, total: total))".utf8))
    }

    /// Clears the line, if one was drawn.
    public func finish() {
        guard isTerminal, lastDrawn != nil else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
