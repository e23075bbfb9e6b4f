#!/usr/bin/env bash
# The scale benchmark (not part of the tests, not run by .ci/run): generates N submissions from the
# template, compares the product's reader+checker with POI usermodel on one core, then runs the
# product end to end in a fresh JVM (-Xmx512m) on a fresh database and prints per-stage figures.
# Results: target/benchmark/results.md; each run's log, GC log and output: target/benchmark/run-<N>-<db>/.
#
#   scripts/benchmark/run.sh                                  # --n=41,1000,10000 --db=h2
#   scripts/benchmark/run.sh --n=1000 --db=h2,mariadb         # also on the embedded MariaDB of the tests
#   ARC_BENCH_MYSQL=1 scripts/benchmark/run.sh --n=1000       # the same; ARC_TEST_MYSQL_URL=… for a real server
#
# Options (see Benchmark.java): --n=… --db=h2|mariadb --threads=2 --out=target/benchmark --plain
# --jvm-opt=… --rates=false --e2e=false --repeat=1 --libreoffice=off --seed=42
# --launch=cds (default: as jobs/run-nightly.sh, extracted jar + class-data sharing archive) or --launch=classpath
# --flawed=1.0 (share of generated files breaking a rule, each getting a feedback copy; default 0.02)
# The machine should be otherwise idle: other processes on its cores change every figure.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B package -DskipTests
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
if [ "$#" -eq 0 ]; then set -- --n=41,1000,10000 --db=h2 --threads=2 --out=target/benchmark; fi
exec java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  cn.gov.county.gkreport.benchmark.Benchmark "$@"
