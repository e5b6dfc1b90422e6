import Foundation

/// `perf record -e cpu-clock -g` on the server while the pipeline load runs, then the symbols with the
/// most samples (self time), so that a profile can be reproduced with one flag on any Linux machine.
struct Profiler {
    let record = Process()
    let data: String

    init(pid: Int32, seconds: Int, folder: String) throws {
        data = folder + "/perf.data"
        record.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // No build-id collection at the end: over a Swift release binary and its libraries it took minutes.
        record.arguments = ["perf", "record", "-q", "--no-buildid", "--no-buildid-cache", "-e", "cpu-clock", "-g", "-p", "\(pid)", "-o", data, "--", "sleep", "\(seconds)"]
        record.standardOutput = FileHandle.nullDevice
        record.standardError = FileHandle.nullDevice
        do { try record.run() } catch { throw BenchError("perf could not start (\(error)); install it with `apt-get install linux-perf`.") }
    }

    /// Waits for the recording to end and prints the top of `perf report`.
    func report(lines: Int = 30) throws {
        let deadline = Date().addingTimeInterval(120)
        while record.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        if record.isRunning {
            record.interrupt()
            throw BenchError("perf record did not finish within 2 minutes of the load; stopped it.")
        }
        guard record.terminationStatus == 0 else {
            throw BenchError("perf record exited with \(record.terminationStatus); it may need `sysctl kernel.perf_event_paranoid=1`.")
        }
        let report = Process()
        report.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        report.arguments = ["perf", "report", "-i", data, "--stdio", "--no-children", "-g", "none", "--sort", "symbol", "--percent-limit", "0.8"]
        let pipe = Pipe()
        report.standardOutput = pipe
        report.standardError = FileHandle.nullDevice
        try report.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        report.waitUntilExit()
        print("profile of the server under the pipeline load (perf, cpu-clock, self time):")
        for line in output.split(separator: "\n").filter({ !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }).prefix(lines) {
            print("  " + line)
        }
    }
}
