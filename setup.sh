#!/usr/bin/env bash
# Re-runnable set-up for a fresh Debian/Ubuntu machine (or any machine with Python >= 3.11):
#   1. Graphviz and a Hangul font through apt-get, where apt-get exists (for PNG/SVG/PDF diagrams);
#   2. a virtualenv in .venv;
#   3. the project (with the test extras when SYSDESIGN_SETUP_TEST=1 or `./setup.sh --test`).
# Nothing here is fatal except the Python install: without Graphviz, diagrams fall back to
# Mermaid and DOT text with one clear message.
set -euo pipefail
cd "$(dirname "$0")"

extras=""
for arg in "$@"; do
  case "$arg" in
    --test) extras="[test]" ;;
    *) echo "setup.sh: unknown option $arg (use --test)" >&2; exit 2 ;;
  esac
done
[ "${SYSDESIGN_SETUP_TEST:-0}" = 1 ] && extras="[test]"

log() { printf 'setup.sh: %s\n' "$*" >&2; }

install_system_packages() {
  if command -v dot >/dev/null 2>&1 && { fc-list 2>/dev/null | grep -qi nanum; }; then
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    log "apt-get not found: install Graphviz and a Hangul font yourself for PNG/SVG diagrams."
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      log "not root and no sudo: skipping Graphviz; Mermaid and DOT output still work."
      return 0
    fi
  fi
  log "installing graphviz and fonts-nanum with apt-get…"
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
        $sudo apt-get install -y -qq --no-install-recommends graphviz fonts-nanum >/dev/null; }; then
    log "apt-get failed: diagrams will fall back to Mermaid and DOT text."
  fi
}

pick_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  log "Python 3.11 or newer is required."; exit 2
}

install_system_packages
if [ ! -x .venv/bin/python ]; then
  py=$(pick_python)
  if ! "$py" -m venv .venv 2>/dev/null; then
    log "python -m venv failed; trying to install python3-venv"
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    fi
    rm -rf .venv; "$py" -m venv .venv
  fi
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extras}"
log "ready: .venv/bin/sysdesign"
