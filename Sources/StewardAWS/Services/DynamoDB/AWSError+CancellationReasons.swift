import Foundation

extension AWSError {
    /// A cancelled transaction's reasons, one per action in the order sent (`None`,
    /// `ConditionalCheckFailed`, `TransactionConflict`, …), as DynamoDB lists them at the end of
    /// its message: "Transaction cancelled, please refer cancellation reasons for specific
    /// reasons [None, ConditionalCheckFailed]". Empty when the message carries no list.
    public var cancellationReasons: [String] {
        guard code == .transactionCanceled, let open = message.lastIndex(of: "["), let close = message.lastIndex(of: "]"), open < close else {
            return []
        }
        return message[message.index(after: open)..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
