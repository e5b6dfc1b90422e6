import ArgumentParser
import Foundation
import Logging

/// Reads `SHOPTALK_*` environment variables: every option of the CLI can come from one. A value given
/// on the command line wins over the environment, which wins over the default.
enum EnvironmentOptions {
    static func string(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func resolve(_ option: String?, _ name: String, default value: String) -> String {
        option ?? string(name) ?? value
    }

    static func resolve<T: LosslessStringConvertible>(_ option: T?, _ name: String, default value: T) throws -> T {
        if let option { return option }
        guard let text = string(name) else { return value }
        guard let parsed = T(text) else {
            throw ValidationError("\(name)=\(text) is not a valid value.")
        }
        return parsed
    }

    /// An option with no default: the command line's, else the environment's, else nil.
    static func resolve<T: LosslessStringConvertible>(_ option: T?, _ name: String) throws -> T? {
        if let option { return option }
        guard let text = string(name) else { return nil }
        guard let parsed = T(text) else { throw ValidationError("\(name)=\(text) is not a valid value.") }
        return parsed
    }

    /// The root logger, writing to standard error at `level`.
    static func bootstrapLogging(level: String) throws -> Logger {
        guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
            throw ValidationError("Unknown log level \(level); use trace, debug, info, notice, warning, error or critical.")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = parsed
            return handler
        }
        var logger = Logger(label: "shoptalk")
        logger.logLevel = parsed
        return logger
    }
}
