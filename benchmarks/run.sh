#!/usr/bin/env bash
# Runs the benchmark suite (see benchmarks/README.md):  benchmarks/run.sh [--quick] [--scenarios=1,3,4,5] [...]
# Builds the modules it measures, installs curl when missing, prints Markdown tables and one JSON line per
# scenario, and keeps a copy of the output in benchmarks/target/last-run.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v curl >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
  { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq curl >/dev/null; } \
    || echo "could not install curl: the curl row of scenario 4 is skipped" >&2
fi
mvn -B -q -DskipTests install -pl benchmarks -am
mvn -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
mkdir -p benchmarks/target
exec java -Xms1g -Xmx2g -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.videosdk.benchmarks.Bench "$@" | tee benchmarks/target/last-run.md
