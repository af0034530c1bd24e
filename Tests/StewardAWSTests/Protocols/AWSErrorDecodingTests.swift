import Foundation
@testable import StewardAWS
import StewardTestSupport
import Testing

/// Every error shape decodes into one AWSError with code, message, request id and status.
@Suite("Error decoding")
struct AWSErrorDecodingTests {
    func decode(_ status: Int, _ body: String, headers: [(String, String)] = []) -> AWSError {
        AWSErrorDecoder.decode(AWSHTTPResponse(status: status, headers: AWSHTTPHeaders(headers), body: Array(body.utf8)), operation: "svc:Op")
    }

    @Test func ec2Shape() {
        let error = decode(400, """
        <?xml version="1.0" encoding="UTF-8"?>
        <Response><Errors><Error><Code>InvalidPermission.Duplicate</Code><Message>the specified rule already exists</Message></Error></Errors><RequestID>req-1</RequestID></Response>
        """)
        #expect(error == AWSError(code: "InvalidPermission.Duplicate", message: "the specified rule already exists", requestID: "req-1", statusCode: 400, operation: "svc:Op"))
    }

    @Test func rdsAndSTSShape() {
        let error = decode(403, """
        <ErrorResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><Error><Type>Sender</Type><Code>InvalidDBInstanceState</Code><Message>not stopped</Message></Error><RequestId>req-2</RequestId></ErrorResponse>
        """)
        #expect(error.code == "InvalidDBInstanceState")
        #expect(error.message == "not stopped")
        #expect(error.requestID == "req-2")
        #expect(error.statusCode == 403)
    }

    @Test func jsonTypeShape() {
        let error = decode(400, #"{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}"#, headers: [("x-amzn-RequestId", "req-3")])
        #expect(error == AWSError(code: "ConditionalCheckFailedException", message: "The conditional request failed", requestID: "req-3", statusCode: 400, operation: "svc:Op"))
    }

    @Test func jsonErrorTypeHeaderWins() {
        let error = decode(400, #"{"Message":"Rate exceeded"}"#, headers: [("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/")])
        #expect(error.code == "ThrottlingException")
        #expect(error.isThrottling)
        #expect(error.message == "Rate exceeded")
    }

    @Test func xmlBodyFromAJSONService() {
        let error = decode(403, """
        <?xml version="1.0" encoding="UTF-8"?><ErrorResponse><Errors><Error><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error></Errors><RequestId>req-4</RequestId></ErrorResponse>
        """)
        #expect(error.code == "InvalidClientTokenId")
        #expect(error.requestID == "req-4")
    }

    @Test func emptyOrUnknownBodyFallsBackToStatus() {
        #expect(decode(503, "").code == "503")
        #expect(decode(502, "<html>bad gateway").code == "502")
    }
}

/// The same shapes, as real moto responses, through the full client.
@Suite("Error shapes from moto", .moto, .serialized)
struct MotoErrorShapeTests {
    @Test func ec2XMLError() async throws {
        let ec2 = EC2Client(client: try MotoFixture.get().client())
        let error = try await #require(throws: AWSError.self) { try await ec2.describeLaunchTemplates(names: ["no-such-template"]) }
        #expect(error.code == "InvalidLaunchTemplateName.NotFoundException")
        #expect(error.statusCode == 400)
    }

    @Test func rdsXMLError() async throws {
        let rds = RDSClient(client: try MotoFixture.get().client())
        let error = try await #require(throws: AWSError.self) { try await rds.stopDBInstance(identifier: "no-such-db") }
        #expect(error.code == "DBInstanceNotFound")
        #expect(error.statusCode == 404)
        #expect(error.operation == "rds:StopDBInstance")
    }

    @Test func jsonTypeError() async throws {
        let secrets = SecretsManagerClient(client: try MotoFixture.get().client())
        let error = try await #require(throws: AWSError.self) { try await secrets.getSecretValue(secretID: "no-such-secret") }
        #expect(error.code == "ResourceNotFoundException")
        #expect((400..<500).contains(error.statusCode)) // AWS says 400; moto 5.2.1 says 404
    }
}
