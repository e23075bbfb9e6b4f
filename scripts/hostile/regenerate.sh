#!/usr/bin/env bash
# Rebuilds the committed hostile-input corpus (src/test/resources/hostile/files/) from its
# generator, cn.gov.county.gkreport.hostile.HostileCorpus. The output is deterministic: on an
# unchanged generator, form and demo figures, git sees no change.
#
#   scripts/hostile/regenerate.sh                  rewrite src/test/resources/hostile/files/
#   scripts/hostile/regenerate.sh --as-input DIR   write every case (also the big and raw-byte-named
#                                                  ones) under its hostile name into DIR, e.g. to try
#                                                  the job by hand on input/2024 + the corpus
#
# The expectations (src/test/resources/hostile/<case>.expected) are written by hand, not generated.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/hostile-classpath.txt
classpath="target/test-classes:target/classes:$(cat target/hostile-classpath.txt)"
if [ "$#" -eq 0 ]; then
    set -- src/test/resources/hostile/files
fi
exec java -cp "$classpath" cn.gov.county.gkreport.hostile.HostileCorpus "$@"
