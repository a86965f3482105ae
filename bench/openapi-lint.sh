#!/usr/bin/env bash
# Lints the OpenAPI document with two tools this project did not write, pinned in
# tools/openapi-lint (package.json + package-lock.json): spectral with the spectral:oas ruleset
# (.spectral.yaml) and redocly's recommended rules. Prints one line of counts per tool, then the
# findings; exits 1 when either reports an error. OpenApiLintTest runs it; docs/api.md records
# the counts.
#
#   bench/openapi-lint.sh [DOCUMENT]      (default src/main/resources/openapi.json)
#
# Needs node and npm (Debian: apt-get install nodejs npm); installs the pinned tools with
# 'npm ci' on first use. Nothing is fetched at run time but the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."
document="${1:-src/main/resources/openapi.json}"
tools=tools/openapi-lint
# redocly: no usage reports, no update notices
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

if [ ! -x "$tools/node_modules/.bin/spectral" ] || [ ! -x "$tools/node_modules/.bin/redocly" ]; then
  npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error >&2
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# spectral: exit 1 on findings of error severity; its JSON lists every finding
"$tools/node_modules/.bin/spectral" lint --quiet --ruleset .spectral.yaml --format json \
  --output "$out/spectral.json" "$document" >/dev/null 2>&1 || true
# redocly: its JSON carries the totals
"$tools/node_modules/.bin/redocly" lint --format=json "$document" >"$out/redocly.json" 2>/dev/null || true

node - "$out/spectral.json" "$out/redocly.json" \
  "$("$tools/node_modules/.bin/spectral" --version)" \
  "$("$tools/node_modules/.bin/redocly" --version 2>/dev/null)" <<'JS'
const fs = require('fs');
const [spectralFile, redoclyFile, spectralVersion, redoclyVersion] = process.argv.slice(2);
const spectral = JSON.parse(fs.readFileSync(spectralFile, 'utf8') || '[]');
const redocly = JSON.parse(fs.readFileSync(redoclyFile, 'utf8'));
const names = ['error', 'warning', 'info', 'hint'];
const count = (s) => spectral.filter((r) => r.severity === s).length;
console.log(`spectral ${spectralVersion} (spectral:oas): ${count(0)} errors, ${count(1)} warnings, ${count(2)} infos, ${count(3)} hints`);
const t = redocly.totals;
console.log(`redocly ${redoclyVersion.trim()} (recommended): ${t.errors} errors, ${t.warnings} warnings, ${t.ignored} ignored`);
for (const r of spectral) {
  console.log(`  spectral ${names[r.severity]} ${r.code} at ${r.path.join('.')}: ${r.message}`);
}
for (const p of redocly.problems) {
  const where = (p.location || []).map((l) => l.pointer).join(', ');
  console.log(`  redocly ${p.severity} ${p.ruleId} at ${where}: ${p.message}`);
}
process.exit(count(0) + t.errors > 0 ? 1 : 0);
JS
