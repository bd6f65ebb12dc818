#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) for the end-to-end test in vscode.test.mjs,
# into vscode-extension/.code-server/ (or $CODE_SERVER_DIR). Idempotent: does nothing when
# that version is already installed and complete.
#
# Without internet access (package registries only), so: code-server's own postinstall
# (which runs `npm install` in lib/vscode, whose @vscode/ripgrep downloads rg from GitHub)
# is replaced by the same steps with --ignore-scripts, Debian's rg linked in, then
# `npm rebuild` (native modules: node-pty, spdlog, kerberos, ... built with node-gyp).
# Needs Node 20 (code-server 4.100 refuses others), apt packages for the native builds, and
# ripgrep. Chromium is expected at /usr/bin/chromium (or $CHROME); it is not installed here.
set -euo pipefail

VERSION=4.100.3
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ext_dir="$(cd "$here/../.." && pwd)"
dir="${CODE_SERVER_DIR:-$ext_dir/.code-server}"
pkg="$dir/node_modules/code-server"
vscode="$pkg/lib/vscode"
stamp="$dir/.installed-$VERSION"

# code-server's install scripts insist on unsafe-perm when run as root (npm 11 itself only
# warns that it does not know the setting); node-pty's build runs `npx`, which must not stop
# at a prompt (this machine's ~/.npmrc has yes=false).
export npm_config_unsafe_perm=true npm_config_yes=true
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

log() { printf '[setup-code-server] %s\n' "$*" >&2; }

# The rest of what the test needs: playwright-core (a devDependency of the extension) drives
# Chromium, which comes from the system (never downloaded here).
check_test_deps() {
  if [ ! -f "$ext_dir/node_modules/playwright-core/package.json" ]; then
    log "npm install in $ext_dir (for playwright-core)"
    (cd "$ext_dir" && npm install)
  fi
  local chrome="${CHROME:-/usr/bin/chromium}"
  if [ ! -x "$chrome" ]; then
    log "warning: no Chromium at $chrome; install Debian's (apt-get install chromium) or set CHROME"
  fi
}

if [ -f "$stamp" ] && [ -x "$pkg/out/node/entry.js" ] && [ -e "$vscode/node_modules/@vscode/ripgrep/bin/rg" ]; then
  check_test_deps
  log "code-server $VERSION already installed in $dir"
  exit 0
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != 20 ]; then
  log "code-server $VERSION needs Node 20, found $(node --version)"
  exit 1
fi

# Build dependencies of the native modules, and ripgrep.
apt_pkgs=(build-essential python3 libkrb5-dev libxkbfile-dev libsecret-1-dev ripgrep)
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]} with apt-get"
  if [ "$(id -u)" = 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
rg_bin="$(command -v rg)"

mkdir -p "$dir"
rm -f "$dir"/.installed-*
if [ ! -f "$dir/package.json" ]; then
  printf '{ "name": "wbg-e2e-code-server", "private": true }\n' > "$dir/package.json"
fi

log "npm install code-server@$VERSION (without its postinstall) into $dir"
(cd "$dir" && npm install --no-save --ignore-scripts --no-package-lock "code-server@$VERSION")
# code-server loads argon2 (password hashing) at startup; node-pre-gyp would try to
# download a prebuilt binary from GitHub, so build it here.
(cd "$dir" && npm_config_build_from_source=true npm rebuild argon2)

# code-server's postinstall.sh, step by step.
log "installing VS Code's dependencies in lib/vscode"
(cd "$vscode" && npm install --omit=dev --ignore-scripts)
# @vscode/ripgrep's postinstall downloads nothing when its bin/ exists.
mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
ln -sf "$rg_bin" "$vscode/node_modules/@vscode/ripgrep/bin/rg"
log "building native modules (npm rebuild)"
(cd "$vscode" && npm rebuild)
[ "$(readlink "$vscode/node_modules/@vscode/ripgrep/bin/rg")" = "$rg_bin" ] || { log "bin/rg is not $rg_bin after npm rebuild"; exit 1; }
(cd "$vscode" && rm -rf node_modules.asar && ln -s node_modules node_modules.asar)
(cd "$vscode/bin/remote-cli" && rm -f code-server && ln -s code-linux.sh code-server)
(cd "$vscode/bin/helpers" && rm -f browser.sh && ln -s browser-linux.sh browser.sh)
log "installing the built-in extensions' shared dependencies"
(cd "$vscode/extensions" && npm install --omit=dev --ignore-scripts)

# Smoke test: the CLI starts (with its config under $dir, not ~/.config/code-server).
XDG_CONFIG_HOME="$dir/xdg-config" XDG_DATA_HOME="$dir/xdg-data" "$pkg/out/node/entry.js" --version >&2

check_test_deps
touch "$stamp"
log "code-server $VERSION installed: $pkg/out/node/entry.js"
