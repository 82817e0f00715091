#!/usr/bin/env bash
# The whole test suite, as CI runs it: type-check, lint, unit tests, database tests on PGlite and on a real
# PostgreSQL server, the production build, and browser tests in Chromium. Provisions what it needs on a fresh
# Debian machine (Chromium and PostgreSQL from apt when running as root) or stops with the command to run.
# It never skips the PostgreSQL or browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }
fail() { printf '\n\033[31m%s\033[0m\n' "$1" >&2; exit 1; }

# --- provision -------------------------------------------------------------------------------------------
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# pdftotext: the factsheet tests read the PDF's text as a reader would.
command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
PG_BIN="${KETENZICHT_PG_BIN:-}"
if [ -z "$PG_BIN" ]; then
  # 15 first: the oldest PostgreSQL Ketenzicht supports is the one to prove.
  for version in 15 16 17 18; do
    if [ -x "/usr/lib/postgresql/$version/bin/initdb" ]; then PG_BIN="/usr/lib/postgresql/$version/bin"; break; fi
  done
fi
[ -n "$PG_BIN" ] || need_apt+=(postgresql-15 postgresql-contrib)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "Installing ${need_apt[*]} (apt)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
    [ -n "$PG_BIN" ] || PG_BIN=/usr/lib/postgresql/15/bin
  else
    fail "Missing for the tests: ${need_apt[*]}. Install with:
  sudo apt-get install -y --no-install-recommends ${need_apt[*]}"
  fi
fi
[ -d node_modules ] || { step "npm ci"; npm ci --no-audit --no-fund; }

# --- throwaway PostgreSQL on loopback ----------------------------------------------------------------------
PG_DIR="$(mktemp -d /tmp/ketenzicht-pg.XXXXXX)"
PG_PORT="${KETENZICHT_TEST_PG_PORT:-$((20000 + RANDOM % 20000))}"
as_pg=()
if [ "$(id -u)" = 0 ]; then
  # initdb refuses to run as root: the cluster belongs to the postgres user.
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$PG_DIR"
  as_pg=(runuser -u postgres --)
fi
cleanup() {
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap cleanup EXIT
step "Starting PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $3}')) on 127.0.0.1:$PG_PORT"
"${as_pg[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -w -l "$PG_DIR/log" \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null
export KETENZICHT_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"

# --- checks ------------------------------------------------------------------------------------------------
step "Type-check"
npx tsc -p tsconfig.json --noEmit
step "Lint"
npx biome ci .
step "Unit and database tests (PGlite and PostgreSQL)"
npx vitest run --project unit --project db
step "Production build"
npm run build
step "Browser tests (Chromium, axe)"
npx vitest run --project browser
step "All tests passed"
