#!/usr/bin/env bash
# Installs the nightly consolidation in the layout jobs/annual-report-consolidator.service expects:
#   /opt/annual-report-consolidator/            the program (root-owned, group gkreport may read)
#     target/annual-report-consolidator.jar     the built jar (build first: ./mvnw -q -B package -DskipTests)
#     jobs/run-nightly.sh, jobs/roster.csv      the nightly script and the units expected to report
#     input/ output/ data/ logs/                the job's folders, owned by gkreport; output/ readable by
#                                               the group gkreport (add the office's staff to it)
#   /etc/annual-report-consolidator.env         the environment file (ARC_YEAR, database, mail password):
#                                               mode 0600, root only; systemd reads it before dropping to gkreport
#   /etc/annual-report-consolidator/secrets/    or secrets as files, one per setting, named after it (Spring
#                                               Boot's config tree, imported by application.yml): e.g.
#                                               consolidator.mail.mailbox.password; root:gkreport 0750, files 0640
#   /etc/logrotate.d/annual-report-consolidator log rotation for logs/
#   /etc/systemd/system/annual-report-consolidator.{service,timer}
# Run as root from the repository: sudo jobs/install.sh [--root=DIR] [--jar=FILE] [--no-enable]
#   --root=DIR   install under DIR instead of / (for packaging and the tests; DIR/etc/passwd must exist)
#   --jar=FILE   the jar to install (default target/annual-report-consolidator.jar)
#   --no-enable  do not enable the timer (implied by --root)
# Idempotent: an existing roster, environment file, input, output and database are kept.
set -euo pipefail

root=/
jar=target/annual-report-consolidator.jar
enable=yes
for arg in "$@"; do
  case "$arg" in
    --root=*) root="${arg#--root=}"; enable=no ;;
    --jar=*) jar="${arg#--jar=}" ;;
    --no-enable) enable=no ;;
    *) echo "install.sh: unknown argument $arg (see the comment at the top of this script)" >&2; exit 2 ;;
  esac
done
if [[ $(id -u) -ne 0 ]]; then
  echo "install.sh: run as root (sudo jobs/install.sh)" >&2
  exit 2
fi
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
if [[ ! -f "$jar" ]]; then
  echo "install.sh: $jar not found; build it first: ./mvnw -q -B package -DskipTests" >&2
  exit 2
fi
root="${root%/}"
app="$root/opt/annual-report-consolidator"
user=gkreport

# The service user: a system account without a login shell, its home the program folder.
root_args=()
[[ -n "$root" ]] && root_args=(--root "$root")
if ! grep -q "^$user:" "$root/etc/passwd"; then
  useradd "${root_args[@]+"${root_args[@]}"}" --system --user-group --home-dir /opt/annual-report-consolidator \
    --no-create-home --shell /usr/sbin/nologin --comment "年报汇总 nightly consolidation" "$user"
fi

# By number, as the installed system's passwd and group say (under --root they are not the host's).
uid=$(awk -F: -v u="$user" '$1 == u { print $3 }' "$root/etc/passwd")
gid=$(awk -F: -v g="$user" '$1 == g { print $3 }' "$root/etc/group")

install -d -o root -g "$gid" -m 0750 "$app" "$app/jobs" "$app/target"
install -o root -g "$gid" -m 0640 "$jar" "$app/target/annual-report-consolidator.jar"
install -o root -g "$gid" -m 0750 jobs/run-nightly.sh "$app/jobs/run-nightly.sh"
# The roster is the office's to edit: kept when present.
[[ -f "$app/jobs/roster.csv" ]] || install -o root -g "$gid" -m 0640 jobs/roster.csv "$app/jobs/roster.csv"
# The job's own folders. setgid: files written inside keep the group, so the office's staff in
# group gkreport read the results (the service's UMask=0027 makes them rw-r-----).
install -d -o "$uid" -g "$gid" -m 2750 "$app/output" "$app/logs"
install -d -o "$uid" -g "$gid" -m 2770 "$app/input"
install -d -o "$uid" -g "$gid" -m 0700 "$app/data"

# Secrets: root only (0600); systemd reads the file as root before starting the job as gkreport.
env_file="$root/etc/annual-report-consolidator.env"
install -d -m 0755 "$root/etc"
if [[ ! -f "$env_file" ]]; then
  cat > "$env_file" <<'ENV'
# 年报汇总: environment of the nightly run (read by systemd; mode 0600, root only).
# ARC_YEAR=2024                 reporting year (default: last calendar year)
# ARC_PROFILE=mysql             use MySQL instead of the embedded H2 under data/
# ARC_DB_URL=jdbc:mysql://localhost:3306/annual_report?characterEncoding=UTF-8&serverTimezone=Asia/Shanghai&rewriteBatchedStatements=true
# ARC_DB_USER=consolidator
# ARC_DB_PASSWORD=
# ARC_MAIL_PASSWORD=            the mailbox's password or 授权码, when mail is switched on (or the file
#                               /etc/annual-report-consolidator/secrets/consolidator.mail.mailbox.password)
ENV
fi
chown root:root "$env_file"
chmod 0600 "$env_file"
# The config tree: the job (group gkreport) reads the files, nobody else; what the office put there is kept.
install -d -m 0755 "$root/etc/annual-report-consolidator"
install -d -o root -g "$gid" -m 0750 "$root/etc/annual-report-consolidator/secrets"

install -d -m 0755 "$root/etc/logrotate.d"
cat > "$root/etc/logrotate.d/annual-report-consolidator" <<'ROTATE'
# 年报汇总: one log per nightly run (logs/consolidation-<time>.log); compress after a week, keep a season.
/opt/annual-report-consolidator/logs/*.log {
    su gkreport gkreport
    weekly
    rotate 26
    maxage 400
    compress
    delaycompress
    missingok
    notifempty
    nocreate
}
ROTATE
chmod 0644 "$root/etc/logrotate.d/annual-report-consolidator"

install -d -m 0755 "$root/etc/systemd/system"
install -m 0644 jobs/annual-report-consolidator.service jobs/annual-report-consolidator.timer "$root/etc/systemd/system/"

if [[ "$enable" == yes ]]; then
  systemctl daemon-reload
  systemctl enable --now annual-report-consolidator.timer
fi
echo "已安装到 $app（服务用户 $user）。请在 $env_file 中设置 ARC_YEAR 等，在 $app/jobs/roster.csv 中维护单位名册。"
