import Foundation

extension SlackJSON {
    /// The member `key` of an object, or `nil` for a missing key or a non-object.
    public subscript(key: String) -> SlackJSON? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The element at `index` of an array, or `nil` when out of range or not an array.
    public subscript(index: Int) -> SlackJSON? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var numberValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var intValue: Int? {
        guard case .number(let value) = self, value.rounded() == value else { return nil }
        return Int(exactly: value)
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var arrayValue: [SlackJSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var objectValue: [String: SlackJSON]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// Parses UTF-8 JSON text; `nil` when it is not JSON.
    public static func parse(_ text: String) -> SlackJSON? {
        parse(Data(text.utf8))
    }

    /// Parses JSON bytes; `nil` when they are not JSON.
    public static func parse(_ data: Data) -> SlackJSON? {
        try? JSONDecoder().decode(SlackJSON.self, from: data)
    }

    /// Compact JSON text with sorted keys, so recorded frames are byte-stable.
    public var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a SlackJSON cannot fail: every case maps onto a JSON value.
        let data = (try? encoder.encode(self)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
