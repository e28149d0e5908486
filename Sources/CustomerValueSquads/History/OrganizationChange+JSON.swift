#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension OrganizationChange {
    /// Writes a change log as a JSON list, with object keys and every list inside sorted and text in Unicode
    /// normalization form C, so the same log always gives the same bytes — also when two equal logs spell a
    /// name differently (`é` as one character or as `e` and a combining accent): logs can be stored, diffed and
    /// compared as files.
    ///
    /// - Parameters:
    ///   - changes: The changes, in the order they apply.
    ///   - prettyPrinted: Whether to indent the document for people; `true` by default.
    /// - Returns: The document's bytes, UTF-8.
    /// - Throws: `EncodingError` only if the encoder itself fails.
    /// - Complexity: O(*n* log *n*) in the size of the changes.
    public static func jsonData(_ changes: [OrganizationChange], prettyPrinted: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            prettyPrinted
            ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        let encoded = try encoder.encode(changes)
        // JSON's own characters are ASCII, which no combining mark composes with, so normalising the whole
        // document normalises each text in it and nothing else.
        let text = String(decoding: encoded, as: UTF8.self)
        return Data(text._nfcCodeUnits)
    }

    /// Reads a change log written by ``jsonData(_:prettyPrinted:)`` (or any JSON list of changes).
    ///
    /// - Parameter data: The document's bytes, UTF-8.
    /// - Returns: The changes, in the document's order.
    /// - Throws: `DecodingError` with the coding path of what is wrong.
    /// - Complexity: O(*n*) in the size of the document.
    public static func changes(fromJSON data: Data) throws -> [OrganizationChange] {
        try JSONDecoder().decode([OrganizationChange].self, from: data)
    }
}
