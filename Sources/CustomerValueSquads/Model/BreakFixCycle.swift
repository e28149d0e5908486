/// One turn of a squad's break-fix rhythm: what was tried, what broke, the fix, the lesson, and how it went.
public struct BreakFixCycle: Sendable, Hashable, Codable {
    /// How a cycle went.
    public enum Result: String, Sendable, Hashable, Codable, CaseIterable {
        /// It worked.
        case worked
        /// A small failure: the kind the organisation tolerates while it learns.
        case smallFailure
        /// A large failure.
        case largeFailure
    }

    /// The day the cycle started.
    public var started: Day
    /// The day it ended, if it has; not before ``started``.
    public var ended: Day?
    /// What the squad tried.
    public var tried: String
    /// What broke, if anything.
    public var broke: String
    /// How it was fixed.
    public var fix: String
    /// What the failure taught.
    public var lesson: String
    /// How it went.
    public var result: Result

    /// Creates a cycle.
    public init(
        started: Day,
        ended: Day? = nil,
        tried: String,
        broke: String = "",
        fix: String = "",
        lesson: String = "",
        result: Result
    ) {
        self.started = started
        self.ended = ended
        self.tried = tried
        self.broke = broke
        self.fix = fix
        self.lesson = lesson
        self.result = result
    }
}
