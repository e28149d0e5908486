"""Builds README.md's getting-started snippets as a package of their own and runs them.

Every fenced block after a `<!-- consumer: PATH -->` line is written to PATH in a fresh package beside a link
to this checkout named CustomerValueSquads (the name the snippet's path dependency uses), then the package is
built, its executable run and its tests run. Usage: python3 .ci/readme-consumer.py WORK_DIRECTORY
"""

import os
import pathlib
import re
import shutil
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
work = pathlib.Path(sys.argv[1]).resolve()
readme = (root / "README.md").read_text()
blocks = re.findall(r"<!-- consumer: (\S+) -->\n```swift\n(.*?)\n```", readme, re.S)
if len(blocks) < 3:
    sys.exit(f"README.md has {len(blocks)} consumer snippets; expected the manifest, the program and a test")

shutil.rmtree(work, ignore_errors=True)
consumer = work / "consumer"
consumer.mkdir(parents=True)
(work / "CustomerValueSquads").symlink_to(root)
for path, text in blocks:
    target = consumer / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text + "\n")
    print(f"wrote {path} from README.md ({text.count(chr(10)) + 1} lines)")


def run(*command):
    print("$", " ".join(command), flush=True)
    return subprocess.run(command, cwd=consumer, check=True, capture_output=True, text=True)


run("swift", "build")
output = run("swift", "run", "OrgPlanner").stdout
expected = "duplicateID dr-sari is already a member of squad or-1"
if expected not in output:
    sys.exit(f"the program printed {output!r}, README.md promises {expected!r}")
tests = run("swift", "test")
summary = [line for line in (tests.stdout + tests.stderr).splitlines() if "Test run with" in line]
print(summary[-1] if summary else tests.stdout[-500:])
if not summary or "passed" not in summary[-1]:
    sys.exit("the README's test did not pass")
print("README.md's snippets build, run and pass their test")
