import Foundation

/// Reads policies written as Markdown files in a folder: one file per section, or several sections in
/// one file, each starting with a `# Title` line. A file without a title line is one section titled
/// after the file's name.
public enum PolicyMarkdown {
    /// A file that could not be read, or a section in it that cannot be saved.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public let file: String
        public let reason: String
        public var description: String { "\(file): \(reason)" }

        public init(file: String, reason: String) {
            self.file = file
            self.reason = reason
        }
    }

    /// Files larger than this are refused rather than read: a policy folder holds prose, not data.
    public static let maxFileBytes = 256 * 1024

    /// The sections of every `.md` file in `directory`, in file-name order, and a report for each file
    /// or section that was left out. A slug met twice keeps the first and reports the second.
    public static func readFolder(_ directory: String, now: Date) throws -> (sections: [PolicySection], problems: [Problem]) {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
            .filter { $0.lowercased().hasSuffix(".md") }
            .sorted()
        var sections: [PolicySection] = []
        var problems: [Problem] = []
        var seen: Set<String> = []
        for name in names {
            let file = url.appendingPathComponent(name)
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            guard size <= maxFileBytes else {
                problems.append(Problem(file: name, reason: "is \(size) bytes; a policy file holds at most \(maxFileBytes)"))
                continue
            }
            guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
                problems.append(Problem(file: name, reason: "is not readable UTF-8 text"))
                continue
            }
            let (found, bad) = parse(text, fileName: name, now: now)
            problems += bad
            for section in found {
                guard seen.insert(section.slug).inserted else {
                    problems.append(Problem(file: name, reason: "a section \"\(section.slug)\" came earlier; this one is left out"))
                    continue
                }
                sections.append(section)
            }
        }
        return (sections, problems)
    }

    /// The sections in one Markdown text. `fileName` names the section when the text has no title, and
    /// gives its slug when the file holds exactly one section.
    public static func parse(_ text: String, fileName: String, now: Date) -> (sections: [PolicySection], problems: [Problem]) {
        let stem = (fileName as NSString).deletingPathExtension
        var parts: [(title: String?, lines: [Substring])] = [(nil, [])]
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# ") {
                parts.append((line.dropFirst(2).trimmingCharacters(in: .whitespaces), []))
            } else {
                parts[parts.count - 1].lines.append(line)
            }
        }
        // Text before the first title belongs to no section unless the file has no title at all.
        if parts.count > 1, parts[0].lines.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            parts.removeFirst()
        }
        var sections: [PolicySection] = []
        var problems: [Problem] = []
        for part in parts {
            let title = part.title ?? stem.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ").capitalized
            let slug = parts.count == 1 && PolicySection.isSlug(stem) ? stem : PolicySection.slug(from: title)
            let body = part.lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if let reasons = PolicySection.problems(slug: slug, title: title, body: body) {
                let why = reasons.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; ")
                problems.append(Problem(file: fileName, reason: "section \"\(title.prefix(60))\" is left out: \(why)"))
                continue
            }
            sections.append(PolicySection(slug: slug, title: title, body: body, updatedAt: now))
        }
        return (sections, problems)
    }
}

/// The policies the demo store ships with (`Demo/Policies/*.md`, bundled with ShopTalkCore).
public enum DemoPolicies {
    /// The demo store's sections; empty if the bundle has lost its folder (logged by the caller).
    public static func sections(now: Date) -> [PolicySection] {
        guard let folder = Bundle.module.url(forResource: "Policies", withExtension: nil) else { return [] }
        return (try? PolicyMarkdown.readFolder(folder.path, now: now).sections) ?? []
    }
}
