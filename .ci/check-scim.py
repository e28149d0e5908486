"""Checks `squads scim push` and `pull` against a SCIM server, reading its resources with scim2-models.

    check-scim.py server URL TOKEN ORG.json   the server holds ORG's people, squads and memberships
    check-scim.py change ORG.json OUT.json    one member leaves a squad and someone else joins it
    check-scim.py same ORG.json PULLED.json   a pulled organisation has ORG's people, departments and squads
"""

import json
import sys
import urllib.request

from scim2_models import Context, EnterpriseUser, Group, ListResponse, User


def fail(message):
    print(f"check-scim: {message}")
    sys.exit(1)


def fetch_all(url, token, path, model):
    resources, start = [], 1
    while True:
        request = urllib.request.Request(
            f"{url}/{path}?startIndex={start}&count=50", headers={"Authorization": f"Bearer {token}"})
        page = ListResponse[model].model_validate(
            json.load(urllib.request.urlopen(request)), scim_ctx=Context.RESOURCE_QUERY_RESPONSE)
        items = page.resources or []
        resources += items
        if not items or len(resources) >= page.total_results:
            return resources
        start += len(items)


def live_squads(organization):
    return [squad for squad in organization.get("squads", []) if squad.get("stage") != "dissolved"]


def server(url, token, path):
    organization = json.load(open(path))
    users = fetch_all(url, token, "Users", User[EnterpriseUser])
    groups = [group for group in fetch_all(url, token, "Groups", Group) if (group.external_id or "").startswith("squad:")]
    departments = {department["id"]: department for department in organization.get("departments", [])}
    people = {person["id"]: person for person in organization.get("specialists", [])}
    by_name = {user.user_name: user for user in users}
    if set(by_name) != set(people):
        fail(f"users {sorted(set(by_name) ^ set(people))} differ between the server and {path}")
    server_id = {user.user_name: user.id for user in users}
    user_name = {user.id: user.user_name for user in users}
    for person_id, person in people.items():
        user = by_name[person_id]
        home = departments[person["department"]]
        enterprise = user[EnterpriseUser]
        if user.display_name != person["name"] or enterprise.department != home["name"]:
            fail(f"user {person_id} is {user.display_name} in {enterprise.department} on the server")
        head = home.get("head")
        wanted = server_id.get(head) if head and head != person_id else None
        got = enterprise.manager.value if enterprise.manager else None
        if got != wanted:
            fail(f"user {person_id}'s manager is {got} on the server, not {wanted}")
    squads = {f"squad:{squad['id']}": squad for squad in live_squads(organization)}
    if {group.external_id for group in groups} != set(squads):
        fail(f"groups {sorted(g.external_id for g in groups)} on the server, squads {sorted(squads)} in {path}")
    memberships = 0
    for group in groups:
        squad = squads[group.external_id]
        members = {user_name.get(member.value) for member in (group.members or [])}
        wanted = {membership["specialist"] for membership in squad.get("memberships", [])}
        if group.display_name != squad["name"] or members != wanted:
            fail(f"group {group.external_id} holds {sorted(map(str, members))}, not {sorted(wanted)}")
        memberships += len(members)
    print(f"the server holds {len(users)} users, {len(groups)} groups and {memberships} memberships, as {path} says")


def change(path, out):
    organization = json.load(open(path))
    booked = {}
    for squad in live_squads(organization):
        for membership in squad.get("memberships", []):
            booked[membership["specialist"]] = booked.get(membership["specialist"], 0) + membership["share"]
    squad = next(squad for squad in live_squads(organization) if len(squad.get("memberships", [])) >= 2)
    members = sorted(squad["memberships"], key=lambda membership: membership["specialist"])
    leaving = members[0]["specialist"]
    inside = {membership["specialist"] for membership in members}
    joining = next(
        person["id"] for person in sorted(organization["specialists"], key=lambda person: person["id"])
        if person["id"] not in inside and booked.get(person["id"], 0) <= 90)
    squad["memberships"] = [m for m in members if m["specialist"] != leaving] + [
        {"specialist": joining, "role": "newcomer", "share": 10}]
    json.dump(organization, open(out, "w"), indent=2)
    print(f"in squad {squad['id']}, {leaving} leaves and {joining} joins")


def same(path, pulled_path):
    original, pulled = json.load(open(path)), json.load(open(pulled_path))
    def people(organization):
        names = {department["id"]: department["name"] for department in organization["departments"]}
        return {person["id"]: (person["name"], names[person["department"]], person.get("manager"))
                for person in organization["specialists"]}
    def units(organization):
        names = {department["id"]: department["name"] for department in organization["departments"]}
        return {(department["name"], names.get(department.get("parent")), department.get("head"))
                for department in organization["departments"]}
    def squads(organization):
        return {(squad["id"], squad["name"], frozenset(m["specialist"] for m in squad.get("memberships", [])))
                for squad in live_squads(organization)}
    for what, view in (("people", people), ("departments", units), ("squads", squads)):
        if view(original) != view(pulled):
            fail(f"the pulled {what} differ: {view(original)} against {view(pulled)}")
    print(f"the pulled organisation has the {len(original['specialists'])} people, "
          f"{len(original['departments'])} departments and {len(live_squads(original))} squads of {path}")


def kept(path, pulled_path):
    """Like `same`, for a provider that keeps only part of the User schema: the same people with their
    departments, the names it can keep (those of two words, sent as given and family name), the same department
    names, and the same squads with the same members."""
    original, pulled = json.load(open(path)), json.load(open(pulled_path))
    def homes(organization):
        names = {department["id"]: department["name"] for department in organization["departments"]}
        return {person["id"]: names[person["department"]] for person in organization["specialists"]}
    if homes(original) != homes(pulled):
        fail(f"the pulled people or their departments differ: {homes(original)} against {homes(pulled)}")
    pulled_names = {person["id"]: person["name"] for person in pulled["specialists"]}
    two_words = [person for person in original["specialists"] if len(person["name"].split()) == 2]
    for person in two_words:
        if pulled_names[person["id"]] != person["name"]:
            fail(f"{person['id']} is called {pulled_names[person['id']]!r} after the pull, not {person['name']!r}")
    departments = lambda organization: {department["name"] for department in organization["departments"]}
    if departments(original) != departments(pulled):
        fail(f"the pulled departments differ: {departments(original)} against {departments(pulled)}")
    squads = lambda organization: {
        (squad["id"], squad["name"], frozenset(m["specialist"] for m in squad.get("memberships", [])))
        for squad in live_squads(organization)}
    if squads(original) != squads(pulled):
        fail(f"the pulled squads differ: {squads(original)} against {squads(pulled)}")
    print(f"the pulled organisation has the {len(original['specialists'])} people of {path} in their departments, "
          f"{len(two_words)} two-word names, {len(departments(original))} department names and "
          f"{len(live_squads(original))} squads with their members")


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    {"server": server, "change": change, "same": same, "kept": kept}[command](*arguments)
