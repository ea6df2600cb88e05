#!/usr/bin/env bash
# Runs the store benchmarks, each beside its plain-JDBC baseline, and writes JMH's JSON results
# under docs/benchmarks/. Needs PostgreSQL and MariaDB on loopback (see the README). About 8 minutes
# on a 2-core machine; pass extra JMH options (for example "-wi 1 -i 1 -r 1") to shorten it.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -Dmaven.javadoc.skip=true -Dspotless.check.skip=true -pl es-benchmarks -am install
jar=es-benchmarks/target/benchmarks.jar
out=docs/benchmarks
mkdir -p "$out"
java -jar "$jar" AppendBenchmark -p database=POSTGRESQL,MARIADB,H2 -p eventsPerStream=10 -t 8 \
  -rf json -rff "$out/append-10-events-8-writers.json" "$@"
java -jar "$jar" AppendBenchmark -p database=POSTGRESQL,MARIADB,H2 -p eventsPerStream=1 -t 1 \
  -rf json -rff "$out/append-1-event-1-writer.json" "$@"
java -jar "$jar" LoadBenchmark -p database=POSTGRESQL,MARIADB,H2 -p events=1000 \
  -rf json -rff "$out/load-1000-events.json" "$@"
