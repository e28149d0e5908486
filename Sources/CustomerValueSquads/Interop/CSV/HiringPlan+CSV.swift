extension HiringPlan {
    /// The columns of ``csv(delimiter:byteOrderMark:neutralizingFormulas:)``, in order.
    public static let csvColumns = [
        "reason", "squad", "seat", "step", "department", "role", "skills", "fte", "headcount", "day", "quarter",
        "cost_per_fte", "cost",
    ]

    /// The hires as CSV (RFC 4180), one row each in the plan's order, written and guarded against formulas as
    /// ``Organization/csv(_:delimiter:byteOrderMark:)`` writes an organisation's tables: `skills` separated by `;`,
    /// `quarter` as in ``byQuarter``, empty cells for what a hire does not have.
    ///
    /// - Parameters:
    ///   - delimiter: What separates fields: `,` by default.
    ///   - byteOrderMark: Whether to start with a UTF-8 byte-order mark; `false` by default.
    ///   - neutralizingFormulas: Whether cells a spreadsheet would run as a formula get a leading `'`; `true` by
    ///     default, as in ``Organization/csv(_:delimiter:byteOrderMark:neutralizingFormulas:)``.
    /// - Complexity: O(*h*) in the hires.
    public func csv(delimiter: Character = ",", byteOrderMark: Bool = false, neutralizingFormulas: Bool = true)
        -> String
    {
        let writer = CSVWriter(delimiter: delimiter, neutralizingFormulas: neutralizingFormulas)
        var lines = [writer.row(Self.csvColumns)]
        for hire in hires {
            lines.append(
                writer.row([
                    hire.reason.rawValue, hire.squad?.rawValue ?? "", hire.seat?.rawValue ?? "", hire.step ?? "",
                    hire.department?.rawValue ?? "", hire.role?.rawValue ?? "",
                    hire.skills.map { CSVImport.escapedSkill($0.rawValue, separator: ";") }.joined(separator: ";"),
                    CSVWriter.number(hire.fte), String(hire.headcount), hire.day?.description ?? "",
                    Self.quarter(of: hire.day),
                    hire.costPerFTE.map(CSVWriter.number) ?? "", hire.cost.map(CSVWriter.number) ?? "",
                ]))
        }
        return writer.document(lines, byteOrderMark: byteOrderMark)
    }
}
