import Foundation

extension DynamoDBAttributeValue: Codable {
    enum CodingKeys: String, CodingKey {
        case S, N, B, BOOL, NULL, M, L, SS, NS
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "an attribute value needs exactly one type key"))
        }
        switch key {
        case .S: self = .s(try container.decode(String.self, forKey: .S))
        case .N: self = .n(try container.decode(String.self, forKey: .N))
        case .B: self = .b(try container.decode(Data.self, forKey: .B))
        case .BOOL: self = .bool(try container.decode(Bool.self, forKey: .BOOL))
        case .NULL: self = .null
        case .M: self = .m(try container.decode([String: DynamoDBAttributeValue].self, forKey: .M))
        case .L: self = .l(try container.decode([DynamoDBAttributeValue].self, forKey: .L))
        case .SS: self = .ss(try container.decode([String].self, forKey: .SS))
        case .NS: self = .ns(try container.decode([String].self, forKey: .NS))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .s(let value): try container.encode(value, forKey: .S)
        case .n(let value): try container.encode(value, forKey: .N)
        case .b(let value): try container.encode(value, forKey: .B)
        case .bool(let value): try container.encode(value, forKey: .BOOL)
        case .null: try container.encode(true, forKey: .NULL)
        case .m(let value): try container.encode(value, forKey: .M)
        case .l(let value): try container.encode(value, forKey: .L)
        case .ss(let value): try container.encode(value, forKey: .SS)
        case .ns(let value): try container.encode(value, forKey: .NS)
        }
    }
}
