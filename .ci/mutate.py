"""A mutation pass over the library: one small change at a time, then the test suite, to see whether a test
notices. Not part of CI (it takes a while); Scripts/release.sh runs a pass and writes its report to
Documentation/TestStrength.md, the measure of how well the tests guard each part.

Usage: python3 .ci/mutate.py [MUTANTS_PER_PART] [SEED] [--parts P,Q]   (defaults: 5, 2026, every part)
       python3 .ci/mutate.py --replay FILE                 (the survivors a pass listed, one per line)

`--parts` runs the pass over the parts named (folders under Sources/CustomerValueSquads, such as `Interop/CSV`)
only, so a long pass can be run in pieces.

`--replay` applies again each mutant a pass listed as a survivor (`path:line: original -> mutated`, found by
its original text nearest the line recorded, so lines that moved since are still found) and reports which the
tests now catch.

It works in a scratch clone of the current commit. For each part of Sources/CustomerValueSquads it picks
lines at random (seeded) where one of the operators below applies, applies one replacement, builds and runs
the plain `swift test` (the random suites' quick share, as a user runs it). A mutant that does not compile is not
counted; one the tests fail on is killed; one they pass is a survivor, listed with its file, line and change so it
can be judged equivalent or turned into a test. Each survivor then runs once more against the full share of the
random suites (`CVS_FUZZ_CASES=850 CVS_SEQUENCES=125`, as in CI), and the report says how many only that kills:
the measure of whether the quick share is large enough.
"""

import pathlib
import random
import re
import subprocess
import sys
import tempfile
import time

SOURCES = pathlib.Path(__file__).resolve().parent.parent / "Sources/CustomerValueSquads"
# Every folder of the library that holds Swift files is a part of its own (Validation and Validation/Live are
# two), read from the tree so a new folder is never left out.
PARTS = sorted(
    str(folder.relative_to(SOURCES)) for folder in [SOURCES, *SOURCES.rglob("*")]
    if folder.is_dir() and folder != SOURCES and any(folder.glob("*.swift")))
# The bugs a tired colleague writes: a comparison the wrong way, an off-by-one or a dropped one, `first` for
# `last`, `allSatisfy` for `contains`, a comparison that forgets case, a dropped statement (DROP: the whole line
# becomes empty when it is an update, an append, an insert or a removal).
OPERATORS = [
    # Comparisons are written with a space either side, which tells them from generic brackets (`Set<Skill>`).
    (r"(?<= )<=(?= )", ">"), (r"(?<= )>=(?= )", "<"), (r"(?<= )<(?= )", ">="), (r"(?<= )>(?= )", "<="), (r"==", "!="), (r"!=", "=="), (r"&&", "||"), (r"\|\|", "&&"),
    (r"\+ 1\b", "- 1"), (r"- 1\b", "+ 1"), (r" \+ 1\b", ""), (r" - 1\b", ""), (r"\btrue\b", "false"),
    (r"\bfalse\b", "true"), (r"\.min\(\)", ".max()"), (r"\.max\(\)", ".min()"), (r"\bcontinue\b", "break"),
    (r"\.first\b", ".last"), (r"\.last\b", ".first"), (r"\.allSatisfy\b", ".contains"),
    (r"\.contains(?= ?\{|\(where:)", ".allSatisfy"), (r"\.lowercased\(\)", ""),
    (r"^\s*(?:try )?[A-Za-z_][\w.]*(?:\[[^\]]*\])?(?:\s*(?:\+=|-=)\s|\.(?:append|insert|remove\w*|formUnion)\().*$",
     "DROP"),
]

only = None
if "--parts" in sys.argv:
    at = sys.argv.index("--parts")
    only = set(sys.argv[at + 1].split(","))
    unknown = only - set(PARTS)
    if unknown:
        sys.exit(f"no such parts: {sorted(unknown)}; the parts are {PARTS}")
    del sys.argv[at:at + 2]
replay = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[1] == "--replay" else None
if replay:
    sys.argv = sys.argv[:1]
per_part = int(sys.argv[1]) if len(sys.argv) > 1 else 5
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2026
root = pathlib.Path(__file__).resolve().parent.parent
random.seed(seed)

