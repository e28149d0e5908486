"""Checks the CSV tables against Python's own csv module, both ways.
Usage: python3 .ci/check-csv.py SQUADS ORGANIZATION.json WORKDIR

1. Every table `squads export-csv` writes is read by csv.reader: a header, a row per entry, every row as wide as
   the header; with --delimiter ';' and --bom too (read as utf-8-sig).
2. A file csv.writer writes with every awkward case — commas, quotes, line breaks inside fields, CRLF, a
   byte-order mark, a blank line, names in Arabic and Indonesian, a semicolon delimiter — is imported by
   `squads import-csv` with every person and name as written.
3. export-csv people → import-csv → export-csv people gives the same table."""

import csv
import json
import os
import subprocess
import sys
import unicodedata

squads, organization, work = sys.argv[1], sys.argv[2], sys.argv[3]
document = json.load(open(organization, encoding="utf-8"))
expected_rows = {
    "people": len(document["specialists"]),
    "departments": len(document["departments"]),
    "squads": len(document.get("squads", [])),
    "memberships": sum(len(s.get("memberships", [])) for s in document.get("squads", [])),
}


def run(*arguments, stdin=None):
    return subprocess.run([squads, *arguments], check=True, capture_output=True, input=stdin).stdout


for table, count in expected_rows.items():
    for delimiter, bom in ((",", False), (";", True)):
        arguments = ["export-csv", organization, "--table", table, "--delimiter", delimiter]
        data = run(*arguments, *(["--bom"] if bom else []))
        text = data.decode("utf-8-sig" if bom else "utf-8")
        assert not text.startswith("\ufeff"), "a byte-order mark left in the text"
        rows = list(csv.reader(text.splitlines(keepends=True), delimiter=delimiter, strict=True))
        assert len(rows) == count + 1, (table, len(rows), count)
        assert all(len(row) == len(rows[0]) for row in rows), table
print(f"Python's csv module reads every exported table: {expected_rows}, with ',' and with ';' and a byte-order mark")

people = [
    ["Employee ID", "First name", "Last name", "Team", "Manager", "Title", "Skills"],
    ["e1", "Sari", "Dewi", "Penjualan, Jawa Timur", "", "Kepala \"penjualan\"", "selling:expert;analytics"],
    ["e2", "محمد", "العربي", "Penjualan, Jawa Timur", "e1", "Account\nmanager", "selling"],
    ["e3", "Budi", "Santoso", "Layanan", "e1", "", ""],
    ["e4", unicodedata.normalize("NFD", "José"), "Pérez", "Layanan", "e3", "a;b", "customer care:competent"],
]
path = os.path.join(work, "awkward.csv")
with open(path, "w", newline="", encoding="utf-8-sig") as file:
    writer = csv.writer(file, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(people[0])
    file.write("\r\n")  # a blank line
    writer.writerows(people[1:])
imported = json.loads(run(
    "import-csv", path, "--id", "Employee ID", "--name", "First name,Last name", "--department", "Team",
    "--manager", "Manager", "--title", "Title", "--skills", "Skills", "--delimiter", ";",
    "--organization-name", "Awkward"))
names = {s["id"]: s["name"] for s in imported["specialists"]}
for row in people[1:]:
    expected = unicodedata.normalize("NFC", f"{row[1]} {row[2]}")
    assert names.get(row[0]) == expected, (row[0], names.get(row[0]), expected)
titles = {s["id"]: s.get("title", "") for s in imported["specialists"]}
assert titles["e2"] == "Account\nmanager" and titles["e1"] == 'Kepala "penjualan"', titles
departments = sorted(d["name"] for d in imported["departments"])
assert departments == ["Layanan", "Penjualan, Jawa Timur"], departments
heads = {d["name"]: d.get("head") for d in imported["departments"]}
assert heads == {"Penjualan, Jawa Timur": "e1", "Layanan": "e3"}, heads
print(f"a file Python's csv module wrote (';', BOM, CRLF, quotes, line breaks, Arabic, NFD) imports {len(names)} "
      f"people, names as written, heads inferred")

table = run("export-csv", organization)
again = run(
    "import-csv", "-", "--id", "id", "--name", "name", "--department", "department", "--department-name",
    "department_name", "--title", "title", "--manager", "manager", "--parent-department", "parent_department",
    "--parent-department-name", "parent_department_name", "--skills", "skills", "--head-of", "head_of", stdin=table)
assert run("export-csv", "-", stdin=again) == table, "export → import → export changed the people table"
print("export-csv people → import-csv → export-csv gives the same table")

# Open seats and the hiring plan: the seats table and the plan's CSV, read by csv.reader, against the JSON.
note = 'Bahasa, English and "Jawa"\r\nfrom May'
with_seats = os.path.join(work, "seats-csv.json")
first = run("change", organization, "open-seat", "--squad", "bali", "--id", "account", "--role", "account manager",
            "--skill", "key accounts=proficient", "--share", "50", "--needed-from", "2027-01-04", "--department",
            "marketing", "--cost-per-fte", "90000", "--note", note, "--output", "-")
second = run("change", "-", "open-seat", "--squad", "bali", "--id", "runner", "--role", "=runner", "--share", "10",
             "--needed-from", "2027-04-12", "--output", "-", stdin=first)
with open(with_seats, "wb") as file:
    file.write(second)
rows = list(csv.reader(run("export-csv", with_seats, "--table", "seats").decode("utf-8").splitlines(keepends=True),
                       strict=True))
header, seat_rows = rows[0], {row[1]: dict(zip(rows[0], row)) for row in rows[1:]}
assert header[:3] == ["squad", "seat", "role"] and sorted(seat_rows) == ["account", "runner"], rows
account = seat_rows["account"]
assert account["note"] == note and account["skills"] == "key accounts:proficient", account
assert account["share"] == "50" and account["needed_from"] == "2027-01-04" and account["cost_per_fte"] == "90000"
assert seat_rows["runner"]["role"] == "'=runner", seat_rows["runner"]  # the formula guard
plan = json.loads(run("hiring-plan", with_seats, "--format", "json"))
hires = list(csv.DictReader(run("hiring-plan", with_seats, "--format", "csv").decode("utf-8")
                            .splitlines(keepends=True), strict=True))
assert len(hires) == len(plan["hires"]), (hires, plan["hires"])
for row, hire in zip(hires, plan["hires"]):
    assert row["reason"] == hire["reason"] and float(row["fte"]) == hire["fte"], (row, hire)
    if hire.get("costPerFTE") is not None:
        assert abs(float(row["cost"]) - hire["costPerFTE"] * hire["fte"]) < 1e-6, (row, hire)
account_hire = [row for row in hires if row["seat"] == "account"]
assert account_hire and account_hire[0]["cost"] == "45000" and account_hire[0]["quarter"] == "2027-Q1", hires
print(f"Python's csv module reads the seats table ({len(seat_rows)} seats, a note with quotes and CRLF as written) "
      f"and the hiring plan ({len(hires)} hire(s), as its JSON says)")
