#!/usr/bin/env bash
# The county office's nightly run. Schedule it with jobs/annual-report-consolidator.timer (systemd)
# or with the cron line in jobs/crontab. Environment (optional):
#   ARC_HOME      the installation folder (default: this script's parent folder)
#   ARC_YEAR      the reporting year (default: last calendar year)
#   ARC_PROFILE   "mysql" to use MySQL (then ARC_DB_URL, ARC_DB_USER, ARC_DB_PASSWORD)
#   ARC_JAVA_OPTS JVM options added after the defaults below (a later -Xmx wins; a -XX:+Use…GC replaces
#                 the default collector), e.g. ARC_JAVA_OPTS='-Xmx2g' for a province
set -euo pipefail
ARC_HOME="${ARC_HOME:-$(cd "$(dirname "$0")/.." && pwd)}"
ARC_YEAR="${ARC_YEAR:-$(( $(date +%Y) - 1 ))}"
cd "$ARC_HOME"
# cron (and some service managers) start without a locale: Java would then write file names in ASCII
# and fail on 催报名单-<year>.csv and the units' Chinese file names. Use UTF-8 whatever the caller had.
if [[ "$(locale charmap 2>/dev/null)" != "UTF-8" ]]; then
  export LC_ALL=C.UTF-8
fi
mkdir -p logs
profile_arg=()
if [[ -n "${ARC_PROFILE:-}" ]]; then
  profile_arg=(--spring.profiles.active="$ARC_PROFILE")
fi
log="logs/consolidation-$(date +%Y%m%d-%H%M%S).log"
# Exit status: 0 completed (even with rejected units), 1 failed (run again to resume),
# 2 wrong arguments or folders, 3 another run for the same year is still going.
# JVM: a batch run wants throughput, not short pauses (ParallelGC), and a quick start more than
# peak code (C1 only: C2's compiler threads would take cores from the job); 512 MB is enough for
# thousands of workbooks (see README, Scale). ARC_JAVA_OPTS adds to these.
java_opts=(-Xmx512m -XX:TieredStopAtLevel=1)
read -r -a extra_opts <<< "${ARC_JAVA_OPTS:-}"
# two collectors on one command line stop the JVM: the default one only when no other is chosen
collector=-XX:+UseParallelGC
for opt in ${extra_opts[@]+"${extra_opts[@]}"}; do
  if [[ "$opt" =~ ^-XX:\+Use[A-Za-z0-9]*GC$ ]]; then collector=; fi
done
java_opts+=(${collector:+"$collector"})
# Start-up (see README, Scale): the Spring Boot jar extracted once into plain jars, and a class-data
# sharing archive of the classes a run loads, written by the first completed run after an install, an
# upgrade or a new Java (a quarter less CPU before the job starts). Both live in data/startup/<key>,
# the key changing with the jar and the JVM; where they cannot be made, the jar runs as it is.
jar=target/annual-report-consolidator.jar
launch=(-jar "$jar")
archive_tmp=
jvm_lib="$(dirname "$(readlink -f "$(command -v java)")")/../lib/server/libjvm.so"
if [[ -f "$jar" ]] && grep -q -a "BOOT-INF/lib/" "$jar"; then
  key="$(stat -c %s-%Y "$jar")-$(stat -c %s-%Y "$jvm_lib" 2>/dev/null || echo jvm)"
  startup="data/startup/$key"
  if [[ ! -f "$startup/app/annual-report-consolidator.jar" ]]; then
    find data/startup -mindepth 1 -maxdepth 1 -type d ! -name "$key" -exec rm -rf {} + 2>/dev/null || true
    rm -rf "$startup"
    if ! { mkdir -p "$startup" && java -Djarmode=tools -jar "$jar" extract --destination "$startup/app"; } >/dev/null 2>&1; then
      rm -rf "$startup"
    fi
  fi
  if [[ -f "$startup/app/annual-report-consolidator.jar" ]]; then
    launch=(-jar "$startup/app/annual-report-consolidator.jar")
    if [[ -f "$startup/classes.jsa" ]]; then
      launch=(-XX:SharedArchiveFile="$startup/classes.jsa" -Xlog:cds*=off "${launch[@]}")
    else
      archive_tmp="$startup/classes.jsa.$$"
      launch=(-XX:ArchiveClassesAtExit="$archive_tmp" -Xlog:cds*=off "${launch[@]}")
    fi
  fi
fi
set +e
java "${java_opts[@]}" ${extra_opts[@]+"${extra_opts[@]}"} "${launch[@]}" \
  --year="$ARC_YEAR" --input=input --output=output "${profile_arg[@]}" 2>&1 | tee "$log"
status="${PIPESTATUS[0]}"
set -e
# only a completed run's archive: a refused or failed run loads a fraction of the classes
if [[ -n "$archive_tmp" && -f "$archive_tmp" ]]; then
  if [[ "$status" -eq 0 ]]; then mv -f "$archive_tmp" "${archive_tmp%.*}"; else rm -f "$archive_tmp"; fi
fi
exit "$status"
