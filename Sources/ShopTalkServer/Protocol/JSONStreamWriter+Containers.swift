import Foundation

/// The `Encoder` that `JSONStreamWriter` hands to `encode(to:)`: one value's slot at a stack depth.
struct StreamEncoder: Encoder {
    let writer: JSONStreamWriter
    let level: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        writer.close(downTo: level)
        return KeyedEncodingContainer(KeyedStream<Key>(writer: writer, index: writer.openContainer(object: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.close(downTo: level)
        return UnkeyedStream(writer: writer, index: writer.openContainer(object: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleStream(writer: writer, level: level)
    }
}

/// An object's members, written as they are encoded.
struct KeyedStream<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONStreamWriter
    let index: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        writer.beginMember(key.stringValue, in: index)
        writer.writeNull()
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        writer.beginMember(key.stringValue, in: index)
        writer.writeBool(value)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        writer.beginMember(key.stringValue, in: index)
        writer.writeString(value)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        writer.beginMember(key.stringValue, in: index)
        writer.writeInteger(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        writer.beginMember(key.stringValue, in: index)
        try writer.writeDouble(value)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        writer.beginMember(key.stringValue, in: index)
        try writer.write(value, level: index + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        writer.beginMember(key.stringValue, in: index)
        return KeyedEncodingContainer(KeyedStream<NestedKey>(writer: writer, index: writer.openContainer(object: true)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.beginMember(key.stringValue, in: index)
        return UnkeyedStream(writer: writer, index: writer.openContainer(object: false))
    }

    mutating func superEncoder() -> any Encoder {
        writer.beginMember("super", in: index)
        return StreamEncoder(writer: writer, level: index + 1)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        writer.beginMember(key.stringValue, in: index)
        return StreamEncoder(writer: writer, level: index + 1)
    }
}

/// An array's elements, written as they are encoded.
struct UnkeyedStream: UnkeyedEncodingContainer {
    let writer: JSONStreamWriter
    let index: Int
    var codingPath: [any CodingKey] { [] }
    var count: Int { writer.count(of: index) }

    mutating func encodeNil() throws {
        writer.beginElement(in: index)
        writer.writeNull()
    }

    mutating func encode(_ value: String) throws {
        writer.beginElement(in: index)
        writer.writeString(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        writer.beginElement(in: index)
        try writer.write(value, level: index + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        writer.beginElement(in: index)
        return KeyedEncodingContainer(KeyedStream<NestedKey>(writer: writer, index: writer.openContainer(object: true)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.beginElement(in: index)
        return UnkeyedStream(writer: writer, index: writer.openContainer(object: false))
    }

    mutating func superEncoder() -> any Encoder {
        writer.beginElement(in: index)
        return StreamEncoder(writer: writer, level: index + 1)
    }
}

/// A single value written at its slot.
struct SingleStream: SingleValueEncodingContainer {
    let writer: JSONStreamWriter
    let level: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.writeNull() }
    mutating func encode(_ value: Bool) throws { writer.writeBool(value) }
    mutating func encode(_ value: String) throws { writer.writeString(value) }
    mutating func encode(_ value: Int) throws { writer.writeInteger(value) }
    mutating func encode(_ value: Int64) throws { writer.writeInteger(value) }
    mutating func encode(_ value: Double) throws { try writer.writeDouble(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try writer.write(value, level: level)
    }
}

// The remaining fixed-width overloads each protocol requires, all written as numbers.
extension KeyedStream {
    private mutating func number(_ value: some FixedWidthInteger, _ key: Key) {
        writer.beginMember(key.stringValue, in: index)
        writer.writeInteger(value)
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        writer.beginMember(key.stringValue, in: index)
        try writer.writeDouble(Double(value), text: value.description)
    }

    mutating func encode(_ value: Int8, forKey key: Key) throws { number(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { number(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { number(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { number(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { number(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { number(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { number(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { number(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { number(value, key) }
}

extension UnkeyedStream {
    private mutating func number(_ value: some FixedWidthInteger) {
        writer.beginElement(in: index)
        writer.writeInteger(value)
    }

    mutating func encode(_ value: Bool) throws {
        writer.beginElement(in: index)
        writer.writeBool(value)
    }

    mutating func encode(_ value: Double) throws {
        writer.beginElement(in: index)
        try writer.writeDouble(value)
    }

    mutating func encode(_ value: Float) throws {
        writer.beginElement(in: index)
        try writer.writeDouble(Double(value), text: value.description)
    }

    mutating func encode(_ value: Int) throws { number(value) }
    mutating func encode(_ value: Int8) throws { number(value) }
    mutating func encode(_ value: Int16) throws { number(value) }
    mutating func encode(_ value: Int32) throws { number(value) }
    mutating func encode(_ value: Int64) throws { number(value) }
    mutating func encode(_ value: UInt) throws { number(value) }
    mutating func encode(_ value: UInt8) throws { number(value) }
    mutating func encode(_ value: UInt16) throws { number(value) }
    mutating func encode(_ value: UInt32) throws { number(value) }
    mutating func encode(_ value: UInt64) throws { number(value) }
}

extension SingleStream {
    mutating func encode(_ value: Float) throws { try writer.writeDouble(Double(value), text: value.description) }
    mutating func encode(_ value: Int8) throws { writer.writeInteger(value) }
    mutating func encode(_ value: Int16) throws { writer.writeInteger(value) }
    mutating func encode(_ value: Int32) throws { writer.writeInteger(value) }
    mutating func encode(_ value: UInt) throws { writer.writeInteger(value) }
    mutating func encode(_ value: UInt8) throws { writer.writeInteger(value) }
    mutating func encode(_ value: UInt16) throws { writer.writeInteger(value) }
    mutating func encode(_ value: UInt32) throws { writer.writeInteger(value) }
    mutating func encode(_ value: UInt64) throws { writer.writeInteger(value) }
}
