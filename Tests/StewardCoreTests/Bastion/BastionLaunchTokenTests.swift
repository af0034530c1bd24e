@testable import StewardCore
import Testing

/// The digest under the launch token: known answers, so a token never changes between builds.
@Suite struct BastionLaunchTokenTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256KnownAnswers(_ input: String, _ expected: String) {
        #expect(SHA256.hex(input) == expected)
    }

    @Test func sha256AcrossBlockBoundaries() {
        // 55, 56 and 64 bytes: the padding edge cases.
        #expect(SHA256.hex(String(repeating: "a", count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(SHA256.hex(String(repeating: "a", count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(SHA256.hex(String(repeating: "a", count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    @Test func tokenIsPinned() {
        let lease = BastionLease(requestedBy: "U0123", requestedAt: BastionFixture.now, expiresAt: BastionFixture.now.addingTimeInterval(10_800))
        let token = BastionLaunchToken(ownerID: "steward", environment: BastionFixture.env, lease: lease)
        // hashlib.sha256(b"steward-bastion-launch-v1\nsteward\ndev\nU0123\n2026-11-27T10:00:00Z").hexdigest()[:48]
        #expect(token.leaseKey == "d1508371c05f9aac928f484b908405b3b4d949bbcadc4223")
        #expect(token.clientToken(generation: 3) == "steward-\(token.leaseKey)-3")
    }
}
