import CustomerValueSquads
import Foundation

extension Commands {
    /// `squads import-scim`: an organisation document from a SCIM list response, and the import report.
    ///
    /// - Returns: The organisation as JSON, and the report's lines for standard error.
    /// - Throws: ``InputError`` naming the file, the location and the problem for a document that is not a
    ///   SCIM list response.
    public static func importSCIM(from data: Data, name file: String, options: SCIMImport.Options) throws(InputError)
        -> (document: String, report: [String])
    {
        let result: SCIMImport.Result
        do {
            result = try SCIMImport.organization(from: data, options: options)
        } catch let error as DecodingError {
            throw InputError(Input.describe(error, in: file))
        } catch {
            throw InputError("\(file): \(error)")
        }
        do {
            let document = String(decoding: try result.organization.jsonData(), as: UTF8.self) + "\n"
            return (document, result.report.map(\.description))
        } catch {
            throw InputError("\(file): the organisation cannot be written as JSON: \(error)")
        }
    }

    /// `squads import-csv`: an organisation from a CSV file of people, as JSON, and the report's lines.
    public static func importCSV(from data: Data, name file: String, options: CSVImport.Options) throws(InputError)
        -> (document: Data, report: [String])
    {
        do {
            let result = try CSVImport.organization(from: data, options: options)
            return (try result.organization.jsonData(), result.report.map { "\(file): \($0)" })
        } catch let error as OrganizationError {
            throw InputError("\(file): \(error.message)")
        } catch {
            throw InputError("\(file): the organisation cannot be written as JSON: \(error)")
        }
    }

    /// `squads export-org`: the organisation as JSON-LD in the W3C Organization Ontology.
    ///
    /// - Throws: ``InputError`` when the document cannot be written (a number that is not finite), never an
    ///   empty document in its place.
    public static func exportORG(_ organization: Organization) throws(InputError) -> String {
        do {
            return String(decoding: try organization.linkedData(), as: UTF8.self) + "\n"
        } catch {
            throw InputError("the organisation cannot be written as JSON-LD: \(error)")
        }
    }
}
