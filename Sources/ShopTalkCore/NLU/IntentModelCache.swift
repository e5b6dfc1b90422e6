import Foundation

/// Trained intent models kept on disk, so that a server restarted on the same training data starts in
/// a second instead of training again (about 45 s in a debug build on 2 cores).
///
/// A model is filed under a fingerprint of everything that shapes it: each training sample as the
/// trainer sees it (after entity extraction and delexicalisation, so a change to the extractor changes
/// the fingerprint), the n-gram features of a sample of them (a change to the features does too), the
/// sentence encoder's output for a probe, the trainer's settings and this file format. Training is
/// deterministic, so a cached model is the model training would make. A file that cannot be read is
/// ignored and replaced.
public struct IntentModelCache: Sendable {
    public let directory: String

    static let magic = "SHOPTALK-INTENT-MODEL 1\n"

    public init(directory: String) {
        self.directory = directory
    }

    /// The user's cache folder for ShopTalk: `$XDG_CACHE_HOME/shoptalk`, else `$HOME/.cache/shoptalk`.
    public static var userFolder: String? {
        let environment = ProcessInfo.processInfo.environment
        if let base = environment["XDG_CACHE_HOME"], !base.isEmpty { return (base as NSString).appendingPathComponent("shoptalk") }
        if let home = environment["HOME"], !home.isEmpty { return (home as NSString).appendingPathComponent(".cache/shoptalk") }
        return nil
    }

    /// The cache in the user's cache folder, if there is one.
    public static var user: IntentModelCache? { userFolder.map(IntentModelCache.init(directory:)) }

    /// The fingerprint of training `samples` with `trainer` and `encoder`: 16 hex digits of FNV-1a.
    static func fingerprint(_ samples: [IntentTrainer.Sample], trainer: IntentTrainer, encoder: StaticEncoder?) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            hash = (hash ^ 0xff) &* 0x0000_0100_0000_01b3
        }
        mix(magic)
        mix("\(trainer.epochs) \(trainer.learningRate) \(trainer.l2) \(trainer.seed) \(trainer.denseScale) \(trainer.outOfScopeOffset)")
        for sample in samples {
            mix(sample.intent); mix(sample.text); mix(sample.raw); mix(sample.entityTypes.joined(separator: ","))
        }
        let features = IntentFeatures()
        for sample in samples.prefix(64) {
            let vector = features.counts(sample.text, entityTypes: sample.entityTypes)
            mix(vector.indices.map(String.init).joined(separator: ","))
            mix(vector.values.map { String($0) }.joined(separator: ","))
        }
        if let encoder {
            mix("\(encoder.dimensions) " + encoder.embed("where is my order for the blue running shoes").map { String($0) }.joined(separator: ","))
        }
        return String(hash, radix: 16)
    }

    func path(_ fingerprint: String) -> String {
        (directory as NSString).appendingPathComponent("intent-model-\(fingerprint).bin")
    }

    private struct Header: Codable {
        var labels: [String]
        var idf: Int
        var weights: Int
        var bias: Int
        var denseScale: Float
    }

    /// The model filed under `fingerprint`, or nil when there is none or it cannot be read.
    func load(_ fingerprint: String, encoder: StaticEncoder?) -> IntentModel? {
        guard let data = FileManager.default.contents(atPath: path(fingerprint)) else { return nil }
        let magic = Data(Self.magic.utf8)
        guard data.count > magic.count, data.prefix(magic.count) == magic,
              let newline = data[magic.count...].firstIndex(of: 0x0A),
              let header = try? JSONDecoder().decode(Header.self, from: data[magic.count..<newline])
        else { return nil }
        let counts = [header.idf, header.weights, header.bias]
        let body = data[(newline + 1)...]
        guard counts.allSatisfy({ $0 >= 0 && $0 <= 1 << 28 }), body.count == counts.reduce(0, +) * 4,
              header.bias == header.labels.count, header.idf == IntentFeatures.dimension,
              header.weights == (header.idf + (encoder?.dimensions ?? 0)) * header.labels.count
        else { return nil }
        var floats = [Float](repeating: 0, count: body.count / 4)
        floats.withUnsafeMutableBytes { _ = body.copyBytes(to: $0) }
        for index in floats.indices { floats[index] = Float(bitPattern: UInt32(littleEndian: floats[index].bitPattern)) }
        let idf = Array(floats[0..<header.idf])
        let weights = Array(floats[header.idf..<(header.idf + header.weights)])
        let bias = Array(floats[(header.idf + header.weights)...])
        return IntentModel(labels: header.labels, idf: idf, weights: weights, bias: bias, encoder: encoder, denseScale: header.denseScale)
    }

    /// Files `model` under `fingerprint`, atomically; a cache that cannot be written is only slower.
    func store(_ model: IntentModel, fingerprint: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let header = Header(labels: model.labels, idf: model.idf.count, weights: model.weights.count, bias: model.bias.count, denseScale: model.denseScale)
        var data = Data(Self.magic.utf8)
        data.append(try JSONEncoder().encode(header))
        data.append(0x0A)
        for array in [model.idf, model.weights, model.bias] {
            let littleEndian = array.map { $0.bitPattern.littleEndian }
            littleEndian.withUnsafeBytes { data.append(contentsOf: $0) }
        }
        try data.write(to: URL(fileURLWithPath: path(fingerprint)), options: .atomic)
    }
}
