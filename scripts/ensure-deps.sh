#!/usr/bin/env bash
# Makes sure the system packages CityPress needs are present, installing them where we can.
#   libcmark (always), pkg-config (always); with WITH_BROWSER=1 also Chromium and poppler-utils (PDF tests).
set -euo pipefail

need_apt=()
if ! command -v pkg-config >/dev/null 2>&1; then need_apt+=(pkg-config); fi
if ! pkg-config --exists libcmark 2>/dev/null; then need_apt+=(libcmark-dev); fi
if [ "${WITH_BROWSER:-0}" = 1 ]; then
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
    || command -v google-chrome >/dev/null 2>&1 || need_apt+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
fi
[ ${#need_apt[@]} -eq 0 ] && exit 0

case "$(uname -s)" in
  Darwin)
    echo "CityPress needs: ${need_apt[*]}. Install them with Homebrew:" >&2
    echo "  brew install cmark pkg-config" >&2
    exit 1 ;;
esac

if ! command -v apt-get >/dev/null 2>&1; then
  echo "CityPress needs these Debian/Ubuntu packages (or your system's equivalents): ${need_apt[*]}" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "CityPress needs: apt-get install ${need_apt[*]} (run it as root)" >&2; exit 1
  fi
fi
echo "Installing ${need_apt[*]} with apt-get…" >&2
$SUDO apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >&2
