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
# BENCH_NO_BUILD=1 skips the build (benchmarks/target/bench-lib is already filled by an earlier run)
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  # a reactor build, never `install`: ~/.m2 is shared, and the SDK's jars are copied from the reactor itself
  # (private copies, so that a concurrent build cannot swap a jar under the running JVMs)
  rm -rf benchmarks/target/bench-lib
  mvn -B -q -DskipTests -pl benchmarks -am package dependency:copy-dependencies \
    -DoutputDirectory=target/bench-lib -DincludeScope=runtime
fi
CP="benchmarks/target/classes:benchmarks/target/bench-lib/*"
JVM=(-Xms1g -Xmx2g -XX:-UseDynamicNumberOfCompilerThreads)
# JAVA_HOME picks the JDK of a run (e.g. JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 benchmarks/run.sh)
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
{
  "$JAVA" "${JVM[@]}" -cp "$CP" dev.videosdk.benchmarks.Bench "$@"
  # On <= 2 CPUs the common pool has parallelism 1, so CompletableFuture's default executor (where
  # HttpClient.sendAsync delivers every response) starts a thread per task. Rerun the non-blocking
  # rows with a real pool to show what that costs (see REPORT.md).
  if [[ " $* " != *" --scenarios="* || " $* " == *" --scenarios=1"* ]]; then
    "$JAVA" "${JVM[@]}" -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -cp "$CP" \
      dev.videosdk.benchmarks.Bench "$@" --scenarios=1 --rows=sdk,sdk-gate64,raw,raw-gate64
  fi
} | tee benchmarks/target/last-run.md
