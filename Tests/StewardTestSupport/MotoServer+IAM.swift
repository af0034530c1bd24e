import Foundation

extension MotoServer {
    /// An IAM policy document allowing `actions` on every resource (moto matches only `*`).
    public static func allowPolicy(_ actions: [String]) -> String {
        let list = actions.map { "\"\($0)\"" }.joined(separator: ", ")
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\(list)], \"Resource\": \"*\"}]}"
    }

    /// Creates one IAM user per entry, each holding its policy document inline, and returns
    /// their access keys as `[id, secret]` by name. Call before `enableAuth`.
    public func createIAMUsers(_ policies: [String: String]) async throws -> [String: [String]] {
        let documents = try JSONSerialization.data(withJSONObject: policies)
        let output = try await boto3("""
        iam = boto3.client('iam', endpoint_url=ENDPOINT, region_name='us-east-1')
        keys = {}
        for name, policy in json.loads(os.environ['STEWARD_TEST_POLICIES']).items():
            iam.create_user(UserName=name)
            iam.put_user_policy(UserName=name, PolicyName=name, PolicyDocument=policy)
            key = iam.create_access_key(UserName=name)['AccessKey']
            keys[name] = [key['AccessKeyId'], key['SecretAccessKey']]
        print(json.dumps(keys))
        """, environment: ["STEWARD_TEST_POLICIES": String(decoding: documents, as: UTF8.self)])
        return try JSONDecoder().decode([String: [String]].self, from: Data(output.utf8))
    }
}
