import CustomerValueSquads
import Foundation

/// A SCIM 2.0 list response of `users` users in `departments` departments (each with a manager chain from its
/// head down), or one department whose users form a single manager chain `users` deep.
func scimDocument(users: Int, departments: Int, chain: Bool = false) -> Data {
    var resources: [String] = []
    resources.reserveCapacity(users)
    for index in 0..<users {
        let department = chain ? 0 : index % departments
        // In a department, user d is the head; the others report to the one `departments` before them.
        let manager: String? =
            chain ? (index == 0 ? nil : "u\(index - 1)") : (index < departments ? nil : "u\(index - departments)")
        let managerField = manager.map { #", "manager": {"value": "\#($0)"}"# } ?? ""
        resources.append(
            #"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"], "id": "u\#(index)", "userName": "u\#(index)", "displayName": "User \#(index)", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Department \#(department)", "division": "Division \#(department % 10)"\#(managerField)}}"#
        )
    }
    let document =
        #"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "Resources": ["#
        + resources.joined(separator: ",") + "]}"
    return Data(document.utf8)
}

/// Times SCIM imports at two sizes of users × departments and two chain depths, and prints the scaling.
func benchmarkSCIMImport() {
    func time(_ data: Data) -> Double {
        best(of: 3) { consume(try? SCIMImport.organization(from: data, options: .init(name: "Benchmark"))) }
    }
    let small = time(scimDocument(users: 4_000, departments: 400))
    let large = time(scimDocument(users: 40_000, departments: 4_000))
    print(
        "SCIM import: 4 000 users in 400 departments \(format(small)), 40 000 in 4 000 \(format(large)): "
            + "\(ratio(large / small)) for 10× the users (linear: 10×)")
    let shallow = time(scimDocument(users: 200, departments: 1, chain: true))
    let deep = time(scimDocument(users: 2_000, departments: 1, chain: true))
    print(
        "SCIM import, one manager chain: 200 deep \(format(shallow)), 2 000 deep \(format(deep)): "
            + "\(ratio(deep / shallow)) for a 10× deeper chain (linear: 10×)")
}
