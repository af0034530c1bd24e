import StewardAWS
import Testing

/// Which action cancelled a transaction, from DynamoDB's message: the lease check comes first
/// in a leader's transaction, so its reason decides "not leading" against "conflict".
struct DynamoDBCancellationReasonsTests {
    static let cases: [(code: AWSErrorCode, message: String, reasons: [String])] = [
        (.transactionCanceled, "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]",
         ["ConditionalCheckFailed", "None"]),
        (.transactionCanceled, "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, None]",
         ["None", "ConditionalCheckFailed", "None"]),
        (.transactionCanceled, "Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]",
         ["None", "TransactionConflict"]),
        (.transactionCanceled, "Transaction cancelled", []),
        ("ConditionalCheckFailedException", "The conditional request failed [x]", []),
    ]

    @Test(arguments: cases.indices)
    func reasonsInTheOrderSent(_ index: Int) {
        let example = Self.cases[index]
        let error = AWSError(code: example.code, message: example.message, requestID: nil, statusCode: 400, operation: "dynamodb:TransactWriteItems")
        #expect(error.cancellationReasons == example.reasons)
    }
}
