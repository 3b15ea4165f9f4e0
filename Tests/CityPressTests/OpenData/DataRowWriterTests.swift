import Testing
@testable import CityPressLoad
@testable import CityPressRender

/// The cells of open-data rows, byte for byte in both formats: what `DataTable` writes every table with.
@Suite struct DataRowWriterTests {
    static let columns = (1...8).map { OpenDataset.Column("c\($0)", .text, .columnItsName) }

    /// One row written by `write` in `format`, with URLs starting at `base`.
    static func row(_ format: OpenDataFormat, base: String = "https://example.org/",
                    _ write: (inout DataRowWriter) -> Void) -> String {
        var cells = DataRowWriter(format: format, columns: columns, base: base)
        cells.startRow()
        write(&cells)
        cells.endRow()
        return String(decoding: cells.bytes, as: UTF8.self)
    }

    static func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(iso: text)) }

    @Test func textsAreQuotedInCSVOnlyWhenTheyMustBeAndEscapedInJSON() {
        let write: (inout DataRowWriter) -> Void = { cells in
            cells.text("plain")
            cells.text("a, b")
            cells.text("say \"hi\"")
            cells.text("two\nlines")
            cells.text("<b>")
            cells.optionalText(nil)
        }
        #expect(Self.row(.csv, write) == "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",<b>,\r\n")
        #expect(Self.row(.json, write)
                == #"{"c1": "plain", "c2": "a, b", "c3": "say \"hi\"", "c4": "two\nlines", "c5": "\u003cb>", "c6": null}"#)
    }

    @Test func numbersDatesAndListsAreWrittenAsTheTablesPublishThem() throws {
        let early = try Self.date("0987-01-05")
        let write: (inout DataRowWriter) -> Void = { cells in
            cells.integer(-42)
            cells.date(early)
            cells.optionalDate(nil)
            cells.texts(["the-hague-2022", "new-york-2023"])
            cells.texts([String]())
            cells.integers([1, 12])
        }
        #expect(Self.row(.csv, write) == "-42,0987-01-05,,the-hague-2022 new-york-2023,,1 12\r\n")
        #expect(Self.row(.json, write)
                == #"{"c1": -42, "c2": "0987-01-05", "c3": null, "c4": ["the-hague-2022", "new-york-2023"], "c5": [], "c6": [1, 12]}"#)
        #expect(early.description == "0987-01-05")
    }

    @Test func rowsOfGroupsAreFoundInTheirGroupEmptyGroupsSkipped() {
        let groups = RowGroups([2, 0, 3, 0])
        #expect(groups.rowCount == 5)
        #expect((0..<5).map { groups.locate($0) }.map { [$0.group, $0.position] } == [[0, 0], [0, 1], [2, 0], [2, 1], [2, 2]])
        #expect(RowGroups([]).rowCount == 0)
    }

    @Test func aListIsQuotedWholeWhenOneOfItsTextsNeedsIt() {
        #expect(Self.row(.csv) { $0.texts(["a", "b,c", "d\"e"]) } == "\"a b,c d\"\"e\"\r\n")
    }

    @Test func urlsStartWithTheBaseAndAreQuotedWhenEitherPartNeedsIt() {
        #expect(Self.row(.csv) { $0.url(Route("cities/oslo/")) } == "https://example.org/cities/oslo/\r\n")
        #expect(Self.row(.csv, base: "https://example.org/a,b/") { $0.url(Route("x/")) } == "\"https://example.org/a,b/x/\"\r\n")
        #expect(Self.row(.csv, base: "") { $0.url(Route("x,y/")) } == "\"x,y/\"\r\n")
        #expect(Self.row(.json, base: "") { $0.url(Route("cities/oslo/")) } == #"{"c1": "cities/oslo/"}"#)
    }

    @Test func reusedCellsAreCopiedOnlyAtTheColumnTheyWereWrittenAt() {
        var cells = DataRowWriter(format: .json, columns: Self.columns, base: "")
        var written = 0
        let city: (inout DataRowWriter) -> Void = { cells in
            written += 1
            cells.text("oslo")
            cells.text("Oslo")
        }
        for first in ["a", "b"] {
            cells.startRow()
            cells.text(first)
            cells.reused(3, city)
            cells.endRow()
        }
        // At another column the same key writes its cells again: their JSON keys differ.
        cells.startRow()
        cells.reused(3, city)
        cells.endRow()
        cells.startRow()
        cells.text("c")
        cells.reused(3, city)
        cells.endRow()
        #expect(written == 3)
        #expect(String(decoding: cells.bytes, as: UTF8.self) == #"{"c1": "a", "c2": "oslo", "c3": "Oslo"}"#
                + #"{"c1": "b", "c2": "oslo", "c3": "Oslo"}"# + #"{"c1": "oslo", "c2": "Oslo"}"# + #"{"c1": "c", "c2": "oslo", "c3": "Oslo"}"#)
    }

    @Test func jsonCellsPastTheLastColumnAreLeftOutAndAnEmptyRowIsAnEmptyObject() {
        var cells = DataRowWriter(format: .json, columns: Array(Self.columns.prefix(1)), base: "")
        cells.startRow()
        cells.text("kept")
        cells.text("dropped")
        cells.endRow()
        cells.startRow()
        cells.endRow()
        #expect(String(decoding: cells.bytes, as: UTF8.self) == #"{"c1": "kept"}{}"#)
    }

    @Test func aTableWritesItsHeaderRowsAndWhereEachRowIs() {
        let table = DataTable(.countries, rowCount: 2, base: "") { row, cells in
            cells.text(row == 0 ? "no" : "pl")
            cells.text(row == 0 ? "Norway" : "Poland, Republic of")
            cells.integer(row + 1)
            cells.url(Route("countries/\(row)/"))
        }
        #expect(String(decoding: table.csv(), as: UTF8.self)
                == "slug,name,city_count,url\r\nno,Norway,1,countries/0/\r\npl,\"Poland, Republic of\",2,countries/1/\r\n")
        var bytes: [UInt8] = []
        var rows: [Range<Int>] = []
        table.writeJSON(schema: "schema-v1.json", to: &bytes, rowRanges: &rows)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text == """
            {
            "schema": "schema-v1.json",
            "version": 1,
            "dataset": "countries",
            "rows": [
            {"slug": "no", "name": "Norway", "city_count": 1, "url": "countries/0/"},
            {"slug": "pl", "name": "Poland, Republic of", "city_count": 2, "url": "countries/1/"}
            ]
            }

            """)
        #expect(rows.map { String(decoding: bytes[$0], as: UTF8.self) }
                == [#"{"slug": "no", "name": "Norway", "city_count": 1, "url": "countries/0/"}"#,
                    #"{"slug": "pl", "name": "Poland, Republic of", "city_count": 2, "url": "countries/1/"}"#])
        #expect(String(decoding: DataTable(.countries, rowCount: 0, base: "") { _, _ in }.json(schema: "s"), as: UTF8.self)
                == "{\n\"schema\": \"s\",\n\"version\": 1,\n\"dataset\": \"countries\",\n\"rows\": []\n}\n")
    }
}
