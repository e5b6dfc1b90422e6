import Foundation
import ShopTalkCore

/// Latency samples and their summary, for the benchmarks' printed tables.
public struct LatencySample: Sendable {
    public private(set) var microseconds: [Double] = []

    public init() {}

    public mutating func record(_ duration: Duration) {
        record(microseconds: duration.inSeconds * 1e6)
    }

    public mutating func record(microseconds value: Double) {
        microseconds.append(value)
    }

    public func percentile(_ p: Double) -> Double {
        guard !microseconds.isEmpty else { return 0 }
        let sorted = microseconds.sorted()
        let index = min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[index]
    }

    public var count: Int { microseconds.count }
    public var total: Double { microseconds.reduce(0, +) }
}

/// Prints a table with aligned columns.
public func printTable(_ header: [String], _ rows: [[String]]) {
    let widths = header.indices.map { column in ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0 }
    func line(_ cells: [String]) -> String {
        zip(cells, widths).enumerated().map { index, pair in
            index == 0 ? pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0) : String(repeating: " ", count: pair.1 - pair.0.count) + pair.0
        }.joined(separator: "  ")
    }
    print(line(header))
    print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
    for row in rows { print(line(row)) }
}
