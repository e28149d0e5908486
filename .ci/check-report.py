"""Checks the page `squads report` writes: it parses as HTML with every element closed, loads nothing from
elsewhere (its one script is inline), and — unless the page says it aggregated it — its silo × squad matrix has a
row for every department and a column for every squad of the organisation.
Usage: python3 .ci/check-report.py REPORT.html ORGANIZATION.json
"""

import html.parser
import json
import sys

VOID = {"meta", "br", "img", "link", "input", "hr", "col", "area", "base", "embed", "source", "track", "wbr"}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.problems = [], []
        self.in_matrix, self.squads, self.departments, self.aggregated = False, [], [], False

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        if tag == "script" and attributes.get("src"):
            self.problems.append("the page loads a script")
        for name in ("src", "href"):
            if name in attributes and "://" in (attributes[name] or ""):
                self.problems.append(f"the page loads {attributes[name]}")
        if tag == "table" and attributes.get("id") == "silo-squad-matrix":
            self.in_matrix = True
            self.aggregated = attributes.get("data-aggregated") == "true"
        if self.in_matrix and tag == "th" and "data-squad" in attributes:
            self.squads.append(attributes["data-squad"])
        if self.in_matrix and tag == "tr" and "data-department" in attributes:
            self.departments.append(attributes["data-department"])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_matrix = False
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> does not close <{self.stack[-1] if self.stack else 'nothing'}>")
        else:
            self.stack.pop()


page = Page()
page.feed(open(sys.argv[1], encoding="utf-8").read())
page.close()
organization = json.load(open(sys.argv[2], encoding="utf-8"))
squads = sorted(s["id"] for s in organization.get("squads", []) if s.get("stage") != "dissolved")
departments = sorted(d["id"] for d in organization.get("departments", []))
if page.stack:
    page.problems.append(f"unclosed elements: {page.stack}")
if page.aggregated:
    if not page.departments:
        page.problems.append("the aggregated matrix shows no department")
elif sorted(page.squads) != squads:
    page.problems.append(f"the matrix has squads {page.squads}, the organisation {squads}")
if not page.aggregated and sorted(page.departments) != departments:
    page.problems.append(f"the matrix has departments {page.departments}, the organisation {departments}")
if page.problems:
    sys.exit("\n".join(page.problems))
shape = "aggregated" if page.aggregated else f"{len(departments)} departments × {len(squads)} squads"
print(f"the report parses as HTML and its matrix holds {shape}")
