import ArgumentParser
import Foundation
import ShopTalkCore

/// `shoptalk eval policies FILE [--policies DIR]`: how often a policy question finds its section.
struct EvalPolicies: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policies",
        abstract: "Score policy retrieval on labelled questions.",
        discussion: """
            FILE holds JSONL lines {"text": …, "section": slug or null}; null marks a question the policies do not
            answer, which should get no answer (a person is offered instead). Scores the demo store's policies
            unless --policies names a folder of Markdown sections.
            """
    )

    @Argument(help: "Labelled questions (.jsonl).")
    var file: String

    @Option(help: "A folder of policy Markdown files. [default: the demo store's]")
    var policies: String?

    @Option(help: "NLU training folder, whose encoder/ gives the sentence vectors. [env: SHOPTALK_INTENTS, default: ./Intents]")
    var intents: String?

    @Flag(help: "Match words only, without the sentence encoder.")
    var wordsOnly = false

    @Option(help: "Score below which a question gets no answer. [default: the server's]")
    var threshold: Double?

    func run() async throws {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw ValidationError("Cannot read \(file).") }
        let questions = try PolicyEvaluation.read(text, file: file)
        let sections: [PolicySection]
        if let policies {
            let read = try PolicyMarkdown.readFolder(policies, now: Date())
            for problem in read.problems { print("skipped: \(problem)") }
            sections = read.sections
        } else {
            sections = DemoPolicies.sections(now: Date())
        }
        guard !sections.isEmpty else { throw ValidationError("No policy sections to search.") }
        let directory = EnvironmentOptions.resolve(intents, "SHOPTALK_INTENTS", default: "./Intents")
        let encoder = wordsOnly ? nil : try StaticEncoder.load(directory: (directory as NSString).appendingPathComponent("encoder"))
        let index = PolicyIndex(sections: sections, encoder: encoder, threshold: threshold)
        let started = ContinuousClock.now
        let evaluation = PolicyEvaluation(questions: questions, index: index)
        let elapsed = ContinuousClock.now - started
        print("\(questions.count) questions from \(file) against \(sections.count) sections (\(encoder == nil ? "words only" : "words and MiniLM static vectors"), threshold \(index.threshold))")
        print(evaluation.report())
        print("\nper question, building the index included: \(elapsed / max(1, questions.count))")
    }
}
