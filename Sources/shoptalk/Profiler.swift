import Foundation

/// `perf record -e cpu-clock -g` on the server while the pipeline load runs, then the symbols with the
/// most samples (self time), so that a profile can be reproduced with one flag on any Linux machine.
struct Profiler {
    let record = Process()
    let data: String

    init(pid: Int32, seconds: Int, folder: String) throws {
        data = folder + "/perf.data"
        // Foundation's Process starts children with signals blocked, so perf never saw its workload exit
        // nor a SIGINT; Python unblocks them and then becomes perf.
        let perf = ["perf", "record", "-q", "--no-buildid", "--no-buildid-cache", "-e", "cpu-clock", "-g", "-p", "\(pid)", "-o", data,
                    "--", "sleep", "\(seconds)"]
        let quoted = perf.map { "'\($0)'" }.joined(separator: ", ")
        record.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        record.arguments = ["python3", "-c", """
            import os, signal
            signal.pthread_sigmask(signal.SIG_SETMASK, [])
            for number in (signal.SIGINT, signal.SIGCHLD, signal.SIGTERM): signal.signal(number, signal.SIG_DFL)
            os.execvp('perf', [\(quoted)])
            """]
        record.standardOutput = FileHandle.nullDevice
        record.standardError = FileHandle.nullDevice
        do { try record.run() } catch { throw BenchError("perf could not start (\(error)); install it with `apt-get install linux-perf`.") }
    }

    /// Waits for the recording to end and prints the top of `perf report`.
    func report(lines: Int = 30) throws {
        let deadline = Date().addingTimeInterval(120)
        while record.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        if record.isRunning {
            record.terminate()
            throw BenchError("perf record did not finish within 2 minutes of the load; stopped it.")
        }
        guard FileManager.default.fileExists(atPath: data) else {
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
            print("  " + line.replacingOccurrences(of: #"\s+-\s+-\s*$"#, with: "", options: .regularExpression))
        }
    }
}
