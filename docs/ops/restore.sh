#!/bin/sh
# Restores the matching schema from a dump made by backup.sh. See runbook.md, section 8.
#
# Usage: PGURL=postgresql://user@host:5432/db docs/ops/restore.sh DUMP_FILE
#   PGURL                   libpq connection string or URI of the target database (required);
#                           connect as the application's database user: restored objects get
#                           the connecting user as owner (--no-owner)
#   MATCHING_SCHEMA         schema in the dump and in the database (default: matching)
#   MATCHING_TABLE_PREFIX   the starter's matching.jdbc.table-prefix (default: empty)
#
# Steps: check the dump is readable and holds the schema; move an existing schema aside to
# <schema>_before_<UTC stamp> (kept for comparison or rollback; drop it later); restore in one
# transaction (all or nothing); check the restored tables answer and print their row counts.
# When the restore or the check fails, the restored schema is dropped and the previous one is
# moved back. Stop writes first (maintenance on, or stop the service); restart the nodes after.
set -eu

: "${PGURL:?set PGURL to the database, e.g. postgresql://matching@db:5432/matching}"
dump=${1:?usage: restore.sh DUMP_FILE}
schema=${MATCHING_SCHEMA:-matching}
prefix=${MATCHING_TABLE_PREFIX:-}

case $schema in
  *[!a-z0-9_]* | '' | [0-9]*) echo "restore: invalid schema name '$schema'" >&2; exit 2 ;;
esac
case $prefix in
  *[!a-z0-9_]*) echo "restore: invalid table prefix '$prefix'" >&2; exit 2 ;;
esac

psql_() { psql --dbname="$PGURL" --no-psqlrc --quiet --tuples-only --no-align -v ON_ERROR_STOP=1 "$@"; }

# 1. The dump is readable and holds the schema.
if ! pg_restore --list "$dump" | grep -q " SCHEMA - $schema "; then
  echo "restore: $dump is not a readable dump of schema $schema" >&2
  exit 1
fi

# 2. Move the current schema aside.
aside="${schema}_before_$(date -u +%Y%m%d_%H%M%S)"
if [ ${#aside} -gt 63 ]; then
  echo "restore: schema name too long to keep a copy aside as $aside (PostgreSQL keeps 63 characters)" >&2
  exit 2
fi
exists=$(psql_ -c "SELECT count(*) FROM pg_namespace WHERE nspname = '$schema'")
if [ "$exists" = 1 ]; then
  psql_ -c "ALTER SCHEMA $schema RENAME TO $aside"
  echo "restore: moved schema $schema aside to $aside" >&2
else
  aside=
fi

rollback() {
  echo "restore: FAILED; dropping the partly restored schema" >&2
  psql_ -c "DROP SCHEMA IF EXISTS $schema CASCADE" || true
  if [ -n "$aside" ]; then
    psql_ -c "ALTER SCHEMA $aside RENAME TO $schema" && echo "restore: schema $aside moved back to $schema" >&2
  fi
  exit 1
}

# 3. Restore, all or nothing (identity sequences get their dumped values back).
pg_restore --dbname="$PGURL" --no-owner --exit-on-error --single-transaction "$dump" || rollback

# 4. Check: every table answers; print the row counts.
counts=$(psql_ -c "SELECT 'jobs=' || (SELECT count(*) FROM $schema.${prefix}jobs)
    || ' workers=' || (SELECT count(*) FROM $schema.${prefix}workers)
    || ' job_changes=' || (SELECT count(*) FROM $schema.${prefix}job_changes)
    || ' worker_changes=' || (SELECT count(*) FROM $schema.${prefix}worker_changes)
    || ' match_lists=' || (SELECT count(*) FROM $schema.${prefix}match_lists)
    || ' batch_runs=' || (SELECT count(*) FROM $schema.${prefix}batch_runs)") || rollback

echo "restore: schema $schema restored from $dump: $counts" >&2
if [ -n "$aside" ]; then
  echo "restore: the previous data is in schema $aside; drop it when satisfied: DROP SCHEMA $aside CASCADE" >&2
fi
