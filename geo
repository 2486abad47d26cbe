#!/usr/bin/env bash
# Geo's front door. `./geo up` serves the Kota Metro demo; `./geo test` runs every test.
# Both provision a local PostgreSQL 15 + PostGIS 3 cluster under .geo/ on a loopback port,
# unless GEO_DATABASE_URL names an existing PostGIS. Every other subcommand goes to the CLI
# (src/Geo.Cli): `./geo import wilayah FILE`, `./geo import indikator FILE`, `./geo analisis`, ...
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
GEO_PORT="${GEO_PORT:-8080}"
GEO_PG_PORT="${GEO_PG_PORT:-55432}"
PG_VERSION=15
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
POSTGIS_CONTROL="/usr/share/postgresql/$PG_VERSION/extension/postgis.control"
STATE="$ROOT/.geo"
BUILD_CONFIG="${GEO_BUILD_CONFIGURATION:-Release}"

say() { printf 'geo: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# initdb and postgres refuse to run as root: as root, the cluster belongs to the postgres user.
as_pg() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_postgis() {
  if [ -x "$PG_BIN/initdb" ] && [ -f "$POSTGIS_CONTROL" ]; then return; fi
  if is_root && command -v apt-get >/dev/null; then
    say "memasang PostgreSQL $PG_VERSION + PostGIS 3 (apt-get install postgresql-$PG_VERSION-postgis-3)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$PG_VERSION-postgis-3" >/dev/null
  else
    die "PostGIS tidak ditemukan. Pasang dengan: sudo apt-get install postgresql-$PG_VERSION-postgis-3
     (atau arahkan GEO_DATABASE_URL ke PostGIS yang sudah ada)"
  fi
}

# The cluster lives under .geo/pg, unless the postgres user cannot reach the checkout
# (a clone under /root, say): then under /var/tmp, keyed by the checkout's path.
cluster_dir() {
  if [ -f "$STATE/pg-dir" ]; then cat "$STATE/pg-dir"; return; fi
  mkdir -p "$STATE"
  local dir="$STATE/pg"
  if is_root; then
    mkdir -p "$dir"
    chown postgres:postgres "$dir"
    if ! runuser -u postgres -- test -w "$dir"; then
      rmdir "$dir"
      dir="/var/tmp/geo-pg-$(printf '%s' "$ROOT" | sha1sum | cut -c1-12)"
      mkdir -p "$dir"
      chown postgres:postgres "$dir"
    fi
  fi
  echo "$dir" > "$STATE/pg-dir"
  echo "$dir"
}

db_start() {
  ensure_postgis
  local dir; dir="$(cluster_dir)"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    say "membuat klaster PostgreSQL di $dir"
    as_pg mkdir -p "$dir/data" "$dir/run"
    as_pg "$PG_BIN/initdb" -D "$dir/data" -U geo --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat <<CONF | as_pg tee -a "$dir/data/postgresql.conf" >/dev/null
# geo: local cluster on loopback only
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/run'
shared_buffers = 512MB
work_mem = 64MB
maintenance_work_mem = 512MB
max_wal_size = 4GB
synchronous_commit = off
jit = off
CONF
  fi
  if as_pg "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then return; fi
  say "menjalankan PostgreSQL di 127.0.0.1:$GEO_PG_PORT"
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-p $GEO_PG_PORT" start >/dev/null \
    || die "PostgreSQL gagal berjalan; lihat $dir/postgres.log"
}

db_stop() {
  local dir; dir="$(cluster_dir)"
  [ -f "$dir/data/PG_VERSION" ] || { say "belum ada klaster"; return; }
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  say "PostgreSQL dihentikan"
}

db_status() {
  if [ -n "${GEO_DATABASE_URL:-}" ]; then say "memakai GEO_DATABASE_URL"; return; fi
  local dir; dir="$(cluster_dir)"
  if [ -f "$dir/data/PG_VERSION" ] && as_pg "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    say "PostgreSQL berjalan di 127.0.0.1:$(local_port "$dir") (data: $dir/data)"
  else
    say "PostgreSQL tidak berjalan"; return 3
  fi
}

# The port a running cluster actually listens on, which may differ from GEO_PG_PORT's default.
local_port() {
  head -n 4 "$1/data/postmaster.pid" 2>/dev/null | tail -n 1 || echo "$GEO_PG_PORT"
}

psql_local() {
  local dir; dir="$(cluster_dir)"
  as_pg psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$(local_port "$dir")" -U geo "$@"
}

ensure_database() {
  local name="$1"
  if ! psql_local -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
    psql_local -d postgres -c "CREATE DATABASE \"$name\""
  fi
}

database_url() {
  local dir; dir="$(cluster_dir)"
  echo "postgresql://geo@127.0.0.1:$(local_port "$dir")/$1"
}

# The map page (web/): npm ci from the committed package-lock.json, then the esbuild bundle into
# web/dist, which the API serves at /.
build_web() {
  [ -f "$ROOT/web/package.json" ] || return 0
  command -v npm >/dev/null || die "npm tidak ditemukan: halaman peta (web/) perlu Node.js 20+ dan npm (apt-get install nodejs npm)"
  say "membangun halaman peta (web/)"
  (cd "$ROOT/web" && npm ci --no-audit --no-fund --loglevel=error >&2 && npm run --silent build >&2)
}

# The tests' outside tools, all Debian packages (never a downloaded browser): chromium drives the
# browser tests, gdal-bin opens every export and OGC layer, poppler-utils reads and renders the
# reports, python3-qgis runs QGIS's own style converter and OAPIF/XYZ connections
# (tests/reference/qgis; without recommends, which would pull in the desktop).
TEST_TOOLS=("chromium:/usr/bin/chromium" "gdal-bin:/usr/bin/ogrinfo" "poppler-utils:/usr/bin/pdftotext")
TEST_TOOLS_WITHOUT_RECOMMENDS=("python3-qgis:/usr/lib/python3/dist-packages/qgis")

missing_tools() {
  local entry
  for entry in "$@"; do [ -e "${entry#*:}" ] || echo "${entry%%:*}"; done
}

ensure_test_tools() {
  local missing missing_plain
  mapfile -t missing < <(missing_tools "${TEST_TOOLS[@]}")
  mapfile -t missing_plain < <(missing_tools "${TEST_TOOLS_WITHOUT_RECOMMENDS[@]}")
  [ "${#missing[@]}" -eq 0 ] && [ "${#missing_plain[@]}" -eq 0 ] && return
  if is_root && command -v apt-get >/dev/null; then
    say "memasang alat pengujian: ${missing[*]} ${missing_plain[*]} (apt-get install)"
    apt-get update -qq
    if [ "${#missing[@]}" -gt 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; fi
    if [ "${#missing_plain[@]}" -gt 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing_plain[@]}" >/dev/null; fi
  else
    say "alat pengujian tidak ada dan bukan root: ${missing[*]} ${missing_plain[*]}; pengujian yang memakainya akan GAGAL; pasang dengan: sudo apt-get install ${missing[*]} ${missing_plain[*]}"
  fi
}


build() {
  say "membangun ($BUILD_CONFIG)"
  dotnet build "$ROOT/Geo.sln" -c "$BUILD_CONFIG" -nologo -v quiet -clp:ErrorsOnly >&2
}

cli() {
  dotnet "$ROOT/src/Geo.Cli/bin/$BUILD_CONFIG/net10.0/geo.dll" "$@"
}

use_local_database() {
  if [ -n "${GEO_DATABASE_URL:-}" ]; then return; fi
  db_start
  ensure_database geo
  export GEO_DATABASE_URL; GEO_DATABASE_URL="$(database_url geo)"
}

cmd_up() {
  use_local_database
  build_web
  build
  cli db migrate
  cli demo metro
  cli akun demo
  say "server di http://127.0.0.1:$GEO_PORT (Swagger: /swagger)"
  cd "$ROOT/src/Geo.Api/bin/$BUILD_CONFIG/net10.0"
  exec dotnet Geo.Api.dll --urls "http://127.0.0.1:$GEO_PORT"
}

cmd_test() {
  if [ -z "${GEO_TEST_DATABASE_URL:-}" ]; then
    db_start
    export GEO_TEST_DATABASE_URL; GEO_TEST_DATABASE_URL="$(database_url postgres)"
    # Test templates are named after a hash of the migrations: drop those earlier runs left, and the
    # fixtures build the current one (a template another run is cloning stays; it rebuilds it if not).
    psql_local -d postgres -tAc "SELECT datname FROM pg_database WHERE datname LIKE 'geo\_test\_%'" \
      | while read -r name; do psql_local -d postgres -c "DROP DATABASE IF EXISTS \"$name\"" >/dev/null 2>&1 || true; done
  fi
  if [ -f "$ROOT/web/package.json" ]; then
    build_web
    (cd "$ROOT/web" && npm test)
  fi
  ensure_test_tools
  local log status=0
  log="$(mktemp)"
  dotnet test "$ROOT/Geo.sln" -c "$BUILD_CONFIG" -nologo "$@" 2>&1 | tee "$log" || status=$?
  # One closing line over all test assemblies, in the plain form CI reads.
  awk '/^(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ {
         gsub(",", ""); failed += $4; passed += $6 }
       END { printf "tests: %d passed, %d failed\n", passed, failed }' "$log"
  rm -f "$log"
  return "$status"
}

usage() {
  cat <<'TXT'
Pemakaian:
  ./geo up                  jalankan server dengan data demo Kota Metro (http://127.0.0.1:8080)
  ./geo test                jalankan semua pengujian
  ./geo db start|stop|status|url  kelola klaster PostgreSQL lokal di .geo/
  ./geo <perintah CLI>      misalnya: import wilayah BERKAS, import indikator BERKAS, analisis, akun tambah NAMA
Lingkungan: GEO_PORT (8080), GEO_PG_PORT (55432), GEO_DATABASE_URL (PostGIS yang sudah ada)
TXT
}

case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  test) shift; cmd_test "$@" ;;
  db)
    case "${2:-}" in
      start) db_start; ensure_database geo; say "siap: $(database_url geo)" ;;
      stop) db_stop ;;
      status) db_status ;;
      url) db_start >/dev/null; ensure_database geo; database_url geo ;;
      migrate) use_local_database; build; cli db migrate ;;
      *) usage; exit 2 ;;
    esac ;;
  ""|-h|--help|help) usage ;;
  *)
    use_local_database
    build
    # A checkout that moved on may carry new migrations; applying them is a no-op when current.
    cli db migrate >/dev/null
    cli "$@" ;;
esac
