import Foundation
@testable import StewardAWS
import Testing

/// The published AWS SigV4 test-suite vectors (aws-sig-v4-test-suite), with their fixed
/// date, keys, region and service. Each checks the canonical request, the string to sign
/// and the signature separately, so a failure says which stage is wrong.
@Suite("SigV4 test-suite vectors")
struct SigV4SignerTests {
    static let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let date = Date(timeIntervalSince1970: 1_440_938_160) // 20150830T123600Z
    static let signer = SigV4Signer(region: "us-east-1", service: "service")
    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    static let scope = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"

    struct Vector: Sendable, CustomTestStringConvertible {
        let name: String
        let method: String
        let path: String
        var query: [(String, String)] = []
        var headers: [(String, String)] = []
        var body = ""
        var sessionToken: String?
        let canonicalRequest: String
        let stringToSignHash: String
        let signature: String
        var testDescription: String { name }
    }

    static let vectors: [Vector] = [
        Vector(name: "get-vanilla", method: "GET", path: "/",
               canonicalRequest: "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(emptyHash)",
               stringToSignHash: "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
               signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        Vector(name: "get-vanilla-query-order-key-case", method: "GET", path: "/", query: [("Param2", "value2"), ("Param1", "value1")],
               canonicalRequest: "GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(emptyHash)",
               stringToSignHash: "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0",
               signature: "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
        Vector(name: "get-unreserved", method: "GET", path: "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
               canonicalRequest: "GET\n/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(emptyHash)",
               stringToSignHash: "6a968768eefaa713e2a6b16b589a8ea192661f098f37349f4e2c0082757446f9",
               signature: "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
        Vector(name: "get-utf8", method: "GET", path: "/\u{1234}",
               canonicalRequest: "GET\n/%E1%88%B4\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(emptyHash)",
               stringToSignHash: "2a0a97d02205e45ce2e994789806b19270cfbbb0921b278ccf58f5249ac42102",
               signature: "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
        Vector(name: "get-space", method: "GET", path: "/example space/",
               canonicalRequest: "GET\n/example%20space/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(emptyHash)",
               stringToSignHash: "63ee75631ed7234ae61b5f736dfc7754cdccfedbff4b5128a915706ee9390d86",
               signature: "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
        Vector(name: "get-vanilla-with-session-token", method: "GET", path: "/",
               sessionToken: "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267",
               canonicalRequest: "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\nx-amz-security-token:6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267\n\nhost;x-amz-date;x-amz-security-token\n\(emptyHash)",
               stringToSignHash: "067b36aa60031588cea4a4cde1f21215227a047690c72247f1d70b32fbbfad2b",
               signature: "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8"),
        Vector(name: "post-x-www-form-urlencoded", method: "POST", path: "/",
               headers: [("Content-Type", "application/x-www-form-urlencoded")], body: "Param1=value1",
               canonicalRequest: "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
               stringToSignHash: "42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281",
               signature: "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"),
    ]

    @Test("vector", arguments: vectors)
    func vector(_ vector: Vector) {
        var request = AWSHTTPRequest(
            method: vector.method,
            endpoint: AWSEndpoint(scheme: "https", host: "example.amazonaws.com", path: vector.path),
            query: vector.query,
            headers: AWSHTTPHeaders([("Host", "example.amazonaws.com")] + vector.headers),
            body: Array(vector.body.utf8)
        )
        let credentials = AWSCredentials(accessKeyID: Self.credentials.accessKeyID, secretAccessKey: Self.credentials.secretAccessKey, sessionToken: vector.sessionToken)
        let result = Self.signer.sign(&request, credentials: credentials, date: Self.date)
        #expect(result.canonicalRequest == vector.canonicalRequest)
        #expect(result.stringToSign == Self.scope + vector.stringToSignHash)
        #expect(result.signature == vector.signature)
        let signedHeaders = vector.sessionToken == nil ? (vector.headers.isEmpty ? "host;x-amz-date" : "content-type;host;x-amz-date") : "host;x-amz-date;x-amz-security-token"
        #expect(request.headers.value(for: "Authorization") == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=\(signedHeaders), Signature=\(vector.signature)")
        #expect(request.headers.value(for: "x-amz-date") == "20150830T123600Z")
    }

    @Test func headerValuesAreTrimmedAndRepeatedNamesJoined() {
        let headers = AWSHTTPHeaders([("My-Header1", "  value1  "), ("my-header1", "a   b   c"), ("Host", "example.amazonaws.com")])
        let (canonical, signed) = SigV4Signer.canonicalHeaders(headers)
        #expect(canonical == "host:example.amazonaws.com\nmy-header1:value1,a b c\n")
        #expect(signed == "host;my-header1")
    }

    @Test func queryEncodingIsRFC3986() {
        #expect(SigV4Encoding.encode("a b+c*~/é") == "a%20b%2Bc%2A~%2F%C3%A9")
        #expect(SigV4Encoding.canonicalQuery([("b", "2"), ("a", "z"), ("a", "y"), ("Filter.1.Value.1", "tag:x y")]) == "Filter.1.Value.1=tag%3Ax%20y&a=y&a=z&b=2")
    }

    @Test func timestampRendersUTC() {
        #expect(SigV4Timestamp(Date(timeIntervalSince1970: 0)).dateTime == "19700101T000000Z")
        #expect(SigV4Timestamp(Date(timeIntervalSince1970: 951_782_400)).date == "20000229")
        #expect(SigV4Timestamp(Self.date).dateTime == "20150830T123600Z")
    }

    @Test func credentialsNeverPrintSecrets() {
        let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "SUPERSECRET", sessionToken: "TOKENVALUE")
        #expect(!"\(credentials)".contains("SUPERSECRET"))
        #expect(!String(reflecting: credentials).contains("TOKENVALUE"))
    }
}
