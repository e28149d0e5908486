"""Checks `squads export-backstage` against Backstage's own schemas and rules, and the way back.
Usage: python check-backstage.py SQUADS SCHEMAS ORGANIZATION.json [ORGANIZATION.json ...]
(needs jsonschema and PyYAML)

For each organisation: every exported entity (read with PyYAML, as Backstage reads catalog files) passes the
Entity and Group or User schema (draft-07, all five registered); every name follows the name rule and is unique
in its kind; every reference (parent, children, members, leader, memberOf) names an exported entity of the right
kind; label keys and values follow Backstage's rules; and export → import-backstage → export gives the same
entities."""

import json
import os
import re
import subprocess
import sys

import jsonschema
import referencing
import yaml

squads, schemas, organizations = sys.argv[1], sys.argv[2], sys.argv[3:]
resources = []
for file in ["Entity", "EntityMeta", "common", "Group.v1alpha1", "User.v1alpha1"]:
    schema = json.load(open(os.path.join(schemas, f"{file}.schema.json"), encoding="utf-8"))
    resources.append((schema["$id"], referencing.Resource.from_contents(schema, default_specification=referencing.jsonschema.DRAFT7)))
registry = referencing.Registry().with_resources(resources)
validators = {
    kind: jsonschema.Draft7Validator({"$ref": schema_id}, registry=registry)
    for kind, schema_id in (("Group", "GroupV1alpha1"), ("User", "UserV1alpha1"))
}
NAME = re.compile(r"^[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*$")
PREFIX = re.compile(r"^[a-z0-9]+([-.][a-z0-9]+)*$")


def valid_key(key):
    prefix, _, name = key.rpartition("/")
    return (not prefix or (len(prefix) <= 253 and PREFIX.match(prefix))) and len(name) <= 63 and NAME.match(name)


def run(*arguments, stdin=None):
    return subprocess.run([squads, *arguments], check=True, capture_output=True, input=stdin).stdout


def target(reference):
    return reference.split(":", 1)[-1].split("/")[-1]


for organization in organizations:
    exported = run("export-backstage", organization)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    entities = [entity for entity in yaml.load_all(exported, Loader=loader) if entity is not None]
    problems = []
    names = {"Group": set(), "User": set()}
    for entity in entities:
        for error in validators[entity["kind"]].iter_errors(entity):
            problems.append(f"{entity['metadata']['name']}: {error.message} at {list(error.absolute_path)}")
        name = entity["metadata"]["name"]
        if not (len(name) <= 63 and NAME.match(name)):
            problems.append(f"{name}: breaks the name rule")
        if name.lower() in names[entity["kind"]]:
            problems.append(f"{name}: not unique among {entity['kind']}s")
        names[entity["kind"]].add(name.lower())
        for key, value in entity["metadata"].get("labels", {}).items():
            if not valid_key(key) or not (len(value) <= 63 and (value == "" or NAME.match(value))):
                problems.append(f"{name}: label {key}={value} breaks Backstage's label rules")
        for key in entity["metadata"].get("annotations", {}):
            if not valid_key(key):
                problems.append(f"{name}: annotation key {key} breaks Backstage's rules")
    for entity in entities:
        spec, name = entity["spec"], entity["metadata"]["name"]
        references = [("Group", spec.get("parent"))] + [("Group", child) for child in spec.get("children", [])]
        references += [("User", member) for member in spec.get("members", [])] + [("User", spec.get("leader"))]
        references += [("Group", group) for group in spec.get("memberOf", [])]
        for kind, reference in references:
            if reference is not None and target(reference).lower() not in names[kind]:
                problems.append(f"{name}: {reference} is not an exported {kind}")
    if problems:
        sys.exit("\n".join(problems[:20]) + f"\n({len(problems)} problems in {organization})")
    back = run("import-backstage", "-", "--organization-name", "Back", stdin=exported)
    again = run("export-backstage", "-", stdin=back)
    if again != exported:
        sys.exit(f"{organization}: export → import → export changed the entities")
    counts = {kind: sum(1 for e in entities if e["kind"] == kind) for kind in ("Group", "User")}
    print(f"{organization}: {counts['Group']} groups and {counts['User']} users pass Backstage's schemas, name, "
          f"reference and label rules; export → import → export gives the same entities")