with tempfile.TemporaryDirectory() as scratch:
    clone = pathlib.Path(scratch) / "main"
    subprocess.run(["git", "clone", "-q", str(root), str(clone)], check=True)
    environment = {"PATH": __import__("os").environ["PATH"], "HOME": __import__("os").environ.get("HOME", "/root")}
    full_share = {**environment, "CVS_FUZZ_CASES": "850", "CVS_SEQUENCES": "125"}
    subprocess.run(["swift", "build", "--build-tests"], cwd=clone, check=True, capture_output=True)
    report = {}
    survivors = []
    full_only = []
    plan = []
    if replay:
        for entry in replay.read_text().splitlines():
            entry = entry.strip()
            if not entry:
                continue
            location, change = entry.split(": ", 1)
            path = location.rsplit(":", 1)[0]
            if change.endswith(" ->"):  # a dropped statement: nothing after the arrow (its space stripped)
                before, after = change[: -len(" ->")], ""
            else:
                halves = change.split(" -> ")  # the original and the mutant alike may hold " -> " themselves
                before, after = " -> ".join(halves[: len(halves) // 2]), " -> ".join(halves[len(halves) // 2 :])
            file = clone / path
            lines = file.read_text().splitlines()
            # The line with that text nearest the line the pass recorded: a line such as `continue` occurs often.
            recorded = int(location.rsplit(":", 1)[1]) - 1
            number = min((i for i, line in enumerate(lines) if line.strip() == before), key=lambda i: abs(i - recorded))
            part = next(p for p in sorted(PARTS, key=len, reverse=True) if path.startswith(f"Sources/CustomerValueSquads/{p}/"))
            plan.append((part, [(file, number, re.escape(before), after.replace("\\", "\\\\"))]))
    for part in PARTS:
        if replay or (only is not None and part not in only):
            continue
        files = sorted((clone / "Sources/CustomerValueSquads" / part).glob("*.swift"))
        sites = []
        for file in files:
            for number, line in enumerate(file.read_text().splitlines()):
                code = line.split("//")[0]
                if code.strip().startswith(("///", "//")) or '"' in code:
                    continue
                for pattern, replacement in OPERATORS:
                    if re.search(pattern, code):
                        sites.append((file, number, pattern, replacement))
        plan.append((part, random.sample(sites, min(per_part, len(sites)))))
    for part, chosen in plan:
        killed, viable = report.get(part, (0, 0))
        # The suites of the part's own test folder and the regression suites run first: when they fail, so
        # does the whole `swift test`, and the mutant is killed sooner. Only what they let through runs the rest.
        tests = clone / "Tests/CustomerValueSquadsTests"
        suites = sorted({name for folder in (part.split("/")[0], "Regressions") for file in (tests / folder).glob("*.swift")
                         for name in re.findall(r"^(?:@Suite[^\n]*\n)?struct (\w+)", file.read_text(), re.M)})
        first = ["--filter", "|".join(suites)] if suites else []
        for file, number, pattern, replacement in chosen:
            original = file.read_text()
            lines = original.splitlines(keepends=True)
            if replacement == "DROP":
                mutated_line = "\n"
            else:
                mutated_line = re.sub(pattern, replacement, lines[number], count=1)
            lines[number] = mutated_line
            file.write_text("".join(lines))
            name = f"{file.relative_to(clone)}:{number + 1}: {original.splitlines()[number].strip()} -> {mutated_line.strip()}"
            try:
                build = subprocess.run(["swift", "build", "--build-tests"], cwd=clone, capture_output=True, env=environment)
                if build.returncode != 0:
                    print(f"does not compile: {name}", flush=True)
                    continue
                viable += 1
                test = subprocess.run(["swift", "test", "--skip-build", *first], cwd=clone, capture_output=True,
                                      env=environment, timeout=300)
                if test.returncode == 0 and first:
                    test = subprocess.run(["swift", "test", "--skip-build"], cwd=clone, capture_output=True,
                                          env=environment, timeout=300)
                if test.returncode != 0:
                    killed += 1
                    print(f"{time.strftime('%H:%M:%S')} killed: {name}", flush=True)
                else:
                    full = subprocess.run(["swift", "test", "--skip-build"], cwd=clone, capture_output=True,
                                          env=full_share, timeout=1800)
                    if full.returncode != 0:
                        full_only.append(name)
                    survivors.append(name)
                    print(f"SURVIVED: {name}{' (the full share kills it)' if full.returncode else ''}", flush=True)
            except subprocess.TimeoutExpired:
                killed += 1
                print(f"killed (timeout): {name}", flush=True)
            finally:
                file.write_text(original)
        report[part] = (killed, viable)
    print("\nmutation score per part (killed / viable mutants):")
    total_killed = sum(k for k, _ in report.values())
    total_viable = sum(v for _, v in report.values())
    for part, (killed, viable) in report.items():
        print(f"  {part:20} {killed}/{viable}")
    print(f"  {'all':20} {total_killed}/{total_viable} = {100 * total_killed / max(total_viable, 1):.0f}%")
    print(f"killed only by the full share of the random suites: {len(full_only)} of {total_viable}")
    print("survivors:" if survivors else "no survivors")
    for name in survivors:
        print(f"  {name}{'  [the full share kills it]' if name in full_only else ''}")
