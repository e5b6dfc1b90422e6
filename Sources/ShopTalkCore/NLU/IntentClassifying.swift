/// Assigns an intent to a message. The interim keyword classifier implements it until the trained
/// classifier of the NLU work replaces it; both remain useful, the keyword one as the baseline.
public protocol IntentClassifying: Sendable {
    func classify(_ tokens: [Token]) -> Intent
}
