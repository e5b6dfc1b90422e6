/// A plain-text table with aligned columns, for terminals: numbers right-aligned, text left-aligned,
/// long cells cut with an ellipsis.
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]]
    /// Columns to right-align (usually the numeric ones).
    public var rightAligned: Set<Int>
    public var maxWidth: Int

    public init(headers: [String], rows: [[String]], rightAligned: Set<Int> = [], maxWidth: Int = 42) {
        self.headers = headers
        self.rows = rows
        self.rightAligned = rightAligned
        self.maxWidth = maxWidth
    }

    /// The table as lines: a header, a rule of dashes, then one line per row.
    /// Columns with no value in any row are left out.
    public func render(indent: String = "  ") -> String {
        let kept = headers.indices.filter { column in rows.contains { column < $0.count && !$0[column].isEmpty } }
        let rightAligned = Set(kept.enumerated().filter { self.rightAligned.contains($0.element) }.map(\.offset))
        let cells = ([headers] + rows).map { row in
            kept.map { index in clip(index < row.count ? row[index] : "") }
        }
        guard !kept.isEmpty else { return "" }
        let widths = kept.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            let padded = row.enumerated().map { column, cell in
                let fill = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? fill + cell : cell + fill
            }
            return indent + padded.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [line(cells[0]), indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += cells.dropFirst().map(line)
        return lines.joined(separator: "\n")
    }

    private func clip(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= maxWidth ? flat : String(flat.prefix(maxWidth - 1)) + "…"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
