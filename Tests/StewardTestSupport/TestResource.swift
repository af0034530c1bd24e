/// Something a test starts and must stop however the test ends: a server, a process, a world
/// of several. The one lifecycle every test peer and world follows: start, `use`, closed.
public protocol TestResource: Sendable {
    func close() async
}

extension TestResource {
    /// Runs `body` with this resource and closes it however the body ends.
    public func use<T>(_ body: (Self) async throws -> T) async throws -> T {
        let result: T
        do {
            result = try await body(self)
        } catch {
            await close()
            throw error
        }
        await close()
        return result
    }
}
