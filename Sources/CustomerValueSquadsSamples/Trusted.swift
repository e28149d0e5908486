import CustomerValueSquads

/// The value `make` builds from input this package wrote itself — a fixture, a generated part — known to be
/// valid; a failure is a bug in the package.
package func trusted<Value>(_ make: () throws(OrganizationError) -> Value) -> Value {
    do {
        return try make()
    } catch {
        preconditionFailure(error.message)
    }
}

extension Identifier {
    /// An identifier the generator made itself, known to be valid.
    package init(trusted rawValue: String) {
        self = trusted { () throws(OrganizationError) in try Identifier(validating: rawValue) }
    }
}

extension TimeShare {
    /// A share the package wrote itself, known to be from 1 to 100.
    package init(trusted percent: Int) {
        self = trusted { () throws(OrganizationError) in try TimeShare(percent: percent) }
    }
}

extension Cadence {
    /// A cadence the package wrote itself, known to be positive.
    package init(trusted days: Int) {
        self = trusted { () throws(OrganizationError) in try Cadence(days: days) }
    }
}
