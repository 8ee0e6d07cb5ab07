#!/usr/bin/env bash
# Redfish benchmark: nginx serving the same JSON body as a static file over HTTPS (anchor, always) vs a target
# Redfish server (optional). Everything on 127.0.0.1.
#
#   scripts/bench/redfish.sh [--target https://127.0.0.1:PORT/redfish/v1/Systems/host0 --user U --pass P]
#                            [--rounds 3] [--duration 10s] [--nginx-workers 1] [--results FILE]
#
# The target's body is fetched once with curl (Basic auth) and served byte for byte by nginx; without a target
# the body is lib/computer_system.json. nginx: self-signed RSA-2048 cert made here with openssl, TLS 1.2/1.3,
# keep-alive (keepalive_requests unbounded for the run), access log off, worker_processes $NGINX_WORKERS.
# Load per round and system: wrk -t2 -c16 -d$DURATION --latency URL [-H 'Authorization: Basic ...'],
# anchor first, then target. Results: requests/s, latency p50 and p99 (wrk's --latency distribution).
source "$(dirname "$0")/lib/common.sh"

TARGET="" USER_NAME="" PASSWORD="" ROUNDS=3 DURATION=10s NGINX_WORKERS=1 RESULTS=""
is_quick && { ROUNDS=1 DURATION=1s; }   # BENCH_QUICK=1 (CI): one round of 1 s
while [ $# -gt 0 ]; do
  case "$1" in
    --target) TARGET=$2; shift 2 ;;
    --user) USER_NAME=$2; shift 2 ;;
    --pass) PASSWORD=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --nginx-workers) NGINX_WORKERS=$2; shift 2 ;;
    --results) RESULTS=$2; shift 2 ;;
    *) die "unknown option $1 (see the header of $0)" ;;
  esac
done
[ "$ROUNDS" -ge 1 ] && [ "$ROUNDS" -le 20 ] || die "rounds 1..20"
[[ "$DURATION" =~ ^[0-9]{1,3}s$ ]] || die "--duration like 10s (at most 999s)"
require_tools nginx wrk curl openssl python3

WORK=$(mktemp -d /tmp/bench-redfish.XXXXXX)
[ -n "$RESULTS" ] || RESULTS=$WORK/results.tsv
NGINX_PID=""
cleanup() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

AUTH=()
if [ -n "$TARGET" ]; then
  host=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.urlsplit(sys.argv[1]).hostname)' "$TARGET")
  require_loopback "$host"
  curl -sk --max-time 10 -u "$USER_NAME:$PASSWORD" -o "$WORK/body.json" -w '%{http_code}' "$TARGET" >"$WORK/code" \
    || die "curl $TARGET failed"
  [ "$(cat "$WORK/code")" = 200 ] || die "target answered HTTP $(cat "$WORK/code")"
  AUTH=(-H "Authorization: Basic $(printf '%s:%s' "$USER_NAME" "$PASSWORD" | base64 -w0)")
  log "target body: $(wc -c <"$WORK/body.json") bytes"
else
  cp "$BENCH_LIB/computer_system.json" "$WORK/body.json"
fi

PORT=$(free_port)
mkdir -p "$WORK/www/redfish/v1/Systems" "$WORK/tmp"
cp "$WORK/body.json" "$WORK/www/redfish/v1/Systems/host0"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
  -keyout "$WORK/key.pem" -out "$WORK/cert.pem" >/dev/null 2>&1
cat >"$WORK/nginx.conf" <<CONF
user $(id -un);
worker_processes $NGINX_WORKERS;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/tmp/body; proxy_temp_path $WORK/tmp/proxy; fastcgi_temp_path $WORK/tmp/fcgi;
  uwsgi_temp_path $WORK/tmp/uwsgi; scgi_temp_path $WORK/tmp/scgi;
  keepalive_timeout 65s;
  keepalive_requests 100000000;
  server {
    listen 127.0.0.1:$PORT ssl;
    ssl_certificate $WORK/cert.pem;
    ssl_certificate_key $WORK/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    root $WORK/www;
    location /redfish/ { default_type application/json; }
  }
}
CONF
timeout 3600 nginx -p "$WORK" -c "$WORK/nginx.conf" 2>>"$WORK/error.log" &
NGINX_PID=$!
wait_tcp "$PORT" 15 || die "nginx did not start: $(cat "$WORK/error.log")"
ANCHOR_URL="https://127.0.0.1:$PORT/redfish/v1/Systems/host0"
cmp -s <(curl -sk "$ANCHOR_URL") "$WORK/body.json" || die "nginx does not serve the body byte for byte"
printf '#name\tredfish\tnginx %s (worker_processes %s, HTTPS, keep-alive)\n' \
  "$(nginx -v 2>&1 | sed 's/.*nginx\///')" "$NGINX_WORKERS" >>"$RESULTS"

# run_wrk SYSTEM ROUND URL [headers...]
run_wrk() {
  local sys=$1 round=$2 url=$3; shift 3
  wrk -t2 -c16 -d"$DURATION" --latency "$@" "$url" >"$WORK/wrk.txt" 2>&1 || die "wrk failed: $(cat "$WORK/wrk.txt")"
  python3 - "$WORK/wrk.txt" >"$WORK/wrk.tsv" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(v, unit):
    return float(v) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[unit]
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
lat = dict((p, ms(v, u)) for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M))
bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
nerr = (int(bad.group(1)) if bad else 0) + (sum(int(x) for x in errors.groups()) if errors else 0)
print(rps, "%.3f" % lat["50"], "%.3f" % lat["99"], nerr)
PY
  local rps p50 p99 nerr
  read -r rps p50 p99 nerr <"$WORK/wrk.tsv"
  result redfish "requests/s (wrk -t2 -c16 -d$DURATION)" req/s "$sys" "$round" "$rps" "≥ 50% of nginx"
  result redfish "latency p50" ms "$sys" "$round" "$p50" ""
  result redfish "latency p99" ms "$sys" "$round" "$p99" "≤ 5 ms"
  result redfish "non-2xx + socket errors" count "$sys" "$round" "$nerr" "0"
  log "$sys round $round: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $nerr"
}

for r in $(seq "$ROUNDS"); do
  run_wrk anchor "$r" "$ANCHOR_URL"
  [ -n "$TARGET" ] && run_wrk target "$r" "$TARGET" "${AUTH[@]}"
done
python3 "$BENCH_LIB/table.py" "$RESULTS"
