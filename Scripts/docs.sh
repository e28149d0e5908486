#!/usr/bin/env bash
# Builds the documentation of the three modules with the toolchain alone, warnings as errors, into .build/ — the
# source tree stays as it was (git status is clean afterwards).
#
#   Scripts/docs.sh archive            .build/docs/<module>.doccarchive for CustomerValueSquads,
#                                      CustomerValueSquadsSamples and CustomerValueSquadsTesting
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
# Building the testing module emits the symbol graphs of all three modules; each catalog gets only its own.
swift build --scratch-path "$scratch" --target CustomerValueSquadsTesting -Xswiftc -emit-symbol-graph \
    -Xswiftc -emit-symbol-graph-dir -Xswiftc "$PWD/$emitted"
rm -rf "$graphs"
modules="CustomerValueSquads CustomerValueSquadsSamples CustomerValueSquadsTesting"
for module in $modules; do
    mkdir -p "$graphs/$module"
    cp "$emitted/$module.symbols.json" "$emitted/$module"@*.symbols.json "$graphs/$module/"
done

catalog() { echo "Sources/$1/$1.docc"; }

case "$mode" in
archive)
    for module in $modules; do
        rm -rf ".build/docs/$module.doccarchive"
        docc convert "$(catalog "$module")" --additional-symbol-graph-dir "$graphs/$module" \
            --output-path ".build/docs/$module.doccarchive" --warnings-as-errors
    done
    echo "documentation archives: $(for module in $modules; do printf '.build/docs/%s.doccarchive ' "$module"; done)"
    ;;
preview)
    module=${2:-CustomerValueSquads}
    [ -d "$(catalog "$module")" ] || { echo "no catalog for module $module" >&2; exit 2; }
    exec docc preview "$(catalog "$module")" --additional-symbol-graph-dir "$graphs/$module" \
        --output-path ".build/docs/$module-preview" --warnings-as-errors
    ;;
*)
    echo "usage: Scripts/docs.sh archive | preview [CustomerValueSquads | CustomerValueSquadsSamples | CustomerValueSquadsTesting]" >&2
    exit 2
    ;;
esac
