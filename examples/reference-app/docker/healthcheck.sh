#!/bin/bash
# Health check of the matching service's image (Dockerfile HEALTHCHECK): GET /health on
# ${PORT:-8080} must answer 200. Plain bash (/dev/tcp): the runtime image has no curl.
# Exit 0 healthy, 1 not. JarLaunchIT runs this script against the executable jar.
set -u
exec 3<>"/dev/tcp/127.0.0.1/${PORT:-8080}" 2>/dev/null || exit 1
printf 'GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 5 status <&3 || exit 1
case "$status" in
  "HTTP/1.1 200"*) exit 0 ;;
  *) exit 1 ;;
esac
