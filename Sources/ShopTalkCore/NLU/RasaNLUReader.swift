import Foundation
import Yams

/// Reads training data in Rasa's NLU YAML format (version 3.x): `nlu:` items with `intent:`,
/// `synonym:`, `regex:` or `lookup:` and their `examples`, either as a `|` block of `- ` lines or as a
/// list of `text:` entries. Inline annotations `[text](entity)`, `[text](entity:value)` and
/// `[text]{"entity": "…", "value": "…"}` are understood. Other top-level keys of a Rasa project
/// (`rules`, `stories`, `responses`…) are ignored, so a Rasa project's nlu.yml loads unchanged.
public enum RasaNLUReader {
    /// Reads every `.yml`/`.yaml` file of `directory`, in name order.
    public static func load(directory: String) throws -> NLUTrainingData {
        let url = URL(fileURLWithPath: directory)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            throw NLUDataError(file: directory, line: 0, reason: "cannot read the training folder: \(error.localizedDescription)")
        }
        var data = NLUTrainingData()
        for name in names.sorted() where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
            data.merge(try load(file: url.appendingPathComponent(name).path))
        }
        guard !data.examples.isEmpty else {
            throw NLUDataError(file: directory, line: 0, reason: "no intent examples found in any .yml file")
        }
        // The sentence encoder distilled from MiniLM, carried in the folder's `encoder/`.
        do {
            data.encoder = try StaticEncoder.load(directory: url.appendingPathComponent("encoder").path)
        } catch {
            throw NLUDataError(file: url.appendingPathComponent("encoder").path, line: 0, reason: "\(error)")
        }
        return data
    }

    /// Reads one file.
    public static func load(file: String) throws -> NLUTrainingData {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw NLUDataError(file: file, line: 0, reason: "cannot read the file as UTF-8 text")
        }
        return try parse(text, file: file)
    }

    /// Parses the YAML text of one file; `file` names it in errors.
    public static func parse(_ yaml: String, file: String) throws -> NLUTrainingData {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw NLUDataError(file: file, line: line(of: error), reason: "invalid YAML: \(reason(of: error))")
        }
        var data = NLUTrainingData()
        guard let root else { return data }
        guard let top = root.mapping else {
            throw NLUDataError(file: file, line: lineOf(root), reason: "expected a mapping with an `nlu:` key at the top level")
        }
        guard let nlu = top["nlu"] else { return data }
        guard let items = nlu.sequence else {
            throw NLUDataError(file: file, line: lineOf(nlu), reason: "`nlu:` must be a list of items")
        }
        for item in items {
            guard let fields = item.mapping else {
                throw NLUDataError(file: file, line: lineOf(item), reason: "each `nlu:` item must be a mapping with intent, synonym, regex or lookup")
            }
            let kinds = ["intent", "synonym", "regex", "lookup"].filter { fields[$0] != nil }
            guard kinds.count == 1, let kind = kinds.first, let name = fields[kind]?.string, !name.isEmpty else {
                throw NLUDataError(file: file, line: lineOf(item), reason: "an `nlu:` item needs exactly one of intent, synonym, regex or lookup, with a name")
            }
            guard let examplesNode = fields["examples"] else {
                throw NLUDataError(file: file, line: lineOf(item), reason: "\(kind) `\(name)` has no `examples`")
            }
            let lines = try exampleLines(examplesNode, file: file)
            switch kind {
            case "intent":
                // A generated block names its template (`metadata: {template: …}`), so that evaluation can
                // keep each template's examples in one fold.
                let template = fields["metadata"]?.mapping?["template"]?.string
                for (text, lineNumber) in lines {
                    let (plain, spans) = try annotations(in: text, file: file, line: lineNumber)
                    data.examples.append(LabeledExample(text: plain, intent: name, spans: spans, template: template))
                }
            case "synonym":
                for (text, _) in lines { data.synonyms[text.lowercased()] = name }
            case "regex":
                data.regexes[name, default: []] += lines.map(\.0)
            default:
                data.lookups[name, default: []] += lines.map(\.0)
            }
        }
        return data
    }

    /// The example lines of an `examples:` value, with their line numbers.
    private static func exampleLines(_ node: Node, file: String) throws -> [(String, Int)] {
        if let sequence = node.sequence {
            // Rasa's long form: a list of `text:` entries (with optional metadata).
            return try sequence.map { entry in
                guard let text = entry.mapping?["text"]?.string ?? entry.string else {
                    throw NLUDataError(file: file, line: lineOf(entry), reason: "each example entry needs a `text:`")
                }
                return (text.trimmingCharacters(in: .whitespacesAndNewlines), lineOf(entry))
            }
        }
        guard let block = node.string else {
            throw NLUDataError(file: file, line: lineOf(node), reason: "`examples` must be a `|` block of `- ` lines")
        }
        // A `|` block starts on the line after `examples: |`.
        let firstLine = lineOf(node) + (node.scalar?.style == .literal || node.scalar?.style == .folded ? 1 : 0)
        var result: [(String, Int)] = []
        for (offset, raw) in block.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard trimmed.hasPrefix("-") else {
                throw NLUDataError(file: file, line: firstLine + offset, reason: "an example line must start with `- `, found `\(trimmed.prefix(40))`")
            }
            let text = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { result.append((text, firstLine + offset)) }
        }
        return result
    }

    /// Removes inline entity annotations from `text`, returning the plain text and the spans.
    static func annotations(in text: String, file: String, line: Int) throws -> (String, [LabeledExample.Span]) {
        var plain = ""
        var spans: [LabeledExample.Span] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "[") {
            plain += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "]") else {
                throw NLUDataError(file: file, line: line, reason: "unclosed `[` in example `\(text)`")
            }
            let inner = String(rest[rest.index(after: open)..<close])
            let after = rest[rest.index(after: close)...]
            var entity: String
            var value = inner
            let consumedEnd: Substring.Index
            if after.first == "(" {
                guard let end = after.firstIndex(of: ")") else {
                    throw NLUDataError(file: file, line: line, reason: "unclosed `(` after `[\(inner)]`")
                }
                let label = after[after.index(after: after.startIndex)..<end]
                let parts = label.split(separator: ":", maxSplits: 1).map(String.init)
                entity = parts.first ?? ""
                if parts.count == 2 { value = parts[1] }
                consumedEnd = after.index(after: end)
            } else if after.first == "{" {
                guard let end = after.firstIndex(of: "}") else {
                    throw NLUDataError(file: file, line: line, reason: "unclosed `{` after `[\(inner)]`")
                }
                let json = String(after[after.startIndex...end])
                guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)),
                      let name = object["entity"]?.stringValue
                else {
                    throw NLUDataError(file: file, line: line, reason: "entity annotation `\(json)` must be JSON with an \"entity\" string")
                }
                entity = name
                if let given = object["value"]?.stringValue { value = given }
                consumedEnd = after.index(after: end)
            } else {
                // A bracket that is not an annotation is kept as text.
                plain += rest[open...close]
                rest = rest[rest.index(after: close)...]
                continue
            }
            guard !entity.isEmpty else {
                throw NLUDataError(file: file, line: line, reason: "empty entity name after `[\(inner)]`")
            }
            let start = plain.unicodeScalars.count
            plain += inner
            spans.append(.init(entity: entity, value: value, start: start, end: plain.unicodeScalars.count))
            rest = rest[consumedEnd...]
        }
        plain += rest
        return (plain, spans)
    }

    private static func lineOf(_ node: Node) -> Int {
        node.mark?.line ?? 0
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return 0
        }
    }

    private static func reason(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}
