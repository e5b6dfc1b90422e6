import Foundation

/// One section of a shop's policies ("Returns and refunds", "Shipping"…), written by the owner in
/// Markdown. Shoppers' policy questions are answered from these, and from nothing else.
public struct PolicySection: Sendable, Hashable, Codable {
    /// The section's key in its store: lowercase letters, digits and hyphens ("returns").
    public var slug: String
    public var title: String
    /// Markdown: paragraphs and bullet lists.
    public var body: String
    public var updatedAt: Date

    public init(slug: String, title: String, body: String, updatedAt: Date) {
        self.slug = slug
        self.title = title
        self.body = body
        self.updatedAt = updatedAt
    }

    /// The bounds a section is held to, whether it comes from a file, REST or the console.
    public enum Limits {
        public static let slugLength = 64
        public static let titleLength = 120
        /// About ten pages of text; a policy longer than that is several sections.
        public static let bodyLength = 20_000
        public static let sectionsPerStore = 100
    }

    /// Why a section cannot be saved, per field, or nil when it can.
    public static func problems(slug: String, title: String, body: String) -> [String: String]? {
        var problems: [String: String] = [:]
        if !isSlug(slug) {
            problems["slug"] = "must be 1 to \(Limits.slugLength) lowercase letters, digits or hyphens, starting with a letter or digit"
        }
        let trimmedTitle = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmedTitle.isEmpty || trimmedTitle.count > Limits.titleLength || trimmedTitle.contains("\n") {
            problems["title"] = "must be one line of 1 to \(Limits.titleLength) characters"
        }
        let trimmedBody = body.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmedBody.isEmpty || body.count > Limits.bodyLength {
            problems["body"] = "must have some text and at most \(Limits.bodyLength) characters"
        }
        if body.unicodeScalars.contains(where: { $0.value == 0 }) { problems["body"] = "must not contain NUL characters" }
        return problems.isEmpty ? nil : problems
    }

    /// Whether `slug` is a valid section key.
    public static func isSlug(_ slug: String) -> Bool {
        guard let first = slug.unicodeScalars.first, slug.unicodeScalars.count <= Limits.slugLength else { return false }
        func allowed(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" }
        return first != "-" && slug.unicodeScalars.allSatisfy(allowed)
    }

    /// A key made from a title or file name: "Returns & refunds" → "returns-refunds".
    public static func slug(from text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().folding(options: .diacriticInsensitive, locale: nil).unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return String(slug.prefix(Limits.slugLength)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}

/// Where a shop's policies are kept. Every call is scoped to one store.
public protocol PolicyStore: Sendable {
    /// The store's sections, in the order the owner gave them.
    func policies(storeID: Int64) async throws -> [PolicySection]
    /// Creates or replaces the section `section.slug`; returns whether it was new. Saving the same
    /// text twice changes nothing but `updatedAt`, so a retried request is harmless.
    @discardableResult
    func savePolicy(_ section: PolicySection, storeID: Int64) async throws -> Bool
    /// Deletes the section `slug`; false when the store has none.
    func deletePolicy(slug: String, storeID: Int64) async throws -> Bool
}

/// A store already has as many sections as `PolicySection.Limits.sectionsPerStore`.
public struct TooManyPolicySections: Error, Sendable, CustomStringConvertible {
    public init() {}
    public var description: String { "A store keeps at most \(PolicySection.Limits.sectionsPerStore) policy sections." }
}
