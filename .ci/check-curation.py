"""Checks that Organization.md curates every public member of Organization, from the symbol graph
Scripts/docs.sh wrote. Usage: python3 .ci/check-curation.py"""

import glob
import json
import re
import sys

members = set()
for path in glob.glob(".build/symbol-graphs/CustomerValueSquads/CustomerValueSquads*.symbols.json"):
    for symbol in json.load(open(path))["symbols"]:
        components = symbol["pathComponents"]
        if len(components) == 2 and components[0] == "Organization":
            members.add(components[1])
page = open("Sources/CustomerValueSquads/CustomerValueSquads.docc/Extensions/Organization.md").read()
# A link may carry a disambiguation: -(ParameterType) or ->ReturnType.
curated = {re.sub(r"(-\(.*\)|->.*)$", "", link) for link in re.findall(r"``Organization/(.+?)``", page)}
missing = sorted(members - curated)
stale = sorted(curated - members)
if not members:
    sys.exit("no symbol graph of CustomerValueSquads: run Scripts/docs.sh first")
if missing or stale:
    sys.exit(f"Organization.md does not curate {missing}; it names members that do not exist: {stale}")
print(f"Organization.md curates all {len(members)} public members of Organization")
