#!/bin/sh
# Backs up the matching schema of PostgreSQL: pg_dump custom format into a timestamped file,
# checks the file is a readable archive (pg_restore --list), then deletes dumps of the same
# schema older than the retention in the backup directory. See runbook.md, section 7.
#
# Usage: PGURL=postgresql://user@host:5432/db docs/ops/backup.sh [BACKUP_DIR]
#   PGURL             libpq connection string or URI (required; the password from ~/.pgpass or PGPASSWORD)
#   BACKUP_DIR        where dumps go (default: MATCHING_BACKUP_DIR, else the current directory)
#   MATCHING_SCHEMA   schema to dump (default: matching, the starter's matching.jdbc.schema)
#   RETENTION_DAYS    dumps of this schema older than this many days are deleted (default: 30)
# Prints the path of the new dump as its last line. pg_dump's major version should match the
# server's (pg_dump refuses newer servers; a newer pg_dump's archive may not restore into an
# older server).
set -eu

: "${PGURL:?set PGURL to the database, e.g. postgresql://matching@db:5432/matching}"
schema=${MATCHING_SCHEMA:-matching}
dir=${1:-${MATCHING_BACKUP_DIR:-.}}
retention=${RETENTION_DAYS:-30}

case $schema in
  *[!a-z0-9_]* | '' | [0-9]*) echo "backup: invalid schema name '$schema'" >&2; exit 2 ;;
esac
case $retention in
  *[!0-9]* | '') echo "backup: RETENTION_DAYS must be a number of days" >&2; exit 2 ;;
esac
mkdir -p "$dir"

stamp=$(date -u +%Y%m%d_%H%M%S)
file="$dir/${schema}_${stamp}.dump"
if [ -e "$file" ]; then
  echo "backup: $file already exists; try again in a second" >&2
  exit 1
fi
partial="$file.partial"
trap 'rm -f "$partial"' EXIT

# The schema (tables, data, identity sequences with their current values, Flyway history).
pg_dump --dbname="$PGURL" --schema="$schema" --format=custom --compress=9 --no-owner --file="$partial"

# Verify: the archive must list and contain the schema's tables.
entries=$(pg_restore --list "$partial")
tables=$(printf '%s\n' "$entries" | grep -c " TABLE DATA $schema " || true)
if [ "$tables" -eq 0 ]; then
  echo "backup: $partial has no table data of schema $schema (wrong schema or database?)" >&2
  exit 1
fi
mv "$partial" "$file"
trap - EXIT

# Retention: only this schema's dumps in this directory.
find "$dir" -maxdepth 1 -type f -name "${schema}_*.dump" -mtime +"$retention" -print -exec rm -f {} + \
  | sed 's/^/backup: deleted expired /' >&2

echo "backup: $file ($(wc -c < "$file" | tr -d ' ') bytes, $tables tables)" >&2
echo "$file"
