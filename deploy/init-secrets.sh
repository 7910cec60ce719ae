#!/bin/bash
# Creates the secrets of compose.yaml once, in the repository root (or in the directory given):
#   .env                                  MATCHING_DB_PASSWORD, MATCHING_ADMIN_KEY_HASH (sha256 of the admin key)
#   deploy/secrets/matching-admin-key     the admin key itself, for Prometheus's scrapes
#   deploy/secrets/grafana-admin-password Grafana's admin password
# Prints the admin key and Grafana's password. Leaves existing files alone (run it again safely);
# to rotate the admin key, delete .env's MATCHING_ADMIN_KEY_HASH line and the key file, run it,
# then `docker compose up -d` (docs/ops/runbook.md, "API keys"). Both paths are git-ignored.
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
secrets="$root/deploy/secrets"
env_file="$root/.env"

random() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }
sha256() { if command -v sha256sum >/dev/null; then sha256sum | cut -d' ' -f1; else shasum -a 256 | cut -d' ' -f1; fi; }

umask 077
mkdir -p "$secrets"
chmod 700 "$secrets"
touch "$env_file"

if [ ! -s "$secrets/matching-admin-key" ] || ! grep -q '^MATCHING_ADMIN_KEY_HASH=' "$env_file"; then
  key=$(random)
  printf %s "$key" > "$secrets/matching-admin-key"
  sed -i.bak '/^MATCHING_ADMIN_KEY_HASH=/d' "$env_file" && rm -f "$env_file.bak"
  echo "MATCHING_ADMIN_KEY_HASH=sha256:$(printf %s "$key" | sha256)" >> "$env_file"
  echo "admin key (give it to the operators once; only its hash is configured): $key"
fi
if ! grep -q '^MATCHING_DB_PASSWORD=' "$env_file"; then
  echo "MATCHING_DB_PASSWORD=$(random)" >> "$env_file"
fi
if [ ! -s "$secrets/grafana-admin-password" ]; then
  password=$(random)
  printf %s "$password" > "$secrets/grafana-admin-password"
  echo "Grafana: user admin, password $password"
fi
# The containers' users (Prometheus: nobody, Grafana: 472) read the mounted files; the directory
# stays closed to other users of this host.
chmod 644 "$secrets/matching-admin-key" "$secrets/grafana-admin-password"
