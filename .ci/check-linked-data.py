"""Reads the organisation's W3C ORG export with rdflib, as a linked-data client would, and checks it.

Usage: check-linked-data.py EXPORT.jsonld REACH.json [ORGANIZATION.json]

EXPORT.jsonld is `squads export-org` output; REACH.json is `squads reach --format json` output for the same
organisation, which says which departments each squad's members come from. The script checks that every
org: term the export uses is one rdflib's ORG namespace defines, then asks SPARQL for each squad with the
units its members come from and compares the answer with the library's. Given the organisation's document, it
also asks SPARQL who reports to whom (org:reportsTo) and compares that with the document's managers, and which
posts of each squad no one holds (the open seats, org:Post without org:heldBy) and compares them with its seats.
"""

import json
import sys

from rdflib import Graph, URIRef
from rdflib.namespace import ORG, RDF

export_path, reach_path = sys.argv[1], sys.argv[2]

graph = Graph()
graph.parse(export_path, format="json-ld")
print(f"parsed {len(graph)} triples")

ORG_IRI = "http://www.w3.org/ns/org#"
defined = {ORG_IRI + name for name in ORG.__annotations__}
used = set()
for subject, predicate, obj in graph:
    for term in (predicate, obj if predicate == RDF.type else None):
        if isinstance(term, URIRef) and str(term).startswith(ORG_IRI):
            used.add(str(term))
undefined = sorted(used - defined)
print(f"org: terms used: {', '.join(sorted(t[len(ORG_IRI):] for t in used))}")
if undefined:
    sys.exit(f"org: terms that rdflib's ORG namespace does not define: {undefined}")
for needed in ["FormalOrganization", "OrganizationalUnit", "OrganizationalCollaboration", "Membership",
               "unitOf", "member", "organization", "role", "memberOf", "purpose"]:
    if ORG_IRI + needed not in used:
        sys.exit(f"the export does not use org:{needed}")

query = """
PREFIX org: <http://www.w3.org/ns/org#>
SELECT DISTINCT ?squad ?unit WHERE {
    ?squad a org:OrganizationalCollaboration .
    ?membership a org:Membership ; org:organization ?squad ; org:member ?person .
    ?person org:memberOf ?unit .
    ?unit a org:OrganizationalUnit .
}
"""
answer = {}
for row in graph.query(query):
    squad = str(row.squad).rsplit("/", 1)[-1]
    unit = str(row.unit).rsplit("/", 1)[-1]
    answer.setdefault(squad, set()).add(unit)

with open(reach_path) as file:
    reach = json.load(file)
library = {entry["squad"]: set(entry["departments"]) for entry in reach["squads"] if entry["departments"]}

# The SPARQL answer includes past members (history); the library's reach lists current members only.
for squad, units in sorted(library.items()):
    got = answer.get(squad, set())
    if not units <= got:
        sys.exit(f"squad {squad}: the library says {sorted(units)}, SPARQL found {sorted(got)}")
    print(f"squad {squad}: {', '.join(sorted(got))}")
missing = set(library) - set(answer)
if missing:
    sys.exit(f"squads SPARQL did not find: {sorted(missing)}")
print(f"linked data checked: {len(library)} squads agree, {len(used)} org: terms all defined by rdflib")

if len(sys.argv) > 3:
    with open(sys.argv[3]) as file:
        document = json.load(file)
    expected = {(s["id"], s["manager"]) for s in document["specialists"] if s.get("manager")}
    seats = {(q["id"], seat["id"]) for q in document.get("squads", []) if q.get("stage") != "dissolved"
             for seat in q.get("seats", [])}
    if not expected and not seats:
        sys.exit("the organisation given has no reporting lines or open seats to check")
    if expected:
        lines = set()
        for row in graph.query("""
            PREFIX org: <http://www.w3.org/ns/org#>
            SELECT ?person ?manager WHERE { ?person org:reportsTo ?manager . ?manager org:memberOf ?unit . }
        """):
            lines.add((str(row.person).rsplit("/", 1)[-1], str(row.manager).rsplit("/", 1)[-1]))
        if lines != expected:
            sys.exit(f"org:reportsTo: SPARQL found {sorted(lines)}, the document has {sorted(expected)}")
        print(f"reporting lines checked: {len(lines)} org:reportsTo links, as the document's managers")
    if seats:
        # The open posts of each squad: posts in the squad that no one holds.
        posts = set()
        for row in graph.query("""
            PREFIX org: <http://www.w3.org/ns/org#>
            PREFIX cvs: <https://customervaluesquads.invalid/ns#>
            SELECT ?squad ?name WHERE {
                ?post a org:Post ; org:postIn ?squad ; cvs:name ?name .
                ?squad a org:OrganizationalCollaboration .
                FILTER NOT EXISTS { ?post org:heldBy ?someone }
            }
        """):
            posts.add((str(row.squad).rsplit("/", 1)[-1], str(row.name)))
        if posts != seats:
            sys.exit(f"open org:Posts: SPARQL found {sorted(posts)}, the document has {sorted(seats)}")
        held = {(q["id"], m["specialist"]) for q in document.get("squads", []) for m in q.get("memberships", [])}
        holders = set()
        for row in graph.query("""
            PREFIX org: <http://www.w3.org/ns/org#>
            SELECT ?squad ?person WHERE { ?post a org:Post ; org:postIn ?squad ; org:heldBy ?person . }
        """):
            holders.add((str(row.squad).rsplit("/", 1)[-1], str(row.person).rsplit("/", 1)[-1]))
        if holders != held:
            sys.exit(f"held org:Posts: SPARQL found {len(holders)}, the document has {len(held)} memberships")
        print(f"posts checked: {len(posts)} open org:Posts as the document's seats, {len(holders)} held by members")
