#!/usr/bin/env bash
# Lists top-level class names defined in the src/main of more than one Maven module (issue 12: no class name may exist
# in two modules). Prints "Name: module1 module2 ..." per duplicate; exits 1 when there is any.
set -euo pipefail
cd "$(dirname "$0")/.."
dups=$(find . -path '*/src/main/java/*.java' -not -path './*/target/*' -not -name package-info.java \
    | sed -E 's|^\./([^/]+)/src/main/java/.*/([^/]+)\.java$|\2 \1|' \
    | sort -u \
    | awk '{ mods[$1] = mods[$1] " " $2; n[$1]++ } END { for (c in n) if (n[c] > 1) print c ":" mods[c] }' \
    | sort)
if [[ -n "$dups" ]]; then
    echo "$dups"
    exit 1
fi
echo "no class name is defined in two modules"
