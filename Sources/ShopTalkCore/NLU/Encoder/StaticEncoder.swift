import Foundation
import ShopTalkNumerics

/// Sentence vectors from static per-token vectors distilled from all-MiniLM-L6-v2 (model2vec's method,
/// made by `Scripts/nlu/distil_encoder.py`): a message's vector is the mean of its WordPiece tokens'
/// vectors, scaled to unit length. Inference is a table lookup and an average.
public struct StaticEncoder: Sendable {
    public let tokenizer: WordPieceTokenizer
    public let dimensions: Int
    /// Per token: the scale of its int8 row.
    let scales: [Float]
    /// Token rows, `dimensions` int8 values each.
    let values: [Int8]

    /// The files in an intents folder's `encoder/` folder.
    public static let vectorsFile = "static-minilm-256.bin"
    public static let vocabularyFile = "vocab.txt"

    public struct LoadError: Error, CustomStringConvertible {
        public let file: String
        public let reason: String
        public var description: String { "\(file): \(reason)" }
    }

    /// The encoder in `directory` (an intents folder's `encoder/`), or nil when it has none.
    public static func load(directory: String) throws -> StaticEncoder? {
        let vectors = (directory as NSString).appendingPathComponent(vectorsFile)
        let vocabulary = (directory as NSString).appendingPathComponent(vocabularyFile)
        guard FileManager.default.fileExists(atPath: vectors) else { return nil }
        guard let tokens = try? String(contentsOfFile: vocabulary, encoding: .utf8) else {
            throw LoadError(file: vocabulary, reason: "cannot read the vocabulary next to \(vectorsFile)")
        }
        var lines = tokens.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.trimmingCharacters(in: .init(charactersIn: "\r"))) }
        if lines.last == "" { lines.removeLast() }
        let data = try Data(contentsOf: URL(fileURLWithPath: vectors))
        return try StaticEncoder(tokens: lines, data: data, file: vectors)
    }

    /// Reads the `STE1` format: magic, UInt32 token count N, UInt32 dimensions D, N Float32 scales,
    /// N × D Int8 values, all little-endian.
    init(tokens: [String], data: Data, file: String) throws {
        let bytes = [UInt8](data)
        func uint32(at offset: Int) -> Int {
            Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
        }
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("STE1".utf8) else {
            throw LoadError(file: file, reason: "not a static encoder file (no STE1 header)")
        }
        let count = uint32(at: 4)
        let dimensions = uint32(at: 8)
        guard count == tokens.count, dimensions > 0, dimensions <= 4096,
              bytes.count == 12 + count * 4 + count * dimensions
        else {
            throw LoadError(file: file, reason: "\(count) tokens of \(dimensions) dimensions do not match the file's size or the vocabulary's \(tokens.count) tokens")
        }
        var scales = [Float](repeating: 0, count: count)
        for index in 0..<count {
            scales[index] = Float(bitPattern: UInt32(truncatingIfNeeded: uint32(at: 12 + index * 4)))
        }
        let start = 12 + count * 4
        self.values = bytes[start...].map { Int8(bitPattern: $0) }
        self.scales = scales
        self.dimensions = dimensions
        self.tokenizer = WordPieceTokenizer(tokens: tokens)
    }

    /// The unit-length mean of `text`'s token vectors; zeros when it has no known token.
    public func embed(_ text: String) -> [Float] {
        let ids = tokenizer.encode(text).filter { $0 != tokenizer.unknown }
        let (sum, used) = SoftmaxKernels.sumRows(values: values, scales: scales, rows: ids, dimensions: dimensions)
        guard used > 0 else { return sum }
        var norm: Float = 0
        for value in sum { norm += value * value }
        guard norm > 0 else { return sum }
        let inverse = 1 / norm.squareRoot()
        return sum.map { $0 * inverse }
    }
}
