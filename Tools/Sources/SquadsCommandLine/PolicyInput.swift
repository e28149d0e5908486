import CustomerValueSquads
import Foundation

extension Input {
    /// Reads validation policy settings — `{"thresholds": {...}, "disabledCodes": [...]}` — from a file, or from
    /// standard input for `-`, strictly: a field the format does not know, or a code no rule of the default
    /// policy reports, is an error that suggests what was probably meant.
    ///
    /// - Throws: ``InputError`` naming the file, the field or code, and a suggestion.
    public static func policy(atPath path: String) throws(InputError) -> ValidationPolicy {
        try policy(from: data(atPath: path), name: path)
    }

    /// Reads validation policy settings from a document; see ``policy(atPath:)``.
    public static func policy(from data: Data, name: String) throws(InputError) -> ValidationPolicy {
        let settings: ValidationPolicy.Settings
        do {
            settings = try JSONDecoder().decode(ValidationPolicy.Settings.self, from: data)
        } catch let error as DecodingError {
            throw InputError(describe(error, in: name))
        } catch {
            throw InputError("\(name): \(error)")
        }
        // The document is well formed; now hold it to the fields and codes that exist.
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        try requireKnown(object.keys, among: ["thresholds", "disabledCodes"], at: "", in: name)
        if let thresholds = object["thresholds"] as? [String: Any] {
            let fields = Mirror(reflecting: ValidationPolicy.Thresholds()).children.compactMap(\.label)
            try requireKnown(thresholds.keys, among: fields, at: "thresholds.", in: name)
        }
        let known = Set(ValidationPolicy.default.rules.flatMap(\.codes).map(\.rawValue))
        for code in settings.disabledCodes.map(\.rawValue).sorted() where !known.contains(code) {
            throw InputError(
                "\(name): at disabledCodes: no rule reports the code \(String(reflecting: code))"
                    + suggestion(for: code, among: known))
        }
        return ValidationPolicy(settings: settings)
    }

    private static func requireKnown(
        _ keys: some Collection<String>,
        among fields: some Collection<String>,
        at prefix: String,
        in name: String
    ) throws(InputError) {
        for key in keys.sorted() where !fields.contains(key) {
            throw InputError(
                "\(name): at \(prefix)\(key): a policy has no field \(String(reflecting: key))"
                    + suggestion(for: key, among: fields))
        }
    }

    /// `"; did you mean …?"` naming the closest of `candidates`, when one is close enough.
    static func suggestion(for text: String, among candidates: some Collection<String>) -> String {
        var best: (candidate: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(text.lowercased(), candidate.lowercased())
            if distance < best?.distance ?? .max { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best, distance <= max(2, text.count / 3) else {
            return "; expected one of: \(candidates.sorted().joined(separator: ", "))"
        }
        return "; did you mean \(String(reflecting: candidate))?"
    }

    /// The number of single-character insertions, deletions and substitutions that turn `a` into `b`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let (a, b) = (Array(a), Array(b))
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
