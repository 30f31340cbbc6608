# Start a throwaway PostgreSQL on 127.0.0.1:5432 for the store tests.
# Usage (as root, Debian 12):  source .ci/postgres.sh
# Installs Debian's postgresql package if needed, starts its cluster, creates the role
# naql/naql and the UTF-8 database naql_test, and exports NAQL_TEST_PG_URL.
# It is sourced, so it changes no shell options and returns (never exits) on failure.

naql_pg_setup() {
    export DEBIAN_FRONTEND=noninteractive
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
        apt-get update -qq || return 1
        apt-get install -y -qq postgresql >/dev/null || return 1
    fi
    local version
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    if [ -z "$version" ]; then
        echo "postgres.sh: no PostgreSQL server installed" >&2
        return 1
    fi
    if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
        pg_createcluster "$version" main -p 5432 >/dev/null || return 1
    fi
    if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
        pg_ctlcluster "$version" main start || return 1
    fi
    local i
    for i in $(seq 1 30); do
        pg_isready -q -h 127.0.0.1 -p 5432 && break
        sleep 1
    done
    pg_isready -q -h 127.0.0.1 -p 5432 || { echo "postgres.sh: server did not come up" >&2; return 1; }

    # Run as the postgres superuser from a directory it can read (avoids "could not change directory").
    (cd / && su postgres -c "psql -q -v ON_ERROR_STOP=1 -p 5432 -d postgres" <<'SQL'
SELECT 'CREATE ROLE naql LOGIN PASSWORD ''naql'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'naql')\gexec
SELECT 'CREATE DATABASE naql_test OWNER naql ENCODING ''UTF8'' LC_COLLATE ''C.UTF-8'' LC_CTYPE ''C.UTF-8'' TEMPLATE template0'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'naql_test')\gexec
SQL
    ) || return 1

    export NAQL_TEST_PG_URL="postgresql+psycopg://naql:naql@127.0.0.1:5432/naql_test"
    echo "NAQL_TEST_PG_URL=$NAQL_TEST_PG_URL"
}

naql_pg_setup
