import Foundation
import StewardTestSupport
import Testing

/// deploy/terraform, parsed with python-hcl2 (every .tf file) and scanned with checkov. The
/// task role's actions must be exactly examples/iam-policy.json's: a drift between the policy
/// the tests enforce against moto and the one deployed fails here.
@Suite struct TerraformModuleTests {
    static let toolsPresent = DeployFiles.hasHCL2 && DeployFiles.checkov != nil

    /// Every block of every .tf file as JSON: resource/data by type then name, variable and
    /// output by name; HCL string quotes removed, expressions kept as `${…}` text.
    static let parser = #"""
    import glob, json, os, sys
    import hcl2

    SKIPPED = ("__is_block__", "__comments__", "__inline_comments__")

    def norm(value):
        if isinstance(value, dict):
            return {key.strip('"'): norm(item) for key, item in value.items() if key not in SKIPPED}
        if isinstance(value, list):
            return [norm(item) for item in value]
        if isinstance(value, str) and len(value) >= 2 and value[0] == '"' and value[-1] == '"':
            return value[1:-1]
        return value

    module = {"resource": {}, "data": {}, "variable": {}, "output": {}, "locals": {}, "files": []}
    for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.tf"))):
        with open(path) as handle:
            document = norm(hcl2.load(handle))
        module["files"].append(os.path.basename(path))
        for kind, blocks in document.items():
            for block in blocks:
                if kind in ("resource", "data"):
                    for type_name, named in block.items():
                        module[kind].setdefault(type_name, {}).update(named)
                elif kind in ("variable", "output", "locals"):
                    module[kind].update(block)
    print(json.dumps(module))
    """#

    /// The parsed module; records an issue (a failure on CI) when python-hcl2 is missing.
    static func module() async throws -> [String: Any] {
        let python = try #require(DeployFiles.python, "python3 is not on the PATH")
        let result = try await ProcessRunner.run(python, ["-c", parser, DeployFiles.url("deploy/terraform").path],
                                                 environment: ProcessInfo.processInfo.environment)
        try #require(result.status == 0, "python-hcl2 could not parse the module: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func block(_ module: [String: Any], _ kind: String, _ type: String, _ name: String) throws -> [String: Any] {
        let kinds = module[kind] as? [String: Any]
        return try #require((kinds?[type] as? [String: Any])?[name] as? [String: Any], "no \(kind) \(type).\(name)")
    }

    /// A nested block (HCL blocks parse as lists of objects): its only or first instance.
    static func nested(_ body: [String: Any], _ name: String) -> [String: Any]? {
        (body[name] as? [[String: Any]])?.first
    }

    @Test(.enabled(if: toolsPresent || DeployFiles.onCI, "python-hcl2 and checkov are not installed (.ci/run installs them)"))
    func everyFileParsesAndEveryVariableAndOutputIsDocumented() async throws {
        let module = try await Self.module()
        #expect(module["files"] as? [String] == ["dynamodb.tf", "ecs.tf", "iam.tf", "main.tf", "outputs.tf", "variables.tf", "versions.tf"])
        for kind in ["variable", "output"] {
            let blocks = try #require(module[kind] as? [String: [String: Any]])
            #expect(!blocks.isEmpty)
            for (name, body) in blocks {
                #expect(!(body["description"] as? String ?? "").isEmpty, "\(kind) \(name) has no description")
                if kind == "variable" { #expect(body["type"] != nil, "variable \(name) has no type") }
            }
        }
    }

    @Test(.enabled(if: toolsPresent || DeployFiles.onCI, "python-hcl2 and checkov are not installed (.ci/run installs them)"))
    func tablesHaveTheSeedsSchemaStreamTTLAndPointInTimeRecovery() async throws {
        let module = try await Self.module()
        let whitelist = try Self.block(module, "resource", "aws_dynamodb_table", "whitelist")
        #expect(whitelist["hash_key"] as? String == "ip_address")
        #expect(whitelist["range_key"] as? String == "environment")
        let attributes = (whitelist["attribute"] as? [[String: String]]) ?? []
        #expect(Set(attributes.map { "\($0["name"] ?? ""):\($0["type"] ?? "")" }) == ["ip_address:S", "environment:S"])
        #expect(whitelist["stream_enabled"] as? Bool == true)
        #expect(whitelist["stream_view_type"] as? String == "NEW_AND_OLD_IMAGES")
        #expect(Self.nested(whitelist, "ttl")?["attribute_name"] as? String == "expires_at")
        #expect(Self.nested(whitelist, "ttl")?["enabled"] as? Bool == true)
        let index = Self.nested(whitelist, "global_secondary_index")
        #expect(index?["name"] as? String == "environment-index" && index?["hash_key"] as? String == "environment"
                && index?["projection_type"] as? String == "ALL")

        let keys = ["whitelist": "ip_address", "environments": "environment", "leases": "lease_name"]
        for (name, hashKey) in keys {
            let table = try Self.block(module, "resource", "aws_dynamodb_table", name)
            #expect(table["hash_key"] as? String == hashKey, "\(name)")
            #expect(Self.nested(table, "point_in_time_recovery")?["enabled"] as? Bool == true, "\(name) lacks point-in-time recovery")
            #expect(Self.nested(table, "server_side_encryption")?["enabled"] as? Bool == true, "\(name) is not encrypted with the key")
            #expect(table["billing_mode"] as? String == "PAY_PER_REQUEST", "\(name)")
        }
    }

    @Test(.enabled(if: toolsPresent || DeployFiles.onCI, "python-hcl2 and checkov are not installed (.ci/run installs them)"))
    func serviceRunsSpotOverAnOnDemandBaseAndDeploysByTheHASwitch() async throws {
        let module = try await Self.module()
        let service = try Self.block(module, "resource", "aws_ecs_service", "steward")
        let strategy = (service["capacity_provider_strategy"] as? [[String: Any]]) ?? []
        #expect(strategy.map { $0["capacity_provider"] as? String } == ["FARGATE", "FARGATE_SPOT"])
        #expect(strategy.first?["base"] as? String == "${var.on_demand_base}")
        #expect(service["desired_count"] as? String == "${var.desired_count}")
        #expect(service["deployment_minimum_healthy_percent"] as? String == "${var.ha_enabled ? 100 : 0}")
        #expect(service["deployment_maximum_percent"] as? String == "${var.ha_enabled ? 200 : 100}")
        #expect(Self.nested(service, "network_configuration")?["assign_public_ip"] as? Bool == false)
        let variables = module["variable"] as? [String: [String: Any]]
        #expect(variables?["on_demand_base"]?["default"] as? Int == 1, "the first task must be on-demand by default")
        #expect(variables?["ha_enabled"]?["default"] as? Bool == false)
    }

    @Test(.enabled(if: toolsPresent || DeployFiles.onCI, "python-hcl2 and checkov are not installed (.ci/run installs them)"))
    func withHAOnTheTasksConfigurationCarriesAnHABlockNamingTheModulesLeaseTable() async throws {
        let module = try await Self.module()
        let locals = try #require(module["locals"] as? [String: Any])
        // The container gets the composed configuration, not the raw variable.
        let environment = (locals["environment"] as? [[String: Any]]) ?? []
        #expect(environment.first { $0["name"] as? String == "STEWARD_CONFIG_YAML" }?["value"] as? String == "${local.steward_yaml}",
                "\(environment)")
        // ha_enabled appends the block to the operator's file as written; off, the file goes unchanged.
        #expect(locals["steward_yaml"] as? String
                == #"${var.ha_enabled ? "${trimsuffix(var.steward_yaml, "\n")}\n${yamlencode(local.ha_block)}" : var.steward_yaml}"#)
        let ha = try #require((locals["ha_block"] as? [String: Any])?["ha"] as? [String: String], "no ha_block.ha")
        #expect(ha["lease_table"] == "${aws_dynamodb_table.leases.name}", "the lease table is not the one the module creates")
        for key in ["lease_name", "lease_duration", "renew_every", "renew_deadline"] {
            #expect(ha[key] == "${var.ha_lease.\(key)}", "\(key): \(ha[key] ?? "missing")")
        }
        #expect(Set(ha.keys) == ["lease_table", "lease_name", "lease_duration", "renew_every", "renew_deadline"], "ha: takes no other keys")

        // Unset, the timings are Steward's own defaults (issue 15's 30 s / 5 s / 20 s), in a safe order.
        let variable = try #require((module["variable"] as? [String: [String: Any]])?["ha_lease"], "no variable ha_lease")
        let type = try #require(variable["type"] as? String)
        let defaults = Dictionary(uniqueKeysWithValues: type.matches(of: /(\w+) = optional\(string, "([^"]+)"\)/).map { (String($0.1), String($0.2)) })
        #expect(defaults == ["lease_name": "default", "lease_duration": "30s", "renew_every": "5s", "renew_deadline": "20s"], "\(type)")
        #expect((variable["default"] as? [String: Any])?.isEmpty == true)

        // Plan-time guards: no second ha: block in the operator's file, and none without the shared store.
        let service = try Self.block(module, "resource", "aws_ecs_service", "steward")
        let conditions = ((Self.nested(service, "lifecycle")?["precondition"] as? [[String: Any]]) ?? []).compactMap { $0["condition"] as? String }
        #expect(conditions.contains("${try(yamldecode(var.steward_yaml).ha, null) == null}"), "\(conditions)")
        #expect(conditions.contains("${!var.ha_enabled || try(yamldecode(var.steward_yaml).desired_state.dynamodb, null) != null}"), "\(conditions)")
        #expect(conditions.contains("${var.ha_enabled || var.desired_count <= 1}"), "\(conditions)")

        // The README's example and variables table say how to turn it on.
        let readme = try DeployFiles.text("README.md")
        #expect(readme.contains("ha_lease"), "README does not document ha_lease")
    }

    @Test(.enabled(if: toolsPresent || DeployFiles.onCI, "python-hcl2 and checkov are not installed (.ci/run installs them)"))
    func theTaskRoleHasExactlyTheExamplePolicysActions() async throws {
        let module = try await Self.module()
        let controller = try Self.block(module, "data", "aws_iam_policy_document", "controller")
        let statements = (controller["statement"] as? [[String: Any]]) ?? []
        let deployed = Set(statements.flatMap { $0["actions"] as? [String] ?? [] })
        let example = try DeployFiles.actions(ofPolicyJSON: try Data(contentsOf: DeployFiles.url("examples/iam-policy.json")))
        #expect(deployed.subtracting(example).sorted() == [], "deployed but not in examples/iam-policy.json")
        #expect(example.subtracting(deployed).sorted() == [], "in examples/iam-policy.json but not deployed")
        let policy = try Self.block(module, "resource", "aws_iam_role_policy", "controller")
        #expect(policy["policy"] as? String == "${data.aws_iam_policy_document.controller.json}")
        #expect(policy["role"] as? String == "${aws_iam_role.task.id}")
        // The only other task-role policy is the tables' key, through DynamoDB.
        let encryption = try Self.block(module, "data", "aws_iam_policy_document", "table_encryption")
        let keyActions = ((encryption["statement"] as? [[String: Any]]) ?? []).flatMap { $0["actions"] as? [String] ?? [] }
        #expect(!keyActions.isEmpty && keyActions.allSatisfy { $0.hasPrefix("kms:") })
    }

    @Test(.enabled(if: toolsPresent || DeployFiles.onCI, "python-hcl2 and checkov are not installed (.ci/run installs them)"))
    func checkovFindsNothingAndEverySkipIsJustifiedInPlace() async throws {
        let checkov = try #require(DeployFiles.checkov, "checkov is not installed (.ci/run installs it into .build/checkov-venv)")
        // --skip-download: no network here, and no policy but the built-in checks.
        let result = try await ProcessRunner.run(checkov, ["-d", DeployFiles.url("deploy/terraform").path, "--framework", "terraform",
                                                           "--quiet", "--compact", "--skip-download", "--output", "json"],
                                                 environment: ProcessInfo.processInfo.environment)
        let report = try #require(try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                                  "checkov printed no JSON report: \(result.stdout.suffix(2000)) \(result.stderr.suffix(2000))")
        let summary = report["summary"] as? [String: Any] ?? [:]
        let failed = ((report["results"] as? [String: Any])?["failed_checks"] as? [[String: Any]]) ?? []
        #expect(summary["failed"] as? Int == 0, "checkov failed: \(failed.map { "\($0["check_id"] ?? "") \($0["resource"] ?? "")" })")
        #expect((summary["passed"] as? Int ?? 0) > 50)
        #expect(result.status == 0)

        // Every suppression names its check and says why, on the line.
        for file in ["dynamodb.tf", "ecs.tf", "iam.tf", "main.tf"] {
            for line in try DeployFiles.text("deploy/terraform/\(file)").split(separator: "\n") where line.contains("checkov:skip") {
                #expect(line.wholeMatch(of: /\s*#checkov:skip=CKV2?_AWS_\d+:.{20,}/) != nil, "\(file): unjustified skip: \(line)")
            }
        }
    }
}
