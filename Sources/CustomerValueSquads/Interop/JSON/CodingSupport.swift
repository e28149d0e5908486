/// A coding key for a position in a list, used to name the element a decoding error points at.
struct IndexKey: CodingKey {
    let intValue: Int?
    let stringValue: String

    init(_ index: Int) {
        self.intValue = index
        self.stringValue = "Index \(index)"
    }

    init?(intValue: Int) { self.init(intValue) }

    init?(stringValue: String) { nil }
}

/// A coding key for a named field, used to rebuild a coding path from an ``OrganizationError/path``.
struct NameKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { self.stringValue = name }

    init?(stringValue: String) { self.init(stringValue) }

    init?(intValue: Int) { nil }
}
