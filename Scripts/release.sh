#!/usr/bin/env bash
# Cuts a release, or with --dry-run checks that one could be cut: the version is the same in LibraryVersion, the
# newest CHANGELOG section (dated, with its compare link), README.md's and the articles' dependency lines.
# Without --dry-run it then runs .ci/run, a mutation pass whose report goes to Documentation/TestStrength.md (to be
# judged and committed with the release), and tags the commit.
# Usage: Scripts/release.sh VERSION [--dry-run] [MUTANTS_PER_PART]
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?give the version, such as 0.3.0}
dry_run=no
per_part=12
for argument in "${@:2}"; do
    case "$argument" in
        --dry-run) dry_run=yes ;;
        *) per_part=$argument ;;
    esac
done
fail() { echo "release $version: $*"; exit 1; }
library=$(sed -n 's/^    public static let current = "\(.*\)"$/\1/p' Sources/CustomerValueSquads/Model/LibraryVersion.swift)
[ "$library" = "$version" ] || fail "LibraryVersion.current is $library"
newest=$(grep -m 1 -E '^## \[[0-9]' CHANGELOG.md)
[[ "$newest" =~ ^##\ \[$version\]\ -\ [0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || fail "the newest CHANGELOG section is '$newest'"
grep -q "^\[$version\]: " CHANGELOG.md || fail "CHANGELOG.md has no compare link for [$version]"
mentions=$(grep -rhoE 'from: "[0-9]+\.[0-9]+\.[0-9]+"' README.md Sources/*/*.docc | sort -u)
[ "$mentions" = "from: \"$version\"" ] || fail "README.md and the articles depend on: $(echo $mentions)"
echo "release $version: the version constant, the CHANGELOG, the README and the articles agree"
[ "$dry_run" = yes ] && exit 0
bash .ci/run
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
git tag "$version"
echo "tagged $version; judge every survivor in Documentation/TestStrength.md and commit it"
