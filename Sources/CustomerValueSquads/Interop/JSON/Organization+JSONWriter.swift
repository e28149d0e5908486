#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Writes the JSON format of ``Organization`` directly to bytes: the same document as its `Codable`
/// encoding (every field, keys sorted, lists sorted by identifier), several times faster than going through
/// an `Encoder`.
struct JSONWriter: ~Copyable {
    private var bytes: ByteBuffer
    let pretty: Bool
    private var depth = 0
    private var first = true

    init(pretty: Bool, capacity: Int) {
        self.pretty = pretty
        bytes = ByteBuffer(capacity: capacity)
    }

    /// The document written, handed over without a copy.
    consuming func finish() -> Data { bytes.data() }

    // MARK: Structure

    /// A line break and the indentation of the deepest level the format has, cut to the depth at hand.
    private static let lineBreak: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 64)

    private mutating func newline() {
        guard pretty else { return }
        let count = 1 + 2 * depth
        if count <= Self.lineBreak.count {
            Self.lineBreak.withUnsafeBufferPointer {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count]))
            }
        } else {
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
        }
    }

    private mutating func separate() {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        newline()
    }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        first = true
        body(&self)
        depth -= 1
        if !first { newline() }
        bytes.append(UInt8(ascii: "}"))
        first = false
    }

    mutating func array<S: Sequence>(_ elements: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        depth += 1
        first = true
        for element in elements {
            separate()
            body(&self, element)
        }
        depth -= 1
        if !first { newline() }
        bytes.append(UInt8(ascii: "]"))
        first = false
    }

    /// A field whose value is a list, each element written by `body`.
    mutating func list<S: Sequence>(_ name: StaticString, _ elements: S, _ body: (inout JSONWriter, S.Element) -> Void)
    {
        key(name)
        array(elements, body)
    }

    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(0x20) }
        first = true  // the value that follows is not separated
    }

    // MARK: Values

    mutating func string(_ text: String) {
        var text = text
        // One look at the bytes: whether any needs an escape, and whether the text may not be in NFC.
        // Text is written in Unicode normalization form C, so values that compare equal (Swift compares
        // strings by canonical equivalence) give the same bytes. Scalars below U+0300 — UTF-8 bytes below
        // 0xCC — are already in form C.
        let (needsEscape, mayNeedNormalizing) = text.withUTF8(Self.scan)
        if mayNeedNormalizing {
            let normalized = String(decoding: text._nfcCodeUnits, as: UTF8.self)
            if !normalized.utf8.elementsEqual(text.utf8) { return string(normalized) }
        }
        bytes.append(UInt8(ascii: "\""))
        if !needsEscape {
            text.withUTF8 { bytes.append(contentsOf: $0) }
            bytes.append(UInt8(ascii: "\""))
            first = false
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0x0A:
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "n"))
            case 0x0D:
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "r"))
            case 0x09:
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "t"))
            case 0x00..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
                ])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        first = false
    }

    /// Whether `buffer` holds a byte that needs an escape, and whether it may not be in NFC — eight bytes at a
    /// time, looking at single bytes only in words that hold something other than plain printable ASCII.
    static func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> (escape: Bool, normalize: Bool) {
        var escape = false
        var normalize = false
        func look(at byte: UInt8) {
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                escape = true
            } else if byte >= 0xCC {
                normalize = true
            }
        }
        guard let base = buffer.baseAddress else { return (false, false) }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= buffer.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // A byte below 0x20, a quote, a backslash, or a byte of 0x80 and above.
            let control = (word &- ones &* 0x20) & ~word & highs
            let quote = ((word ^ (ones &* 0x22)) &- ones) & ~(word ^ (ones &* 0x22)) & highs
            let backslash = ((word ^ (ones &* 0x5C)) &- ones) & ~(word ^ (ones &* 0x5C)) & highs
            if control | quote | backslash | (word & highs) != 0 {
                for offset in index..<index + 8 { look(at: buffer[offset]) }
            }
            index += 8
        }
        while index < buffer.count {
            look(at: buffer[index])
            index += 1
        }
        return (escape, normalize)
    }

    mutating func integer(_ value: Int) {
        // Digits written straight into the buffer, without making a `String` first.
        guard value != .min else {
            bytes.append(contentsOf: String(value).utf8)
            first = false
            return
        }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { room in
            repeat {
                room[23 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(
                contentsOf: UnsafeBufferPointer(
                    start: room.baseAddress!.assumingMemoryBound(to: UInt8.self) + (24 - count), count: count))
        }
        first = false
    }

    /// A finite number, written as an integer when it is one.
    mutating func number(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 {
            integer(Int(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
            first = false
        }
    }

    mutating func field(_ name: StaticString, _ text: String) {
        key(name)
        string(text)
    }

    mutating func field(_ name: StaticString, _ text: String?) {
        guard let text else { return }
        field(name, text)
    }

    mutating func field<T>(_ name: StaticString, _ id: Identifier<T>?) {
        guard let id else { return }
        key(name)
        identifier(id)
    }

    /// An identifier: ASCII letters, digits and `-_.:` only (``Identifier`` checks), so it is written as it
    /// is, without looking for characters to escape or normalise.
    mutating func identifier<T>(_ id: Identifier<T>) {
        var text = id.rawValue
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8 { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        first = false
    }

    mutating func field(_ name: StaticString, _ day: Day?) {
        guard let day else { return }
        field(name, day.description)
    }

    mutating func field(_ name: StaticString, _ value: Double?) {
        guard let value else { return }
        key(name)
        number(value)
    }

    mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
        first = false
    }

    mutating func field(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        integer(value)
    }
}

extension Organization {
    /// The organisation's JSON document, written directly to bytes.
    func writeJSON(pretty: Bool) -> Data {
        let estimate = 320 * specialistsByID.count + 1_600 * squadsByID.count + 4_096
        var writer = JSONWriter(pretty: pretty, capacity: pretty ? 2 * estimate : estimate)
        writer.object { writer in
            writer.list("departments", departments) { writer, department in writer.write(department) }
            writer.field("goal", goal)
            writer.field("name", name)
            writer.field("schemaVersion", Self.schemaVersion)
            writer.list("specialists", specialists) { writer, specialist in writer.write(specialist) }
            writer.list("squads", squads) { writer, squad in writer.write(squad) }
        }
        return writer.finish()
    }
}

extension JSONWriter {
    mutating func write(_ department: Department) {
        object { writer in
            writer.field("capacityFloor", department.capacityFloor)
            writer.field("costPerFTE", department.costPerFTE)
            writer.list("dataAssets", department.dataAssets) { writer, asset in
                writer.object { writer in
                    writer.field("id", asset.id)
                    writer.field("kind", asset.kind.rawValue)
                    writer.field("name", asset.name)
                }
            }
            writer.field("function", department.function)
            writer.field("head", department.head)
            writer.field("id", department.id)
            writer.field("name", department.name)
            writer.field("parent", department.parent)
        }
    }

    mutating func write(_ specialist: Specialist) {
        object { writer in
            writer.field("department", specialist.department)
            writer.field("id", specialist.id)
            writer.field("name", specialist.name)
            writer.list("skills", specialist.skills.sorted { $0.key < $1.key }) { writer, entry in
                writer.object { writer in
                    writer.field("proficiency", entry.value.rawValue)
                    writer.field("skill", entry.key.rawValue)
                }
            }
            writer.field("title", specialist.title)
        }
    }

    mutating func write(_ squad: CustomerValueSquad) {
        object { writer in
            writer.key("accountability")
            writer.write(squad.accountability)
            writer.field("cycleLength", squad.cycleLength?.days)
            writer.list("cycles", squad.cycles) { writer, cycle in
                writer.object { writer in
                    writer.field("broke", cycle.broke)
                    writer.field("ended", cycle.ended)
                    writer.field("fix", cycle.fix)
                    writer.field("lesson", cycle.lesson)
                    writer.field("result", cycle.result.rawValue)
                    writer.field("started", cycle.started)
                    writer.field("tried", cycle.tried)
                }
            }
            writer.list("decisionRights", squad.decisionRights.sorted { $0.key < $1.key }) { writer, entry in
                writer.object { writer in
                    writer.field("id", entry.key)
                    if let limit = entry.value.limit {
                        writer.key("limit")
                        writer.object { writer in
                            writer.field("amount", limit.amount)
                            writer.field("unit", limit.unit)
                        }
                    }
                    writer.field("scope", entry.value.scope)
                }
            }
            writer.list("grants", squad.grants.sorted { $0.key < $1.key }) { writer, entry in
                writer.object { writer in
                    writer.field("approvedBy", entry.value.approvedBy)
                    writer.field("asset", entry.key)
                    writer.field("expires", entry.value.expires)
                    writer.field("reason", entry.value.reason)
                }
            }
            writer.list("history", squad.history) { writer, past in
                writer.object { writer in
                    writer.field("reason", past.reason)
                    writer.field("role", past.role.rawValue)
                    writer.field("share", past.share.percent)
                    writer.field("since", past.since)
                    writer.field("specialist", past.specialist)
                    writer.field("until", past.until)
                }
            }
            writer.field("id", squad.id)
            writer.list("interactions", squad.interactions) { writer, interaction in
                writer.object { writer in
                    writer.field("blocking", interaction.isBlocking)
                    writer.list("dataNeeded", interaction.dataNeeded.sorted()) { writer, asset in
                        writer.identifier(asset)
                    }
                    if case .department(let department) = interaction.counterpart {
                        writer.field("department", department)
                    }
                    writer.field("expectedEnd", interaction.expectedEnd)
                    writer.field("id", interaction.id)
                    writer.field("mode", interaction.mode.rawValue)
                    writer.field("purpose", interaction.purpose)
                    if case .squad(let other) = interaction.counterpart { writer.field("squad", other) }
                    writer.field("start", interaction.start)
                }
            }
            writer.list("memberships", squad.memberships.sorted { $0.key < $1.key }) { writer, entry in
                writer.object { writer in
                    writer.field("role", entry.value.role.rawValue)
                    writer.field("share", entry.value.share.percent)
                    writer.field("since", entry.value.since)
                    writer.field("specialist", entry.key)
                }
            }
            writer.key("mission")
            writer.write(squad.mission)
            writer.field("name", squad.name)
            writer.field("stage", squad.stage.rawValue)
        }
    }

    mutating func write(_ accountability: Accountability) {
        object { writer in
            writer.list("outcomes", accountability.outcomes) { writer, outcome in
                writer.object { writer in
                    writer.field("baseline", outcome.baseline)
                    writer.list("checkIns", outcome.checkIns) { writer, checkIn in
                        writer.object { writer in
                            writer.field("confidence", checkIn.confidence)
                            writer.field("day", checkIn.day)
                            writer.field("note", checkIn.note)
                            writer.field("value", checkIn.value)
                        }
                    }
                    writer.field("current", outcome.current)
                    writer.field("direction", outcome.direction.rawValue)
                    writer.field("id", outcome.id)
                    writer.field("metric", outcome.metric)
                    writer.field("target", outcome.target)
                    writer.field("unit", outcome.unit)
                    writer.field("weight", outcome.weight)
                }
            }
            writer.field("owner", accountability.owner)
            writer.field("reviewCadence", accountability.reviewCadence?.days)
            writer.field("toleratedSmallFailures", accountability.toleratedSmallFailures)
        }
    }

    mutating func write(_ mission: Mission) {
        object { writer in
            writer.field("customer", mission.customer)
            writer.field("goalContribution", mission.goalContribution)
            writer.list("requiredData", mission.requiredData.sorted()) { writer, asset in writer.identifier(asset) }
            writer.list("requiredSkills", mission.requiredSkills.sorted()) { writer, skill in
                writer.string(skill.rawValue)
            }
            writer.field("statement", mission.statement)
            if let area = mission.valueArea {
                writer.key("valueArea")
                writer.object { writer in
                    writer.field("detail", area.detail)
                    writer.field("kind", area.kind)
                }
            }
        }
    }
}
