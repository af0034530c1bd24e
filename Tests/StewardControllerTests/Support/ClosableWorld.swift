/// A test world that owns processes and files (moto, a temporary directory, a transport).
protocol ClosableWorld {
    func close() async
}

extension ClosableWorld {
    /// Runs `body` with this world and closes it however the body ends.
    func use(_ body: (Self) async throws -> Void) async throws {
        do {
            try await body(self)
        } catch {
            await close()
            throw error
        }
        await close()
    }
}
