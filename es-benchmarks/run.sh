#!/usr/bin/env bash
# Runs the store benchmarks, each beside its plain-JDBC baseline, and writes JMH's JSON results
# under docs/benchmarks/. Needs PostgreSQL and MariaDB on loopback (see the README). About 20 minutes
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
# Replay of a 100,000-event log: plain SELECT + Jackson, the log's batched reads, and a tracking
# projection into an in-memory read model; into a JDBC read model on a 20,000-event log.
for db in POSTGRESQL MARIADB,H2; do
  name=$(echo "$db" | tr 'A-Z,' 'a-z-')
  java -jar "$jar" 'ReplayBenchmark\.(plainSelect|logRead|boulevardInMemory)$' \
    -p database="$db" -p events=100000 \
    -rf json -rff "$out/replay-100000-events-$name.json" "$@"
done
java -jar "$jar" 'ReplayBenchmark\.boulevardIntoJdbc$' -p database=POSTGRESQL,MARIADB,H2 \
  -p events=20000 -rf json -rff "$out/replay-jdbc-read-model-20000-events.json" "$@"
# Lag of a tracking projection on an idle system, appended by its own store and by another one.
java -jar "$jar" TrackingLagBenchmark -p database=POSTGRESQL -p appender=SAME_STORE,OTHER_STORE \
  -rf json -rff "$out/tracking-lag-postgresql.json" "$@"
java -jar "$jar" TrackingLagBenchmark -p database=MARIADB,H2 -p appender=SAME_STORE \
  -rf json -rff "$out/tracking-lag-mariadb-h2.json" "$@"
# Replay of 1,000,000 events over 200 aggregates in a 32 MiB heap (not JMH: prints its results).
java -Xmx32m -cp "$jar" dev.boulevard.benchmarks.ReplayMemory 1000000 200 POSTGRESQL \
  | grep -v ' INFO ' | tee "$out/replay-memory-1000000-events.txt"
