/// ECS's wire form of a tag (`key`/`value`, lower case).
struct ECSTag: Codable, Sendable {
    let key: String?
    let value: String?

    init(_ tag: AWSTag) {
        key = tag.key
        value = tag.value
    }

    var tag: AWSTag { AWSTag(key: key ?? "", value: value ?? "") }
}
