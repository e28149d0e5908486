import CustomerValueSquads
import Foundation
import SquadsCommandLine
import Testing

@Suite("squads network")
struct NetworkCommandTests {
    let organization = Commands.sampleOrganization

    @Test("the text names the links, the islands, the spanners and a chain between two departments")
    func text() throws {
        let network = organization.siloNetwork()
        let text = try Commands.network(organization, from: "logistics", to: "customer-service")
        #expect(
            text.hasPrefix("## Silo network: \(network.departments.count) departments, \(network.links.count) links"))
        for island in network.islands { #expect(text.contains("(\(island))")) }
        #expect(text.contains("### Chain from Logistics to Customer Service"))
        let chain = try #require(network.chain(from: "logistics", to: "customer-service"))
        #expect(text.contains("[\(chain.squads[0])]"))
    }

    @Test("JSON carries the whole network and the chain; DOT and Mermaid draw it")
    func formats() throws {
        let json = try Commands.network(organization, format: .json, from: "sales", to: "analytics")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let network = object?["network"] as? [String: Any]
        #expect((network?["links"] as? [Any])?.count == organization.siloNetwork().links.count)
        #expect(object?["chain"] != nil)
        #expect(try Commands.network(organization, format: .dot).hasPrefix("graph silos {"))
        #expect(try Commands.network(organization, format: .mermaid).hasPrefix("flowchart LR"))
    }

    @Test("an unknown department gets a suggestion; --from needs --to")
    func refusals() {
        #expect(throws: InputError(#"there is no department salez; did you mean "sales"?"#)) {
            try Commands.network(organization, from: "salez", to: "sales")
        }
        #expect(throws: InputError("give --from and --to together")) {
            try Commands.network(organization, from: "sales")
        }
    }
}
