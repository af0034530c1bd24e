import Foundation
import PropertyBased
import Testing
@testable import StewardAWS

/// The page parser replaces JSONDecoder on the hot read of every pass, so it must read what
/// JSONDecoder reads, byte for byte of meaning: checked against JSONDecoder on generated pages
/// and on the escapes and layouts a hand-written parser gets wrong.
@Suite struct DynamoDBItemPageParserTests {
    static let alphabet = Array("aZ09 ./:-_\"\\\n\t\r\u{01}\u{1F}\u{7F}éß中😀\u{2028}{}[],")
    static func pick<T: Sendable>(_ values: [T]) -> Generator<T, Shrink.Integer<Int>> {
        Gen.int(in: 0...(values.count - 1)).map { values[$0] }
    }
    static let text = pick(alphabet).array(of: 0...12).map { String($0) }
    static let leaf = zip(Gen.int(in: 0...6), text, Gen.int(in: -1_000_000...1_000_000), Gen.bool, text.array(of: 0...3))
        .map { generated -> DynamoDBAttributeValue in
            let (kind, text, number, flag, strings) = generated
            switch kind {
            case 0: return .s(text)
            case 1: return .n(String(number))
            case 2: return .b(Data(text.utf8))
            case 3: return .bool(flag)
            case 4: return .null
            case 5: return .ss(strings)
            default: return .ns(strings.indices.map { String(number + $0) })
            }
        }
    static let nested = zip(Gen.int(in: 0...2), leaf, leaf.array(of: 0...3), zip(text, leaf).array(of: 0...3))
        .map { generated -> DynamoDBAttributeValue in
            let (kind, single, list, members) = generated
            switch kind {
            case 0: return single
            case 1: return .l(list)
            default: return .m(Dictionary(members, uniquingKeysWith: { first, _ in first }))
            }
        }
    static let item = zip(text, nested).array(of: 0...6).map { DynamoDBItem($0, uniquingKeysWith: { first, _ in first }) }
    static let page = zip(item.array(of: 0...5), item.optional(), Gen.int(in: 0...100))

    struct EncodablePage: Encodable {
        let Items: [DynamoDBItem]
        let LastEvaluatedKey: DynamoDBItem?
        let Count: Int
        let ScannedCount: Int
    }

    struct DecodablePage: Decodable {
        let Items: [DynamoDBItem]?
        let LastEvaluatedKey: DynamoDBItem?
    }

    @Test func readsWhatJSONDecoderReadsOnGeneratedPages() async throws {
        await propertyCheck(count: 400, input: Self.page) { generated in
            let (items, lastKey, count) = generated
            let body = try! JSONEncoder().encode(EncodablePage(Items: items, LastEvaluatedKey: lastKey, Count: count, ScannedCount: count + 1))
            let expected = try! JSONDecoder().decode(DecodablePage.self, from: body)
            let parsed = try? DynamoDBItemPageParser.parse(Array(body))
            #expect(parsed?.items == expected.Items ?? [], "\(String(decoding: body, as: UTF8.self))")
            #expect(parsed?.lastEvaluatedKey == expected.LastEvaluatedKey)
            #expect(parsed?.items == items, "and both read back what was written")
        }
    }

    @Test func readsEscapesSurrogatesWhitespaceAndSkipsUnknownMembers() throws {
        let body = #"""
         { "Count" : 2 , "ConsumedCapacity": {"TableName": "t", "CapacityUnits": 1.5e0, "Table": [null, true, false, -0.25]},
           "Items" : [ { "ip_address" : { "S" : "1.2.3.4\/32" } , "description": {"S": "caf\u00e9 \ud83d\ude00 \"q\" \\ \b\f\n\r\t"} },
                       {"n": {"N": "-12.5"}, "m": {"M": {"inner": {"L": [{"BOOL": false}, {"NULL": true}]}}}, "b": {"B": "aGk="}} ],
           "LastEvaluatedKey": null, "ScannedCount": 3 }
        """#
        let page = try DynamoDBItemPageParser.parse(Array(body.utf8))
        #expect(page.items.count == 2)
        #expect(page.items[0]["ip_address"] == .s("1.2.3.4/32"))
        #expect(page.items[0]["description"] == .s("café 😀 \"q\" \\ \u{08}\u{0C}\n\r\t"))
        #expect(page.items[1]["n"] == .n("-12.5"))
        #expect(page.items[1]["m"] == .m(["inner": .l([.bool(false), .null])]))
        #expect(page.items[1]["b"] == .b(Data("hi".utf8)))
        #expect(page.lastEvaluatedKey == nil)
        #expect(try DynamoDBItemPageParser.parse(Array(#"{}"#.utf8)).items.isEmpty)
        #expect(try DynamoDBItemPageParser.parse(Array(#"{"Items":null}"#.utf8)).items.isEmpty)
    }

    /// Each of these is refused by JSONDecoder too, but for two type keys, which JSONDecoder
    /// reads as whichever key it lists first (ambiguous), and a trailing comma, which it lets
    /// pass (not JSON): both refused here. The parser says where, never what the body held.
    @Test(arguments: [
        #"{"Items":[{"a":{"S":"x"}}]"#,                 // truncated
        #"{"Items":[{"a":{"S":"x","N":"1"}}]}"#,        // two type keys
        #"{"Items":[{"a":{"BS":["eA=="]}}]}"#,          // a type Steward does not know
        #"{"Items":[{"a":{}}]}"#,                       // no type key
        #"{"Items":[{"a":{"S":"\ud83d"}}]}"#,           // lone high surrogate
        #"{"Items":[{"a":{"S":"\ude00"}}]}"#,           // lone low surrogate
        "{\"Items\":[{\"a\":{\"S\":\"x\u{01}\"}}]}",    // raw control character
        #"{"Items":[{"a":{"S":"\x"}}]}"#,               // bad escape
        #"{"Items":[{"a":{"B":"***"}}]}"#,              // not base64
        #"{"Items":[]} trailing"#,                      // bytes after the body
        #"{"Items":[{"a":{"S":"x"}},]}"#,               // trailing comma
        #"{"Count": 1x}"#,                              // not a number
    ])
    func refusesWhatIsNotAPageOfItems(body: String) {
        #expect(throws: DynamoDBItemPageParser.Malformed.self) { try DynamoDBItemPageParser.parse(Array(body.utf8)) }
        if !body.contains(#""S":"x","N":"1""#), !body.contains(",]") {
            #expect(throws: (any Error).self, "JSONDecoder refuses it as well") {
                try JSONDecoder().decode(DecodablePage.self, from: Data(body.utf8))
            }
        }
    }

    @Test func refusesNestingDeeperThanItsLimit() {
        var value = #"{"S":"x"}"#
        for _ in 0..<80 { value = #"{"L":["# + value + "]}" }
        let body = #"{"Items":[{"deep":"# + value + "}]}"
        #expect(throws: DynamoDBItemPageParser.Malformed.self) { try DynamoDBItemPageParser.parse(Array(body.utf8)) }
    }
}
