import HummingbirdWebSocket
import NIOCore
import NIOWebSocket
@testable import ShopTalkServer
import Testing

/// RFC 6455's rules for messages and frames that ShopTalk enforces itself (the conformance cases the
/// Autobahn test suite checks), as unit tests; the reliability suite checks them over raw sockets.
@Suite("WebSocket rules")
struct WebSocketRulesTests {
    /// A data frame's parts, as the assembler takes them.
    struct Part {
        let opcode: WebSocketDataFrame.Opcode
        let data: ByteBuffer
        let fin: Bool
    }

    func frame(_ opcode: WebSocketDataFrame.Opcode, _ bytes: [UInt8], fin: Bool = true) -> Part {
        Part(opcode: opcode, data: ByteBuffer(bytes: bytes), fin: fin)
    }

    @Test func invalidUTF8FailsOnTheFragmentThatBreaksIt() {
        var assembler = FrameAssembler(maxBytes: 1_000)
        guard case .incomplete = assembler.push(part: frame(.text, Array("κόσμε".utf8), fin: false)) else { Issue.record("valid start refused"); return }
        guard case .violation(let code, _) = assembler.push(part: frame(.continuation, [0xF4, 0x90, 0x80, 0x80], fin: false)) else {
            Issue.record("a code point past U+10FFFF was accepted"); return
        }
        #expect(code == .dataInconsistentWithMessage)
    }

    @Test(arguments: [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0xAF], [0xFF], [0xCE]] as [[UInt8]])
    func overlongFormsSurrogatesAndCutCharactersAreRefused(bytes: [UInt8]) {
        var assembler = FrameAssembler(maxBytes: 1_000)
        guard case .violation(let code, _) = assembler.push(part: frame(.text, Array("ok".utf8) + bytes)) else {
            Issue.record("\(bytes) was accepted"); return
        }
        #expect(code == .dataInconsistentWithMessage)
    }

    @Test func aCharacterSplitAcrossFragmentsIsFine() {
        var assembler = FrameAssembler(maxBytes: 1_000)
        let euro = Array("€".utf8)
        _ = assembler.push(part: frame(.text, [euro[0]], fin: false))
        _ = assembler.push(part: frame(.continuation, [euro[1]], fin: false))
        guard case .message(.text(let bytes)) = assembler.push(part: frame(.continuation, [euro[2]])) else { Issue.record("refused"); return }
        #expect(bytes == euro)
    }

    @Test func fragmentsOutOfOrderAreProtocolErrors() {
        var lone = FrameAssembler(maxBytes: 1_000)
        guard case .violation(.protocolError, _) = lone.push(part: frame(.continuation, [0x61])) else { Issue.record("lone continuation"); return }
        var interleaved = FrameAssembler(maxBytes: 1_000)
        _ = interleaved.push(part: frame(.text, [0x61], fin: false))
        guard case .violation(.protocolError, _) = interleaved.push(part: frame(.text, [0x62])) else { Issue.record("text inside text"); return }
        var mixed = FrameAssembler(maxBytes: 1_000)
        _ = mixed.push(part: frame(.text, [0x61], fin: false))
        guard case .violation(.protocolError, _) = mixed.push(part: frame(.binary, [0x62])) else { Issue.record("binary inside text"); return }
    }

    @Test func anOversizedMessageIsCountedNotHeld() {
        var assembler = FrameAssembler(maxBytes: 10)
        _ = assembler.push(part: frame(.text, Array(repeating: 0x61, count: 100), fin: false))
        for _ in 0..<8 { _ = assembler.push(part: frame(.continuation, Array(repeating: 0x61, count: 100), fin: false)) }
        guard case .message(.oversized(let bytes)) = assembler.push(part: frame(.continuation, Array(repeating: 0x61, count: 100))) else {
            Issue.record("not reported as oversized"); return
        }
        #expect(bytes == 1_000)
    }

    /// A frame header as a client would send it.
    func header(opcode: UInt8, rsv: UInt8 = 0, masked: Bool = true, length: Int) -> [UInt8] {
        var bytes: [UInt8] = [0x80 | rsv | opcode]
        let mask: UInt8 = masked ? 0x80 : 0
        if length < 126 {
            bytes.append(mask | UInt8(length))
        } else {
            bytes += [mask | 126, UInt8(length >> 8), UInt8(length & 0xFF)]
        }
        return bytes + (masked ? [1, 2, 3, 4] : [])
    }

    @Test func theScannerFindsUnmaskedFramesAndReservedBitsOnControlFrames() {
        var scanner = WebSocketFrameScanner()
        let good = header(opcode: 0x1, length: 300) + Array(repeating: 0, count: 300) + header(opcode: 0x9, length: 4) + [0, 0, 0, 0]
        // Fed a byte at a time, as TCP may deliver it.
        for byte in good {
            #expect(scanner.scan(ByteBuffer(bytes: [byte]).readableBytesView) == nil)
        }
        var unmasked = WebSocketFrameScanner()
        #expect(unmasked.scan(ByteBuffer(bytes: header(opcode: 0x1, masked: false, length: 2) + [0x68, 0x69]).readableBytesView)?.description == "client frame without a mask")
        var reserved = WebSocketFrameScanner()
        #expect(reserved.scan(ByteBuffer(bytes: header(opcode: 0x9, rsv: 0x40, length: 0)).readableBytesView)?.description == "control frame with reserved bits")
        var dataWithReserved = WebSocketFrameScanner()
        // RSV bits on data frames are the WebSocket layer's to judge (extensions use them).
        #expect(dataWithReserved.scan(ByteBuffer(bytes: header(opcode: 0x1, rsv: 0x40, length: 0)).readableBytesView) == nil)
    }
}

extension FrameAssembler {
    mutating func push(part: WebSocketRulesTests.Part) -> Outcome {
        push(opcode: part.opcode, data: part.data, fin: part.fin)
    }
}
