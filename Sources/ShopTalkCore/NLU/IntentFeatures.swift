import Foundation

/// Turns a message into a sparse, hashed feature vector: word unigrams and bigrams, character 3–5-grams
/// inside word boundaries (which is what makes "hedphones" look like "headphones"), and the types of the
/// entities found in it. Features are hashed with FNV-1a into `dimension` buckets, so extraction allocates
/// no strings and the model needs no vocabulary table.
public struct IntentFeatures: Sendable {
    /// A sparse vector: sorted bucket indices with their values.
    public struct Vector: Sendable {
        public var indices: [Int32]
        public var values: [Float]
    }

    public static let dimension = 1 << 18

    public init() {}

    /// Raw feature counts of `text` (before TF-IDF weighting).
    public func counts(_ text: String, entityTypes: [String]) -> Vector {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(text.utf8.count * 4 + 16)
        let words = Self.words(text)
        var previous: UInt64 = Self.fnv(Self.seedBigram, [0x3C, 0x73, 0x3E])  // <s>
        for word in words {
            let unigram = Self.fnv(Self.seedWord, word)
            hashes.append(unigram)
            hashes.append(Self.mix(previous, unigram))
            previous = unigram
            // Character n-grams of "<word>".
            var padded: [UInt8] = [0x3C]
            padded.append(contentsOf: word)
            padded.append(0x3E)
            for n in 3...5 where padded.count >= n {
                for start in 0...(padded.count - n) {
                    hashes.append(Self.fnv(Self.seedChar &+ UInt64(n), padded[start..<(start + n)]))
                }
            }
        }
        if !words.isEmpty {
            hashes.append(Self.mix(previous, Self.fnv(Self.seedBigram, [0x3C, 0x2F, 0x73, 0x3E])))  // </s>
        }
        for type in entityTypes {
            hashes.append(Self.fnv(Self.seedEntity, Array(type.utf8)))
        }
        var indices = hashes.map { Int32(truncatingIfNeeded: $0 % UInt64(Self.dimension)) }
        indices.sort()
        var vector = Vector(indices: [], values: [])
        vector.indices.reserveCapacity(indices.count)
        vector.values.reserveCapacity(indices.count)
        for index in indices {
            if vector.indices.last == index {
                vector.values[vector.values.count - 1] += 1
            } else {
                vector.indices.append(index)
                vector.values.append(1)
            }
        }
        return vector
    }

    /// Lowercased words: runs of letters and digits, apostrophes dropped ("what's" → "whats"), digits
    /// folded to 0 so that "under 50" and "under 80" share features.
    static func words(_ text: String) -> [[UInt8]] {
        let lowered = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.lowercased()
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in lowered.utf8 {
            switch byte {
            case 0x41...0x5A: current.append(byte + 0x20)
            case 0x61...0x7A, 0x80...0xFF: current.append(byte)
            case 0x30...0x39: current.append(0x30)
            case 0x27: continue
            default:
                if !current.isEmpty {
                    words.append(current)
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static let seedWord: UInt64 = 0x77
    static let seedBigram: UInt64 = 0x62
    static let seedChar: UInt64 = 0x63
    static let seedEntity: UInt64 = 0x65

    static func fnv<Bytes: Sequence>(_ seed: UInt64, _ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ (seed &* 0x100_0000_01B3)
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01B3
        }
        return hash
    }

    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var hash = a ^ (b &+ 0x9E37_79B9_7F4A_7C15 &+ (a << 6) &+ (a >> 2))
        hash = (hash ^ (hash >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        return hash ^ (hash >> 33)
    }
}
