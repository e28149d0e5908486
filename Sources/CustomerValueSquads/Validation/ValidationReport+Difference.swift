extension ValidationReport {
    /// The findings one report has that another has not: what a change fixed and what it broke.
    public struct Difference: Sendable, Hashable {
        /// Findings that are new, in the report's stable order.
        public var added: [Finding]
        /// Findings that are gone, in the report's stable order.
        public var removed: [Finding]

        /// Creates a difference.
        ///
        /// - Parameters:
        ///   - added: Findings that are new, in any order.
        ///   - removed: Findings that are gone, in any order.
        public init(added: [Finding] = [], removed: [Finding] = []) {
            self.added = ValidationReport.ordered(added)
            self.removed = ValidationReport.ordered(removed)
        }

        /// Whether nothing was added or removed.
        public var isEmpty: Bool { added.isEmpty && removed.isEmpty }

        /// The difference between two lists of findings, each finding counted as often as it occurs.
        ///
        /// - Complexity: O(*n* + *m*) expected, where *n* and *m* are the lists' lengths.
        static func between(_ old: some Collection<Finding>, _ new: some Collection<Finding>) -> (
            added: [Finding], removed: [Finding]
        ) {
            if old.isEmpty { return (Array(new), []) }
            if new.isEmpty { return ([], Array(old)) }
            if old.elementsEqual(new) { return ([], []) }
            var counts: [Finding: Int] = [:]
            counts.reserveCapacity(old.count)
            for finding in old { counts[finding, default: 0] += 1 }
            var added: [Finding] = []
            for finding in new {
                if let index = counts.index(forKey: finding), counts.values[index] > 0 {
                    counts.values[index] -= 1
                } else {
                    added.append(finding)
                }
            }
            var removed: [Finding] = []
            for finding in old {
                if let index = counts.index(forKey: finding), counts.values[index] > 0 {
                    counts.values[index] -= 1
                    removed.append(finding)
                }
            }
            return (added, removed)
        }
    }

    /// The findings this report has that `old` has not, and those `old` has that this one has not.
    ///
    /// ```swift
    /// let before = organization.validate(on: day)
    /// try organization.apply(change)
    /// let difference = organization.validate(on: day).difference(from: before)
    /// ```
    ///
    /// - Parameter old: The earlier report.
    /// - Returns: The difference; a finding that occurs twice in one report and once in the other counts once.
    /// - Complexity: O(*n* + *m*) expected, plus sorting what differs, where *n* and *m* are the numbers of
    ///   findings.
    public func difference(from old: ValidationReport) -> Difference {
        let (added, removed) = Difference.between(old.findings, findings)
        return Difference(added: added, removed: removed)
    }
}
