import Foundation

/// `steward drift --format json` as the tests read it: decoded independently of Steward's own
/// types, so a renamed key fails here.
struct DriftDocument: Decodable {
    struct Environment: Decodable { var name: String; var status: String; var reason: String? }
    struct Resource: Decodable { var type: String; var id: String; var display: String }
    struct Ack: Decodable { var by: String; var reason: String; var until: String }
    struct Actor: Decodable { var name: String; var kind: String }
    struct Finding: Decodable {
        var id: String
        var kind: String
        var severity: String
        var environment: String
        var resource: Resource
        var message: String
        var state: String
        var first_seen: String
        var last_seen: String
        var fixed_by: String?
        var ack: Ack?
        var actor: Actor?
    }

    var schema: String
    var generated_at: String
    var desired_state: String
    var environments: [Environment]
    var findings: [Finding]

    static func decode(_ text: String) throws -> DriftDocument {
        try JSONDecoder().decode(DriftDocument.self, from: Data(text.utf8))
    }

    func finding(_ kind: String, type: String? = nil, id: String? = nil) -> Finding? {
        findings.first { $0.kind == kind && (type == nil || $0.resource.type == type) && (id == nil || $0.resource.id == id) }
    }

    func status(_ environment: String) -> Environment? { environments.first { $0.name == environment } }
}
