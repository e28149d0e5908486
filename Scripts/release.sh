#!/usr/bin/env bash
# Prepares a release: checks that the version is the same everywhere it is written, runs a mutation pass over the
# library and writes its report to Documentation/TestStrength.md, to be committed with the release.
# Usage: Scripts/release.sh VERSION [MUTANTS_PER_PART]    (the pass takes about two minutes a mutant)
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?give the version, such as 0.3.0}
per_part=${2:-12}
library=$(sed -n 's/^    public static let current = "\(.*\)"$/\1/p' Sources/CustomerValueSquads/Model/LibraryVersion.swift)
[ "$library" = "$version" ] || { echo "LibraryVersion.current is $library, not $version"; exit 1; }
grep -q "^## \[$version\]" CHANGELOG.md || { echo "CHANGELOG.md has no section [$version]"; exit 1; }
grep -q "from: \"$version\"" README.md || { echo "README.md does not depend on from: \"$version\""; exit 1; }
report=$(mktemp)
python3 .ci/mutate.py "$per_part" 2026 | tee "$report"
{
    echo "# Test strength of $version"
    echo
    echo "A mutation pass over the library's code: in every part (each folder of Sources/CustomerValueSquads),"
    echo "$per_part places chosen at random (seed 2026) get one plausible bug each — a comparison the wrong way, an"
    echo "off-by-one, a dropped statement, \`first\` for \`last\`, \`allSatisfy\` for \`contains\`, a comparison that"
    echo "forgets case — and \`swift test\` runs against each (\`python3 .ci/mutate.py $per_part 2026\`)."
    echo
    echo '```'
    sed -n '/^mutation score per part/,$p' "$report"
    echo '```'
    echo
    echo "Each survivor is judged below: equivalent (the change cannot alter a result), or the test that now kills it."
} > Documentation/TestStrength.md
echo "wrote Documentation/TestStrength.md; judge every survivor in it before committing"
