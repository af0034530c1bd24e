/// Checks a message's blocks against the Block Kit limits Slack enforces on send. Returns the
/// problems in Slack's `response_metadata.messages` style; empty when Slack would accept them.
enum BlockKitValidator {
    static let maxBlocks = 50
    static let maxSectionText = 3000
    static let maxSectionFields = 10
    static let maxFieldText = 2000
    static let maxHeaderText = 150
    static let maxContextElements = 10
    static let maxActionsElements = 25
    static let maxBlockID = 255

    static let knownTypes: Set<String> = [
        "section", "header", "context", "divider", "actions", "image", "input", "rich_text",
        "file", "video", "markdown",
    ]

    static func problems(in blocks: SlackJSON) -> [String] {
        guard let list = blocks.arrayValue else {
            return ["[ERROR] must be an array [json-pointer:/blocks]"]
        }
        var problems: [String] = []
        if list.count > maxBlocks {
            problems.append("[ERROR] no more than \(maxBlocks) items allowed [json-pointer:/blocks]")
        }
        for (index, block) in list.enumerated() {
            problems += self.problems(inBlock: block, pointer: "/blocks/\(index)")
        }
        return problems
    }

    private static func problems(inBlock block: SlackJSON, pointer: String) -> [String] {
        guard block.objectValue != nil, let type = block["type"]?.stringValue else {
            return ["[ERROR] missing required field: type [json-pointer:\(pointer)]"]
        }
        var problems: [String] = []
        if let blockID = block["block_id"]?.stringValue, blockID.count > maxBlockID {
            problems.append("[ERROR] must be less than \(maxBlockID + 1) characters [json-pointer:\(pointer)/block_id]")
        }
        switch type {
        case "section":
            let text = block["text"]
            let fields = block["fields"]?.arrayValue
            if text == nil && fields == nil {
                problems.append("[ERROR] must provide either text or fields [json-pointer:\(pointer)]")
            }
            if let text {
                problems += textProblems(text, kinds: ["plain_text", "mrkdwn"], max: maxSectionText, pointer: "\(pointer)/text")
            }
            if let fields {
                if fields.count > maxSectionFields {
                    problems.append("[ERROR] no more than \(maxSectionFields) items allowed [json-pointer:\(pointer)/fields]")
                }
                for (index, field) in fields.enumerated() {
                    problems += textProblems(field, kinds: ["plain_text", "mrkdwn"], max: maxFieldText, pointer: "\(pointer)/fields/\(index)")
                }
            }
        case "header":
            if let text = block["text"] {
                problems += textProblems(text, kinds: ["plain_text"], max: maxHeaderText, pointer: "\(pointer)/text")
            } else {
                problems.append("[ERROR] missing required field: text [json-pointer:\(pointer)]")
            }
        case "context":
            let elements = block["elements"]?.arrayValue ?? []
            if elements.isEmpty {
                problems.append("[ERROR] must provide at least 1 item [json-pointer:\(pointer)/elements]")
            } else if elements.count > maxContextElements {
                problems.append("[ERROR] no more than \(maxContextElements) items allowed [json-pointer:\(pointer)/elements]")
            }
        case "actions":
            let elements = block["elements"]?.arrayValue ?? []
            if elements.isEmpty {
                problems.append("[ERROR] must provide at least 1 item [json-pointer:\(pointer)/elements]")
            } else if elements.count > maxActionsElements {
                problems.append("[ERROR] no more than \(maxActionsElements) items allowed [json-pointer:\(pointer)/elements]")
            }
        case _ where knownTypes.contains(type):
            break
        default:
            problems.append("[ERROR] unsupported type: \(type) [json-pointer:\(pointer)/type]")
        }
        return problems
    }

    private static func textProblems(_ text: SlackJSON, kinds: Set<String>, max: Int, pointer: String) -> [String] {
        guard let kind = text["type"]?.stringValue, let content = text["text"]?.stringValue else {
            return ["[ERROR] must be a text object with type and text [json-pointer:\(pointer)]"]
        }
        var problems: [String] = []
        if !kinds.contains(kind) {
            problems.append("[ERROR] must be one of \(kinds.sorted().joined(separator: ", ")) [json-pointer:\(pointer)/type]")
        }
        if content.isEmpty {
            problems.append("[ERROR] must be more than 0 characters [json-pointer:\(pointer)/text]")
        } else if content.count > max {
            problems.append("[ERROR] must be less than \(max + 1) characters [json-pointer:\(pointer)/text]")
        }
        return problems
    }
}
