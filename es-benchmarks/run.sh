#!/usr/bin/env bash
# Runs the whole benchmark set, each scenario beside its baseline in the same JMH run, and writes
# JMH's JSON, one PNG chart per file and results.md (machine, scores, baselines, ratios) under
# docs/benchmarks/. Needs PostgreSQL and MariaDB on loopback (see the README). About 45 minutes on
# a 2-core machine. `run.sh --smoke [DIR]` runs everything once, briefly, with small parameters, to
# prove it all works (a few minutes), writing to DIR (default: a temporary directory).
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=false
out=docs/benchmarks
if [ "${1:-}" = "--smoke" ]; then
  smoke=true
  out=${2:-$(mktemp -d)}
fi
started=$(date +%s)
mvn -B -q -DskipTests -Dmaven.javadoc.skip=true -Dspotless.check.skip=true \
  -pl es-benchmarks,wallet-example -am install
jar=$PWD/es-benchmarks/target/benchmarks.jar
mkdir -p "$out"
rm -f "$out"/*.json "$out"/*.png "$out"/*.txt "$out"/results.md

if $smoke; then
  # One short iteration each, on small data: proves every piece runs, measures nothing.
  run=(-foe true -f 1 -wi 0 -i 1 -r 1s)
  short=("${run[@]}") lag=("${run[@]}") replay=("${run[@]}") wallet_run=("${run[@]}")
  append_run=("${run[@]}")
  streams=1,10 load_events=10,1000 replay_big=2000 replay_small=2000 replay_jdbc=2000
  memory_events=10 wallet_seconds=3 memory_replay=20000 memory_heap=32m
  fleet_events=20000 fleet_repeats=1
else
  # Throughput scenarios: 1 fork, a 1 s warmup and two 1 s iterations (a dozen runs share the
  # budget); with two iterations JMH gives no confidence interval, so read the ratios.
  run=(-foe true -f 1)
  short=("${run[@]}" -wi 1 -w 1s -i 2 -r 1s)
  # Appends: each benchmark runs in a JVM of its own, and Boulevard's reached its steady rate only
  # after 14 to 18 s of JIT compilation (plain JDBC after about 8 s): with a 1 s warm-up the runs
  # measured the warm-up and its spread (docs/benchmarks/appends.md, section 4).
  append_run=("${run[@]}" -wi 8 -w 2s -i 3 -r 2s)
  wallet_run=("${run[@]}" -wi 2 -w 2s -i 2 -r 2s)
  lag=("${run[@]}" -wi 1 -w 3s -i 1 -r 10s)
  replay=("${run[@]}" -wi 1 -w 1s -i 2 -r 1s)
  streams=1,10,100 load_events=10,1000,100000 replay_big=1000000 replay_small=100000
  replay_jdbc=20000 memory_events=10,1000 wallet_seconds=30 memory_replay=10000000
  memory_heap=256m fleet_events=1000000 fleet_repeats=2
fi
jmh() { # jmh NAME [JMH ARGS...]: one JMH run writing $out/NAME.json
  local name=$1
  shift
  echo "== $name"
  java -jar "$jar" "$@" -rf json -rff "$out/$name.json" 2>&1 | grep -E '^(Benchmark|[A-Z][A-Za-z]+\.)' || true
  test -s "$out/$name.json"
}

# Axon Framework's JdbcEventStorageEngine runs beside Boulevard on PostgreSQL (Axon*Benchmark, no
# database parameter): the AppendBenchmark and LoadBenchmark patterns match its classes too.
# Append: new streams through the store beside raw JDBC batch inserts of the same rows.
# (batchIntoStoreSchema, the plain batch into the store's table, is left to experiments.)
for writers in 1 8; do
  jmh "append-$writers-writers" 'AppendBenchmark\.(boulevard|plainJdbcBatch)$|AxonAppendBenchmark' \
    "${append_run[@]}" -t "$writers" -p database=POSTGRESQL,MARIADB,H2 -p eventsPerStream=$streams
done
# Append latency with 8 writers of 10-event streams on PostgreSQL: p50 and p99 beside both peers.
jmh "append-latency-8-writers" 'AppendBenchmark\.(boulevard|plainJdbcBatch)$|AxonAppendBenchmark' \
  "${append_run[@]}" -bm sample -tu ms -t 8 -p database=POSTGRESQL -p eventsPerStream=10
# The wallet's commands from 16 threads (the load generator's mix): the app's wiring, one unit of
# work per command, beside the wiring before it and a plain JDBC implementation, the limit.
# Longer warm-up: with 1 s, the JIT was still compiling the app's code in the first iterations.
jmh "wallet-commands" WalletCommandBenchmark "${wallet_run[@]}" -p database=H2,POSTGRESQL
jmh "wallet-commands-latency" WalletCommandBenchmark "${wallet_run[@]}" -bm sample -tu ms \
  -p database=H2,POSTGRESQL
# Aggregate load beside the raw SELECT of the same rows.
jmh load LoadBenchmark "${short[@]}" -p database=POSTGRESQL,MARIADB,H2 -p events=$load_events
# Replay of the global log into a projector beside raw SELECT plus JSON decoding; on PostgreSQL
# also the plain log read beside Axon's tracked event stream over a log of its own.
jmh "replay-postgresql" 'ReplayBenchmark\.(plainSelect|logRead|boulevardInMemory|axonLogRead)$' \
  "${replay[@]}" -p database=POSTGRESQL -p events=$replay_big -p eventsPerAggregate=1000
jmh "replay-mariadb-h2" 'ReplayBenchmark\.(plainSelect|logRead|boulevardInMemory)$' \
  "${replay[@]}" -p database=MARIADB,H2 -p events=$replay_small -p eventsPerAggregate=100
jmh "replay-jdbc-read-model" 'ReplayBenchmark\.boulevardIntoJdbc$' "${replay[@]}" \
  -p database=POSTGRESQL,MARIADB,H2 -p events=$replay_jdbc
# Lag of a tracking projection: appended by its own store, and (PostgreSQL) by another one.
jmh "tracking-lag" TrackingLagBenchmark "${lag[@]}" -p database=POSTGRESQL,MARIADB,H2 \
  -p appender=SAME_STORE
jmh "tracking-lag-other-store" TrackingLagBenchmark "${lag[@]}" -p database=POSTGRESQL \
  -p appender=OTHER_STORE
# The same while 4 threads append 10-event streams through a third store without pause.
jmh "tracking-lag-under-load" TrackingLagBenchmark "${lag[@]}" -p database=POSTGRESQL \
  -p appender=OTHER_STORE -p backgroundWriters=4
# The in-memory store beside a plain map.
jmh memory-store MemoryStoreBenchmark "${short[@]}" -p events=$memory_events

# The wallet app on an H2 file, 16 HTTP clients.
echo "== wallet"
data=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
wallet=$PWD/wallet-example/target/wallet.jar
(cd "$data" && exec java -jar "$wallet" --port "$port") >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.5
done
java -cp wallet-example/target/wallet.jar dev.boulevard.wallet.load.LoadGenerator \
  --url "http://127.0.0.1:$port" --clients 16 --seconds "$wallet_seconds" \
  --json "$out/wallet-16-clients.json"
kill "$app"
wait "$app" 2>/dev/null || true
trap - EXIT

# Replay of the whole log in a small heap (not JMH: prints its results).
echo "== replay memory"
java -Xmx$memory_heap -cp "$jar" dev.boulevard.benchmarks.ReplayMemory "$memory_replay" 200 POSTGRESQL \
  | grep -v ' INFO ' | tee "$out/replay-memory-$memory_replay-events.txt"

# Catch-up of a split projection by 1 and 2 instances, each a JVM of its own (not JMH: one timed
# catch-up per run; docs/benchmarks/fleet.md reads it).
echo "== fleet catch-up"
java -cp "$jar" dev.boulevard.benchmarks.FleetCatchUp "$fleet_events" "$fleet_repeats" \
  | grep -v ' INFO ' | tee "$out/fleet-catch-up-$fleet_events-events.txt"

java -cp "$jar" dev.boulevard.benchmarks.charts.Charts "$out" \
  "PostgreSQL=$(psql -h 127.0.0.1 -U postgres -d test -tAc 'show server_version' 2>/dev/null || echo unknown)" \
  "MariaDB=$(mariadb -h 127.0.0.1 -u root -N -e 'select version()' 2>/dev/null || echo unknown)" \
  "Run=$($smoke && echo 'smoke (not a measurement)' || echo full) in $(($(date +%s) - started)) s"
echo "Results in $out (results.md, *.json, *.png)"
