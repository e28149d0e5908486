/// The transformation over time: an organisation as it was at the start and the dated changes since, in the
/// order they were made.
///
/// It answers the two questions a programme lead asks every month: how the organisation stood on any day
/// (``organization(on:)``), and how far along the transformation is, period by period (``timeline(every:plan:policy:)``).
///
/// ```swift
/// let history = try ChangeHistory(baseline: lastYear, changes: log)
/// let march = history.organization(on: "2026-03-31")
/// let months = history.timeline(every: .month)
/// ```
public struct ChangeHistory: Sendable {
    /// The organisation before the first change.
    public let baseline: Organization
    /// The changes, each dated, in the order they apply; days never go back.
    public let changes: [OrganizationChange]

    /// Creates a history, checking that every change has a day, that days never go back, and that the whole
    /// log applies to the baseline.
    ///
    /// - Throws: ``OrganizationError/Code/invalidValue`` naming the first change without a day (its position
    ///   in `path`, such as `["changes", "3"]`) or the first whose day comes before the one before it; the error
    ///   of the first change that does not apply (``OrganizationError/Code/changeConflict`` and the like), with
    ///   its position.
    /// - Complexity: O(*n* + *c*) in the size of the organisation and of the changes.
    public init(baseline: Organization, changes: [OrganizationChange]) throws(OrganizationError) {
        var previous: Day?
        for (index, change) in changes.enumerated() {
            guard let day = change.day else {
                throw OrganizationError(
                    code: .invalidValue,
                    message: "change \(index + 1) of \(changes.count) (\(change.action.kind)) has no day; a history "
                        + "needs the day of every change (changes(from:reason:on:) and record(reason:on:_:) write it)",
                    path: ["changes", String(index)])
            }
            if let previous, day < previous {
                throw OrganizationError(
                    code: .invalidValue,
                    message: "change \(index + 1) of \(changes.count) is dated \(day), before the change ahead of it "
                        + "(\(previous)); a history lists changes in the order of their days",
                    path: ["changes", String(index)])
            }
            previous = day
        }
        var final = baseline
        for (index, change) in changes.enumerated() {
            do {
                try final.apply(change)
            } catch {
                throw OrganizationError(
                    code: error.code,
                    message:
                        "change \(index + 1) of \(changes.count) (\(change.day.map(String.init(describing:)) ?? "")): "
                        + error.message,
                    path: ["changes", String(index)])
            }
        }
        self.baseline = baseline
        self.changes = changes
    }

    /// The day of the first change, or `nil` for an empty log.
    public var firstDay: Day? { changes.first?.day }
    /// The day of the last change, or `nil` for an empty log.
    public var lastDay: Day? { changes.last?.day }

    /// The organisation as it stood at the end of `day`: the baseline with every change dated on or before it.
    ///
    /// - Complexity: O(*n* + *k*), where *n* is the size of the organisation (it is copied once) and *k* the size
    ///   of the changes applied.
    public func organization(on day: Day) -> Organization {
        var organization = baseline
        for change in changes {
            guard let changeDay = change.day, changeDay <= day else { break }
            organization.applyChecked(change)
        }
        return organization
    }
}

extension Organization {
    /// Applies a change that ``ChangeHistory`` already applied once in the same order.
    mutating func applyChecked(_ change: OrganizationChange) {
        do {
            try apply(change)
        } catch {
            preconditionFailure("a change of a checked history no longer applies: \(error.message)")
        }
    }
}
