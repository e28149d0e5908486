"""Checks the page as headless Chromium holds it after its script ran (`chromium --dump-dom`): the script marked
the page ready, every section is there, and the charts were drawn.
Usage: python3 .ci/check-report-dom.py DOM.html [--compared] [--history] [--lines] [--seats]"""

import html.parser
import sys


class DOM(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ready, self.sections, self.charts, self.sparklines = False, set(), 0, 0

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        if tag == "body" and attributes.get("data-script") == "ready":
            self.ready = True
        if tag == "section" and attributes.get("id"):
            self.sections.add(attributes["id"])
        if tag == "svg" and "chart" in (attributes.get("class") or "").split():
            self.charts += 1
            if "sparkline" in attributes["class"].split():
                self.sparklines += 1


dom = DOM()
dom.feed(open(sys.argv[1], encoding="utf-8").read())
expected = {"glance", "silos", "drain", "outcomes", "findings"} | ({"compare"} if "--compared" in sys.argv else set())
expected |= {"history"} if "--history" in sys.argv else set()
expected |= {"reporting"} if "--lines" in sys.argv else set()
expected |= {"seats"} if "--seats" in sys.argv else set()
problems = []
if not dom.ready:
    problems.append("the page's script did not run in Chromium (body has no data-script=ready)")
if expected - dom.sections:
    problems.append(f"sections missing: {sorted(expected - dom.sections)}")
if dom.charts < (8 if "--history" in sys.argv else 4):
    problems.append(f"only {dom.charts} charts were drawn")
if problems:
    sys.exit("\n".join(problems))
print(f"Chromium ran the page's script; sections {sorted(dom.sections)}; {dom.charts} charts "
      f"({dom.sparklines} sparklines)")
