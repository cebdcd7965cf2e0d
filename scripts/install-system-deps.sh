#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing: PostgreSQL (the production
# database, tested for real), Chromium (browser tests), Pango (PDF), gettext (catalogues).
# Needs root to install; otherwise it says what is missing and stops.
set -euo pipefail
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# WeasyPrint (Marketplace agenda PDF) needs Pango and a font.
ls /usr/lib/*/libpango-1.0.so.0 >/dev/null 2>&1 || missing+=(libpango-1.0-0)
ls /usr/lib/*/libpangoft2-1.0.so.0 >/dev/null 2>&1 || missing+=(libpangoft2-1.0-0)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# GNU gettext: makemessages, and the test that the catalogues are valid for gettext's own tools.
command -v msgfmt >/dev/null || missing+=(gettext)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}. Install them (sudo apt-get install ${missing[*]}) and run again." >&2
  exit 1
fi
echo "Installing ${missing[*]} from Debian's packages..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
