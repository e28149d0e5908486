"""Builds every Swift snippet of the DocC articles, as a reader would type them, and of the doc comments.

Each article's ```swift blocks are joined in order into the main.swift of an executable of its own (a reader
reads an article top to bottom, so a later block may use what an earlier one made), in a package that depends
on this checkout; the package is built with the library's products and Foundation. A block that is a package
manifest (starting with `// swift-tools-version`) is written to a Package.swift of its own, with its dependency
on this library pointed at this checkout, and read by `swift package dump-package`. Snippets are only built, not
run: some show a call that throws.
The ```swift blocks of the doc comments are built too, each as the body of a function of its module's target, with
the names in DOC_CONTEXT below given (a doc comment shows one call in the context of the API it documents).
Usage: python3 .ci/check-snippets.py WORK_DIRECTORY
"""

import glob
import pathlib
import re
import shutil
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
work = pathlib.Path(sys.argv[1]).resolve()
shutil.rmtree(work, ignore_errors=True)
package = work / "snippets"
(package / "Sources").mkdir(parents=True)
(work / "CustomerValueSquads").symlink_to(root)

targets = []
manifests = 0
for path in sorted(glob.glob(str(root / "Sources/*/*.docc/**/*.md"), recursive=True)):
    text = pathlib.Path(path).read_text()
    blocks = re.findall(r"^```swift\n(.*?)\n```", text, re.S | re.M)
    code = []
    for block in blocks:
        if block.lstrip().startswith("// swift-tools-version"):
            manifests += 1
            manifest = work / f"manifest-{manifests}"
            for target in re.findall(r'\.(?:executableTarget|target|testTarget)\(\s*name: "([^"]+)"', block):
                (manifest / "Sources" / target).mkdir(parents=True, exist_ok=True)
                (manifest / "Sources" / target / "main.swift").write_text("")
            (manifest / "Tests").mkdir(exist_ok=True)
            local = re.sub(r'\.package\(url: "[^"]*CustomerValueSquads", from: "[^"]*"\)',
                           f'.package(name: "CustomerValueSquads", path: "{root}")', block)
            (manifest / "Package.swift").write_text(local + "\n")
            checked = subprocess.run(["swift", "package", "dump-package"], cwd=manifest, capture_output=True,
                                     text=True)
            if checked.returncode != 0:
                sys.exit(f"{path}: the manifest does not read:\n{checked.stderr[-2000:]}")
            print(f"{pathlib.Path(path).relative_to(root)}: a manifest that SwiftPM reads")
            continue
        if block.lstrip().startswith(".package("):
            sys.exit(f"{path}: a manifest fragment; show a whole Package.swift, which this check can read")
        code.append(block)
    if not code:
        continue
    name = "Snippets" + re.sub(r"[^A-Za-z0-9]", "", pathlib.Path(path).stem)
    folder = package / "Sources" / name
    folder.mkdir()
    imports = "import Foundation\nimport CustomerValueSquads\nimport CustomerValueSquadsSamples\n"
    imports += "import CustomerValueSquadsTesting\nimport Testing\n"
    body = "\n\n".join(f"// {pathlib.Path(path).name}, block {index + 1}\n{block}" for index, block in enumerate(code))
    (folder / "main.swift").write_text(imports + "\n" + body + "\n")
    targets.append((name, pathlib.Path(path).relative_to(root), len(code)))

# Doc comments show a call in the context of the API they document, so their snippets may use these names as
# given (and change `organization`, `live` and `log`, which are variables); everything else they use they set up.
DOC_CONTEXT = """
import Foundation
import CustomerValueSquads
import CustomerValueSquadsSamples
import CustomerValueSquadsTesting
import Testing

struct EverySquadHasALead: ValidationRule {
    var codes: [Finding.Code] { ["acme.squad.noLead"] }
    func check(_ squad: CustomerValueSquad, in context: ValidationContext) -> [Finding] { [] }
}

func documented(
    _ organization: Organization, data: Data, day: Day, change: OrganizationChange, squad: CustomerValueSquad,
    context: ValidationContext, live: LiveValidation, missions: [Mission], lastYear: Organization,
    log: [OrganizationChange], userInput: String, jakarta: CustomerValueSquad, surabaya: CustomerValueSquad,
    _ body: (inout Organization, inout LiveValidation, inout [OrganizationChange]) throws -> Void
) rethrows {}
"""
doc_blocks = {}
for path in sorted(glob.glob(str(root / "Sources/*/**/*.swift"), recursive=True)):
    lines = pathlib.Path(path).read_text().split("\n")
    index = 0
    while index < len(lines):
        if lines[index].strip() == "/// ```swift":
            start = index
            block = []
            index += 1
            while lines[index].strip() != "/// ```":
                block.append(re.sub(r"^\s*/// ?", "", lines[index]))
                index += 1
            module = pathlib.Path(path).relative_to(root / "Sources").parts[0]
            doc_blocks.setdefault(module, []).append((pathlib.Path(path).relative_to(root), start + 1, block))
        index += 1
for module, blocks in doc_blocks.items():
    name = "DocComments" + module
    folder = package / "Sources" / name
    folder.mkdir()
    functions = []
    for number, (source, line, block) in enumerate(blocks):
        body = "\n".join("        " + text for text in block)
        functions.append(
            f"// {source}:{line}\nfunc snippet{number}(_ organization: Organization, data: Data, day: Day, "
            "change: OrganizationChange, squad: CustomerValueSquad, context: ValidationContext, live: LiveValidation, "
            "missions: [Mission], lastYear: Organization, log: [OrganizationChange], userInput: String, "
            "jakarta: CustomerValueSquad, surabaya: CustomerValueSquad) throws {\n"
            "    var organization = organization, live = live, log = log\n"
            "    _ = (organization, live, log, data, day, change, squad, context, missions, lastYear, userInput, jakarta, "
            "surabaya)\n"
            "    func snippet() throws {\n" + body + "\n    }\n    try snippet()\n}")
    (folder / "Snippets.swift").write_text(DOC_CONTEXT + "\n" + "\n\n".join(functions) + "\n")
    targets.append((name, pathlib.Path("Sources") / module, len(blocks)))

products = ", ".join(
    f'.{"target" if name.startswith("DocComments") else "executableTarget"}(name: "{name}", dependencies: [.product(name: "CustomerValueSquads", package: '
    f'"CustomerValueSquads"), .product(name: "CustomerValueSquadsSamples", package: "CustomerValueSquads"), '
    f'.product(name: "CustomerValueSquadsTesting", package: "CustomerValueSquads")])'
    for name, _, _ in targets)
(package / "Package.swift").write_text(f"""// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Snippets",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "CustomerValueSquads", path: "../CustomerValueSquads")],
    targets: [{products}]
)
""")
for name, source, count in targets:
    print(f"{source}: {count} snippets → {name}")
result = subprocess.run(["swift", "build"], cwd=package, capture_output=True, text=True)
errors = [line for line in (result.stdout + result.stderr).splitlines() if ": error:" in line]
if result.returncode != 0:
    print("\n".join(errors) if errors else (result.stdout + result.stderr)[-4000:])
    sys.exit(f"{len(errors)} errors in the articles' snippets")
articles = [(n, c) for n, _, c in targets if not n.startswith("DocComments")]
comments = [(n, c) for n, _, c in targets if n.startswith("DocComments")]
print(f"every snippet builds: {sum(c for _, c in articles)} blocks of {len(articles)} articles, "
      f"{sum(c for _, c in comments)} of the doc comments of {len(comments)} modules; {manifests} manifests read")
