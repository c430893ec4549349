# Start PostgreSQL and Redis on 127.0.0.1 as plain processes, for the tests (and install
# nginx, which the two-instance test starts itself). Sourced by .ci/run.
# Exports DATABASE_URL and REDIS_URL; stop_services stops both (bounded in time).

PG_PORT=54329
REDIS_PORT=6390

start_services() {
  local need=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v redis-server >/dev/null || need+=(redis-server)
  command -v nginx >/dev/null || need+=(nginx)  # the load balancer of the two-instance test
  if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
  fi
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  SERVICES_DIR=$(mktemp -d)
  mkdir -p "$SERVICES_DIR/sock"
  chown -R postgres:postgres "$SERVICES_DIR"
  su postgres -c "$PGBIN/initdb -D $SERVICES_DIR/pgdata -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  su postgres -c "$PGBIN/pg_ctl -D $SERVICES_DIR/pgdata -l $SERVICES_DIR/pg.log -w -t 60 \
    -o '-p $PG_PORT -k $SERVICES_DIR/sock -c listen_addresses=127.0.0.1 -c fsync=off' start" >/dev/null
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE orientation" >/dev/null
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save "" --appendonly no \
    --pidfile "$SERVICES_DIR/redis.pid" --logfile "$SERVICES_DIR/redis.log"
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/orientation"
  export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/1"
}

stop_services() {
  [ -n "${SERVICES_DIR:-}" ] || return 0
  timeout 30 su postgres -c "$PGBIN/pg_ctl -D $SERVICES_DIR/pgdata -m fast -w stop" >/dev/null 2>&1 || true
  timeout 10 redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
}
