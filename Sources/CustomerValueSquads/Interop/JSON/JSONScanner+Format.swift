// The documented JSON format (Documentation/JSONFormat.md), read straight into the model's values. Each
// reader mirrors the `Codable` conformance of its type: the same required fields, the same defaults.

extension JSONScanner {
    // MARK: - Objects and lists

    /// Reads an object, handing each field to `field`, which returns `false` for a name the format does not
    /// know (the value is then skipped and the name recorded in ``unknownFields``). A name given twice is
    /// refused. Returns the offset where the object starts.
    @discardableResult
    mutating func readObject(
        _ type: Any.Type,
        _ description: String,
        _ field: (inout JSONScanner, JSONName) throws(JSONFailure) -> Bool
    ) throws(JSONFailure) -> Int {
        try beginObject(type, description)
        depth += 1
        defer { depth -= 1 }
        let start = offset - 1
        // The names of this object so far, on a stack shared by the objects being read, so no object allocates.
        let base = openNames.count
        defer { openNames.removeLast(openNames.count - base) }
        while let key = try nextKey(first: openNames.count == base) {
            if openNames[base...].contains(where: { $0.isSame(as: key.name) }) {
                throw syntaxError(
                    "the field \(String(reflecting: key.text)) appears twice in one object", at: key.offset)
            }
            openNames.append(key.name)
            if try !field(&self, key.name) {
                unknownFields.append(key.offset)
                try skipValue(depth: depth)
            }
        }
        return start
    }

    /// Reads a list, each element with `element`.
    mutating func readArray<Element>(
        _ element: (inout JSONScanner) throws(JSONFailure) -> Element
    ) throws(JSONFailure) -> [Element] {
        try beginArray([Element].self)
        depth += 1
        defer { depth -= 1 }
        var result: [Element] = []
        while try nextElement(first: result.isEmpty) { result.append(try element(&self)) }
        return result
    }

    /// `value`, which a required field gave, or the failure that says the field is missing.
    func required<Value>(_ value: Value?, _ name: String, in objectStart: Int) throws(JSONFailure) -> Value {
        guard let value else { throw missing(name, in: objectStart) }
        return value
    }

    func missing(_ name: String, in objectStart: Int) -> JSONFailure {
        JSONFailure(
            kind: .missing(name), offset: objectStart,
            message: "the required field \(String(reflecting: name)) is missing")
    }

    // MARK: - Scalars of the model

    mutating func readID<Tag>(_: Tag.Type = Tag.self) throws(JSONFailure) -> Identifier<Tag> {
        skipWhitespace()
        let start = offset
        let text = try readString(Identifier<Tag>.self)
        do {
            return try Identifier(validating: text)
        } catch {
            throw invalid(error, at: start)
        }
    }

    /// Reads a string and turns it into a value with `make`, which throws for a value out of range.
    mutating func readChecked<Value>(
        _ type: Value.Type,
        _ make: (String) throws(OrganizationError) -> Value
    ) throws(JSONFailure) -> Value {
        skipWhitespace()
        let start = offset
        let text = try readString(type)
        do {
            return try make(text)
        } catch {
            throw invalid(error, at: start)
        }
    }

    /// Reads one of the names of an enumeration.
    mutating func readCase<Value: RawRepresentable & CaseIterable>(_ what: String) throws(JSONFailure) -> Value
    where Value.RawValue == String {
        try readChecked(Value.self) { text throws(OrganizationError) in
            guard let value = Value(rawValue: text) else {
                let names = Value.allCases.map(\.rawValue).joined(separator: ", ")
                throw OrganizationError(
                    code: .invalidValue,
                    message: "unknown \(what) \(String(reflecting: text)); expected one of \(names)")
            }
            return value
        }
    }

    mutating func readDay() throws(JSONFailure) -> Day {
        try readChecked(Day.self) { text throws(OrganizationError) in try Day(iso: text) }
    }

    /// Reads a day, or `nil` for `null`.
    mutating func readOptionalDay() throws(JSONFailure) -> Day? { skipNull() ? nil : try readDay() }

    mutating func readShare() throws(JSONFailure) -> TimeShare {
        try readCheckedInt { percent throws(OrganizationError) in try TimeShare(percent: percent) }
    }

    mutating func readCadence() throws(JSONFailure) -> Cadence {
        try readCheckedInt { days throws(OrganizationError) in try Cadence(days: days) }
    }

    /// Reads a whole number and turns it into a value with `make`, which throws for a number out of range.
    private mutating func readCheckedInt<Value>(_ make: (Int) throws(OrganizationError) -> Value)
        throws(JSONFailure) -> Value
    {
        skipWhitespace()
        let start = offset
        let number = try readInt()
        do {
            return try make(number)
        } catch {
            throw invalid(error, at: start)
        }
    }

    /// Reads a string, or `nil` for `null`.
    mutating func readOptionalString() throws(JSONFailure) -> String? { skipNull() ? nil : try readString() }

    /// Reads a number, or `nil` for `null`.
    mutating func readOptionalDouble() throws(JSONFailure) -> Double? { skipNull() ? nil : try readDouble() }

    /// Reads an identifier, or `nil` for `null`.
    mutating func readOptionalID<Tag>(_: Tag.Type = Tag.self) throws(JSONFailure) -> Identifier<Tag>? {
        skipNull() ? nil : try readID(Tag.self)
    }

    /// Reads a list, or an empty one for `null`.
    mutating func readOptionalArray<Element>(
        _ element: (inout JSONScanner) throws(JSONFailure) -> Element
    ) throws(JSONFailure) -> [Element] {
        skipNull() ? [] : try readArray(element)
    }
}
