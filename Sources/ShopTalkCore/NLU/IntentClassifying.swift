/// Assigns an intent to a message, given the entities already found in it. The trained classifier
/// implements it; the keyword classifier is the baseline it is measured against.
public protocol IntentClassifying: Sendable {
    func classify(_ text: String, entities: [Entity]) -> Intent
}
