import Testing
@testable import GazetteKit

@Suite struct UnsubscribeTokenTests {
    let tokens = UnsubscribeToken(secret: "correct horse battery staple")

    @Test func aTokenVerifiesToItsSubscriber() {
        let token = tokens.token(for: "a1b2c3d4e5f60718")
        #expect(token.hasPrefix("a1b2c3d4e5f60718."))
        #expect(tokens.verify(token) == "a1b2c3d4e5f60718")
    }

    @Test func forgedOrAlteredTokensFail() {
        let token = tokens.token(for: "a1b2c3d4e5f60718")
        let mac = token.split(separator: ".").last!
        #expect(tokens.verify("a1b2c3d4e5f60719." + mac) == nil)  // another id with a copied MAC
        #expect(tokens.verify(token + "x") == nil)
        #expect(tokens.verify(String(token.dropLast())) == nil)
        #expect(tokens.verify("a1b2c3d4e5f60718") == nil)
        #expect(UnsubscribeToken(secret: "another secret").verify(token) == nil)
    }

    @Test func theSecretComesFromTheNamedVariable() throws {
        #expect(throws: SubscriberError.missingSecret(variable: "GAZETTE_TEST_SECRET")) {
            _ = try UnsubscribeToken(environmentVariable: "GAZETTE_TEST_SECRET", environment: [:])
        }
        let fromEnvironment = try UnsubscribeToken(environmentVariable: "S", environment: ["S": "correct horse battery staple"])
        #expect(fromEnvironment.token(for: "x") == tokens.token(for: "x"))
    }
}
