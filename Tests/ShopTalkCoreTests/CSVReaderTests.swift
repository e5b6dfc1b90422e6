@testable import ShopTalkCore
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
    @Test func aRowThatIsNotUTF8IsReportedAndTheRestAreRead() {
        let bytes = Array("a,b\n1,ok\n".utf8) + [0x32, 0x2C, 0xFF, 0xFE, 0x0A] + Array("3,fine\n".utf8)
        let records = Array(CSVReader(bytes: bytes))
        #expect(records.count == 4)
        #expect(records[1].fields == ["1", "ok"])
        #expect(records[2].problem == "field 2 is not valid UTF-8")
        #expect(records[2].line == 3)
        #expect(records[3].fields == ["3", "fine"] && records[3].problem == nil)
    }

    @Test func aNulByteIsReportedNotTruncated() {
        let records = Array(CSVReader(bytes: Array("a,b\n1,x".utf8) + [0] + Array("y\n2,z\n".utf8)))
        #expect(records[1].problem == "field 2 contains a NUL byte")
        #expect(records[2].fields == ["2", "z"])
    }

    @Test func aHugeFieldIsCappedAndReportedWithoutBeingHeld() {
        let huge = String(repeating: "x", count: 200_000)
        let records = Array(CSVReader(bytes: Array("a,b\n1,\(huge)\n2,ok\n".utf8), maxFieldBytes: 1_000, maxRecordBytes: 500_000))
        #expect(records[1].problem == "field 2 is 200000 bytes long; the limit is 1000")
        #expect(records[2].fields == ["2", "ok"])
        let long = Array(CSVReader(bytes: Array("a\n\(String(repeating: "y,", count: 600))\n".utf8), maxFieldBytes: 10, maxRecordBytes: 1_000))
        #expect(long[1].problem == "the row is 1201 bytes long; the limit is 1000")
    }

    @Test func quotedFieldsAndLineNumbersStillWork() {
        let records = Array(CSVReader("name,notes\n\"Mug, blue\",\"two\nlines\"\nplain,\"say \"\"hi\"\"\"\n"))
        #expect(records[1].fields == ["Mug, blue", "two\nlines"])
        #expect(records[2].line == 4)
        #expect(records[2].fields == ["plain", "say \"hi\""])
    }
}
