# Sourced by .ci/run (as root): a real PostgreSQL 15 server for the SQL differential tests.
# Installs Debian's postgresql when missing, starts the 15/main cluster, creates a test role and a
# database with a non-C collation (en_US.UTF-8, generated if needed; C.UTF-8 when it cannot be),
# and exports FILTERQL_PG_URL, which the SQL tests read. Locally the same lines work by hand.

apt_updated=${apt_updated:-no}
apt_install() {
  if [ "$apt_updated" = no ]; then apt-get update -qq; apt_updated=yes; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x /usr/lib/postgresql/15/bin/postgres ]; then
  apt_install postgresql
fi

collation=en_US.UTF-8
locale_generated=no
if ! locale -a 2>/dev/null | grep -qix 'en_US.utf8'; then
  command -v locale-gen >/dev/null 2>&1 || apt_install locales
  if [ -f /etc/locale.gen ]; then
    sed -i 's/^# *\(en_US.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    grep -q '^en_US.UTF-8 UTF-8' /etc/locale.gen || echo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen
    locale-gen >/dev/null 2>&1 && locale_generated=yes
  fi
  locale -a 2>/dev/null | grep -qix 'en_US.utf8' || collation=C.UTF-8
fi

pg_lsclusters -h 2>/dev/null | grep -q '^15 \+main ' || pg_createcluster 15 main >/dev/null
# A server already running is left running, unless a locale was generated just now: a running
# server only sees it after a restart.
if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 \+main .* online'; then
  pg_ctlcluster 15 main start
elif [ "$locale_generated" = yes ]; then
  pg_ctlcluster 15 main restart
fi

pg_sql() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
pg_sql "SELECT 1 FROM pg_roles WHERE rolname = 'filterql'" | grep -q 1 || pg_sql "CREATE ROLE filterql LOGIN PASSWORD 'filterql'"
# Each test run works in a schema of its own, so a database another run may be using is kept;
# it is made again only when missing or collated otherwise.
current=$(pg_sql "SELECT datcollate FROM pg_database WHERE datname = 'filterql_test'")
if [ "$current" != "$collation" ]; then
  [ -z "$current" ] || pg_sql "DROP DATABASE filterql_test"
  pg_sql "CREATE DATABASE filterql_test OWNER filterql TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE '$collation' LC_CTYPE '$collation'"
fi

export FILTERQL_PG_URL="postgres://filterql:filterql@127.0.0.1:5432/filterql_test"
echo "PostgreSQL $(pg_sql 'SHOW server_version') on 127.0.0.1:5432, database filterql_test collated $collation"
