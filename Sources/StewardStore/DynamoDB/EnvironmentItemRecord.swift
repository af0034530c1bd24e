import Foundation
import StewardCore

/// One row of the environments table: the tier and bastion lease set from Slack or the CLI,
/// overriding the reviewed YAML.
public struct EnvironmentItemRecord: Sendable, Hashable {
    public var environment: EnvironmentName
    /// nil: the tier is the YAML file's.
    public var tier: Tier?
    public var tierSetBy: String?
    public var tierSetAt: Date?
    /// Once an environment item exists it holds the environment's lease (nil: none wanted).
    public var bastion: BastionLease?
    public var updatedBy: String?
    public var updatedAt: Date?
    public var version: Int?
    /// The last few deliveries applied to this item, newest last.
    public var editIDs: [String]
    public var label: String

    public init(environment: EnvironmentName, tier: Tier? = nil, tierSetBy: String? = nil, tierSetAt: Date? = nil,
                bastion: BastionLease? = nil, updatedBy: String? = nil, updatedAt: Date? = nil, version: Int? = nil,
                editIDs: [String] = [], label: String) {
        self.environment = environment
        self.tier = tier
        self.tierSetBy = tierSetBy
        self.tierSetAt = tierSetAt
        self.bastion = bastion
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
        self.version = version
        self.editIDs = editIDs
        self.label = label
    }
}
