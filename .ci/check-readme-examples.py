"""Runs the `squads` examples of README.md with the built tool and checks that what README.md shows is what
the tool prints.

Each `$ ` line of the README's text blocks (the first of "The `squads` tool" and of "Plan from the terminal") is
a command; the lines after it, up to the next command, are
output the tool must print, in that order (`...` stands for lines left out, and a line that ends in `...`
for one that goes on). Commands run in a scratch folder
where `Tools` leads to this checkout's Tools folder and `squads` (also through `swift run`) is the binary given.
Usage: python3 .ci/check-readme-examples.py PATH_TO_SQUADS
"""

import os
import pathlib
import re
import subprocess
import sys
import tempfile

root = pathlib.Path(__file__).resolve().parent.parent
binary = pathlib.Path(sys.argv[1]).resolve()
readme = (root / "README.md").read_text()
examples = []
# The first text block of each section that shows the tool at work; their commands run in one folder, in order.
for title in ("## The `squads` tool", "## Plan from the terminal"):
    section = readme[readme.index(title):]
    block = re.search(r"```text\n(.*?)\n```", section, re.S).group(1)
    for line in block.splitlines():
        if line.startswith("$ "):
            examples.append((line[2:], []))
        elif line.strip() and line.strip() != "..." and examples:
            examples[-1][1].append(line.rstrip())

failures = 0
with tempfile.TemporaryDirectory() as scratch:
    scratch = pathlib.Path(scratch)
    (scratch / "Tools").symlink_to(root / "Tools")
    bin_dir = scratch / "bin"
    bin_dir.mkdir()
    (bin_dir / "squads").symlink_to(binary)
    environment = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}")
    for command, expected in examples:
        command = re.sub(r"\s+#.*$", "", command).replace("swift run --package-path Tools squads", "squads")
        if "dot -Tpng" in command:
            command = command.split("|")[0]
        result = subprocess.run(command, shell=True, cwd=scratch, env=environment, capture_output=True, text=True)
        printed = (result.stdout + result.stderr).splitlines()
        def matches(printed_line, line):
            # A line that ends in `...` shows the start of what is printed.
            if line.endswith("..."):
                return printed_line.startswith(line[:-3].rstrip())
            return printed_line.rstrip() == line

        position = 0
        for line in expected:
            while position < len(printed) and not matches(printed[position], line):
                position += 1
            if position == len(printed):
                print(f"README.md: `{command}` does not print: {line}")
                failures += 1
                break
            position += 1
        print(f"ok: {command} ({len(expected)} lines checked)")
if failures:
    sys.exit(f"{failures} README examples differ from the tool's output")
print(f"README.md's {len(examples)} tool examples match the tool's output")
