/// The guard against formula injection in spreadsheets, as OWASP's advice on CSV injection describes it: a cell that
/// begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read by spreadsheets as a formula, so the writer puts
/// a `'` before it, and the importer takes that `'` off again.
///
/// So that the round trip keeps every text, a text that already begins with `'`s followed by one of those scalars
/// gets one more `'`, and the importer takes exactly one off.
enum CSVFormulaGuard {
    /// The scalars that make a spreadsheet read a cell as a formula when they begin it.
    static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Whether `text` needs the guard: it begins with a trigger, after any number of `'`.
    static func needsGuard(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { $0 != "'" }) else { return false }
        return triggers.contains(first)
    }

    /// `text` as the writer puts it in a cell: with a leading `'` where it needs the guard.
    static func guarded(_ text: String) -> String {
        needsGuard(text) ? "'" + text : text
    }

    /// `text` as the writer meant it: one leading `'` taken off where the rest needs the guard.
    static func unguarded(_ text: String) -> String {
        guard text.unicodeScalars.first == "'" else { return text }
        let rest = String(text.unicodeScalars.dropFirst())
        return needsGuard(rest) ? rest : text
    }
}
