import ArgumentParser
import CustomerValueSquads
import Foundation

/// Which user attribute names each specialist an import reads; see `SCIMImport.Options.SpecialistIDs`.
enum SpecialistIDSource: String, CaseIterable, ExpressibleByArgument {
    case resourceID, userName, externalID

    var choice: SCIMImport.Options.SpecialistIDs {
        switch self {
        case .resourceID: .resourceID
        case .userName: .userName
        case .externalID: .externalID
        }
    }
}
