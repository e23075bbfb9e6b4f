#!/usr/bin/env bash
# Rewrites the committed hostile-input corpus (src/test/resources/corpus/hostile/) from its generator.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  cn.gov.county.gkreport.corpus.HostileCorpus src/test/resources/corpus/hostile
