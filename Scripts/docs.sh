#!/usr/bin/env bash
# Builds the documentation of both modules with the toolchain alone, warnings as errors, into .build/ — the
# source tree stays as it was (git status is clean afterwards).
#
#   Scripts/docs.sh archive            .build/docs/CustomerValueSquads.doccarchive and
#                                      .build/docs/CustomerValueSquadsTesting.doccarchive
#   Scripts/docs.sh preview [MODULE]   serves one module's documentation (CustomerValueSquads by default) at
#                                      http://localhost:8080/documentation/<module, lower case>
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-archive}
# A build folder of its own, so the flags below do not make the everyday build start over; the compiler
# writes a module's symbol graphs when it compiles the module, so they are kept there between runs.
scratch=.build/docs-build
emitted=$scratch/symbol-graphs
graphs=.build/symbol-graphs
mkdir -p "$emitted" .build/docs
# Building the testing module emits the symbol graphs of both modules; each catalog gets only its own.
swift build --scratch-path "$scratch" --target CustomerValueSquadsTesting -Xswiftc -emit-symbol-graph \
    -Xswiftc -emit-symbol-graph-dir -Xswiftc "$PWD/$emitted"
rm -rf "$graphs"
mkdir -p "$graphs/CustomerValueSquads" "$graphs/CustomerValueSquadsTesting"
cp "$emitted"/CustomerValueSquads.symbols.json "$emitted"/CustomerValueSquads@*.symbols.json \
    "$graphs/CustomerValueSquads/"
cp "$emitted"/CustomerValueSquadsTesting*.symbols.json "$graphs/CustomerValueSquadsTesting/"

catalog() { echo "Sources/$1/$1.docc"; }

case "$mode" in
archive)
    for module in CustomerValueSquads CustomerValueSquadsTesting; do
        rm -rf ".build/docs/$module.doccarchive"
        docc convert "$(catalog "$module")" --additional-symbol-graph-dir "$graphs/$module" \
            --output-path ".build/docs/$module.doccarchive" --warnings-as-errors
    done
    echo "documentation archives: .build/docs/CustomerValueSquads.doccarchive, .build/docs/CustomerValueSquadsTesting.doccarchive"
    ;;
preview)
    module=${2:-CustomerValueSquads}
    [ -d "$(catalog "$module")" ] || { echo "no catalog for module $module" >&2; exit 2; }
    exec docc preview "$(catalog "$module")" --additional-symbol-graph-dir "$graphs/$module" \
        --output-path ".build/docs/$module-preview" --warnings-as-errors
    ;;
*)
    echo "usage: Scripts/docs.sh archive | preview [CustomerValueSquads | CustomerValueSquadsTesting]" >&2
    exit 2
    ;;
esac
