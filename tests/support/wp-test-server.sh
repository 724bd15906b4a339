#!/usr/bin/env bash
# wp-test-server.sh - a real, throwaway WordPress on loopback for integration tests.
#
# Debian 12 packages only (wordpress 6.1.x, php 8.2, mariadb 10.11); no systemd, no apache,
# nothing from the internet. Everything of one instance lives in one directory:
#   DIR/mysql         private MariaDB datadir, socket DIR/mysqld.sock, no TCP (skip-networking)
#   DIR/wordpress     docroot: copied entry points + wp-admin + themes, our own wp-config.php and
#                     uploads, symlinks to /usr/share/wordpress/wp-includes and wp-content/languages
#   DIR/env, env.json  WP_URL / WP_USER / WP_APP_PASSWORD for the tests (env is sh-sourceable)
#   DIR/*.log, *.err   php server access log, MariaDB error log, install output
#
# usage:
#   wp-test-server.sh install          apt-get install the packages (skipped if present)
#   wp-test-server.sh prepare          make the MariaDB datadir template now (see mysql_datadir)
#   wp-test-server.sh start  [DIR]     start MariaDB + WordPress, print KEY=VALUE lines
#   wp-test-server.sh selftest [DIR]   curl checks against a started instance
#   wp-test-server.sh stop   [DIR]     stop both servers by PID, delete DIR (WP_TEST_KEEP=1 keeps it)
#
# knobs (environment):
#   WP_TEST_DIR            instance directory (default $TMPDIR/wp-test); the DIR argument wins
#   WP_TEST_PORT           http port on 127.0.0.1 (default: a free one picked by the kernel)
#   WP_TEST_WORKERS        PHP_CLI_SERVER_WORKERS, concurrent requests (default 1)
#   WP_TEST_ADMIN_USER     admin login (default admin)
#   WP_TEST_ADMIN_PASSWORD admin login password (default random; the tests use the app password)
#   WP_TEST_META_KEYS      comma list of post meta keys to expose in REST (show_in_rest) and to allow
#                          GET /wp/v2/posts?meta_key=K&meta_value=V (default none: vanilla WordPress)
#   WP_TEST_AUTH_ERRORS=1  make a bad app password answer 401 incorrect_password / invalid_username
#                          (as on sites where a plugin resolves the user early); default: vanilla,
#                          where it answers the endpoint's own 401 (rest_not_logged_in, rest_cannot_create)
#   WP_TEST_NO_TEMPLATE=1  run mariadb-install-db for each instance instead of copying the datadir
#                          template kept in $TMPDIR/loa-wp-mysql-template-* (see mysql_datadir)
#   WP_TEST_DEBUG=1        WP_DEBUG on, log in DIR/wp-debug.log (WP 6.1 on PHP 8.2 logs many deprecations)
set -euo pipefail

PACKAGES=(wordpress php-cli php-mysql mariadb-server)
DIR="${2:-${WP_TEST_DIR:-${TMPDIR:-/tmp}/wp-test}}"
DIR="${DIR%/}"

log() { printf '[wp-test-server %s] %s\n' "$(date +%T.%3N)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

# ---------------------------------------------------------------- install
cmd_install() {
  local p missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
  done
  if [ "${#missing[@]}" = 0 ]; then log "packages already installed"; return 0; fi
  local t0; t0=$(now)
  export DEBIAN_FRONTEND=noninteractive
  # policy-rc.d (as in Debian containers) keeps apt from starting apache2/mariadb; we start our own.
  apt-get install -y -q "${PACKAGES[@]}" >/dev/null ||
    { apt-get update -q >/dev/null && apt-get install -y -q "${PACKAGES[@]}" >/dev/null; }
  log "installed ${PACKAGES[*]} in $(elapsed "$t0") s"
}

# ---------------------------------------------------------------- helpers
pid_matches() { # pid pattern: the pid is alive and its command line contains pattern
  local args
  [ -n "$1" ] && args=$(ps -o args= -p "$1" 2>/dev/null) && [[ "$args" == *"$2"* ]]
}

wait_gone() { # pid seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    kill -0 "$1" 2>/dev/null || return 0
    # a zombie (no reaper as PID 1) counts as gone
    [ "$(ps -o stat= -p "$1" 2>/dev/null | cut -c1)" = Z ] && return 0
    sleep 0.1
  done
  return 1
}

stop_php() {
  local pid kids
  pid=$(cat "$DIR/php-server.pid" 2>/dev/null || true)
  if pid_matches "$pid" "$DIR/wordpress"; then
    # with PHP_CLI_SERVER_WORKERS the master forks workers; SIGTERM to the master alone
    # leaves them serving, so signal the workers (its children) and then the master.
    kids=$(ps -o pid= --ppid "$pid" 2>/dev/null | tr '\n' ' ' || true)
    # shellcheck disable=SC2086
    kill -TERM $kids "$pid" 2>/dev/null || true
    wait_gone "$pid" 5 || kill -KILL "$pid" 2>/dev/null || true
    for k in $kids; do wait_gone "$k" 5 || kill -KILL "$k" 2>/dev/null || true; done
    log "php server $pid stopped${kids:+ (workers: $kids)}"
  fi
  rm -f "$DIR/php-server.pid"
}

stop_mariadb() {
  local pid
  pid=$(cat "$DIR/mariadbd.pid" 2>/dev/null || true)
  if pid_matches "$pid" "$DIR/mysql"; then
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone "$pid" 30 || { log "mariadbd $pid did not stop in 30 s, killing"; kill -KILL "$pid" 2>/dev/null || true; }
    log "mariadbd $pid stopped"
  fi
  rm -f "$DIR/mariadbd.pid"
}

is_ours() { [ -f "$DIR/.wp-test-server" ]; }

cmd_stop() {
  [ -d "$DIR" ] || { log "nothing at $DIR"; return 0; }
  is_ours || die "$DIR was not made by this script (no .wp-test-server marker): not touching it"
  stop_php
  stop_mariadb
  if [ "${WP_TEST_KEEP:-0}" = 1 ]; then log "kept $DIR"; else rm -rf "$DIR"; log "removed $DIR"; fi
}

free_port() {
  php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); echo substr(strrchr(stream_socket_get_name($s, false), ":"), 1);'
}

# ---------------------------------------------------------------- start
# MariaDB's options for every instance; as root it must be told --user=root.
ASROOT=()
[ "$(id -u)" = 0 ] && ASROOT=(--user=root)
DBOPTS=(--innodb-buffer-pool-size=32M --innodb-log-file-size=16M --skip-log-bin)

# A fresh MariaDB datadir (system tables only) at $1; the rest are mariadb-install-db options.
# mariadb-install-db takes 5-8 s (most of it waiting on the disk), so its result is kept as a
# template, one per MariaDB version, user and options, beside the instances, and copied
# (0.2 s): a cold copy of a datadir whose server shut down cleanly is a valid datadir.
# WP_TEST_NO_TEMPLATE=1 runs mariadb-install-db every time.
mysql_datadir() {
  local target=$1 key tpl partial; shift
  install_db() { # datadir log options...
    local datadir=$1 out=$2; shift 2
    mariadb-install-db --no-defaults "$@" --datadir="$datadir" \
      --auth-root-authentication-method=socket --skip-test-db --skip-name-resolve >"$out" 2>&1
  }
  if [ "${WP_TEST_NO_TEMPLATE:-0}" = 1 ]; then
    install_db "$target" "$DIR/mariadb-install-db.log" "$@" ||
      { tail -20 "$DIR/mariadb-install-db.log" >&2; die "mariadb-install-db failed"; }
    return 0
  fi
  key=$({ /usr/sbin/mariadbd --version; id -u; echo "$*"; } | cksum | cut -d' ' -f1)
  tpl="${TMPDIR:-/tmp}/loa-wp-mysql-template-$key"
  if [ ! -f "$tpl/.complete" ]; then
    partial="$tpl.$$.partial"
    rm -rf "$partial"
    install_db "$partial/mysql" "$DIR/mariadb-install-db.log" "$@" ||
      { rm -rf "$partial"; tail -20 "$DIR/mariadb-install-db.log" >&2; die "mariadb-install-db failed"; }
    touch "$partial/.complete"
    # Two starts side by side may both build one; the first rename wins, the other is dropped.
    mv -T "$partial" "$tpl" 2>/dev/null || rm -rf "$partial"
    log "mariadb datadir template made in $tpl"
  fi
  cp -a "$tpl/mysql" "$target" || die "copying the mariadb datadir template $tpl failed"
}

# Makes the MariaDB datadir template ahead of the first start (CI does it while npm ci runs).
cmd_prepare() {
  command -v mariadb-install-db >/dev/null || die "mariadb-server missing: run '$0 install'"
  DIR=$(mktemp -d "${TMPDIR:-/tmp}/wp-test-prepare.XXXXXX")
  mysql_datadir "$DIR/mysql" "${ASROOT[@]}" "${DBOPTS[@]}"
  rm -rf "$DIR"
}

cmd_start() {
  command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || die "mariadb-server missing: run '$0 install'"
  command -v php >/dev/null || die "php-cli missing: run '$0 install'"
  [ -f /usr/share/wordpress/wp-settings.php ] || die "wordpress missing: run '$0 install'"
  if pid_matches "$(cat "$DIR/mariadbd.pid" 2>/dev/null || true)" "$DIR/mysql" ||
     pid_matches "$(cat "$DIR/php-server.pid" 2>/dev/null || true)" "$DIR/wordpress"; then
    die "an instance is already running in $DIR: '$0 stop $DIR' first"
  fi

  local t0 port workers user pass email sock url
  t0=$(now)
  port="${WP_TEST_PORT:-$(free_port)}"
  workers="${WP_TEST_WORKERS:-1}"
  user="${WP_TEST_ADMIN_USER:-admin}"
  pass="${WP_TEST_ADMIN_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')}"
  email="${WP_TEST_ADMIN_EMAIL:-$user@example.test}"
  sock="$DIR/mysqld.sock"
  url="http://127.0.0.1:$port"

  if [ -e "$DIR" ] && [ -n "$(ls -A "$DIR" 2>/dev/null)" ] && ! is_ours; then
    die "$DIR exists and was not made by this script: choose another WP_TEST_DIR"
  fi
  rm -rf "$DIR"
  mkdir -p "$DIR"
  touch "$DIR/.wp-test-server"
  START_OK=0
  trap 'if [ "$START_OK" != 1 ]; then log "start failed; stopping what was started, logs kept in $DIR"; WP_TEST_KEEP=1 cmd_stop; fi' EXIT

  # -- 1. MariaDB: private datadir, unix socket only.
  mysql_datadir "$DIR/mysql" "${ASROOT[@]}" "${DBOPTS[@]}"
  /usr/sbin/mariadbd --no-defaults "${ASROOT[@]}" --datadir="$DIR/mysql" --socket="$sock" \
    --pid-file="$DIR/mysqld.pid" --log-error="$DIR/mariadbd.err" --skip-networking "${DBOPTS[@]}" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci </dev/null >/dev/null 2>&1 &
  echo $! >"$DIR/mariadbd.pid"
  local i
  for ((i = 0; i < 300; i++)); do
    mariadb-admin --no-defaults --socket="$sock" --user="$(id -un)" ping >/dev/null 2>&1 && break
    kill -0 "$(cat "$DIR/mariadbd.pid")" 2>/dev/null || { tail -20 "$DIR/mariadbd.err" >&2; die "mariadbd exited"; }
    sleep 0.1
  done
  [ "$i" -lt 300 ] || die "mariadbd not ready after 30 s"
  mariadb --no-defaults --socket="$sock" --user="$(id -un)" <<'SQL'
CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp-pass';
GRANT ALL ON wordpress.* TO 'wp'@'localhost';
SQL
  log "mariadb ready ($(elapsed "$t0") s)"

  # -- 2. WordPress files: our own docroot, so that wp-config.php and wp-content/uploads are
  #       ours and php -S serves the uploads. The entry points and wp-admin are copied (PHP
  #       derives ABSPATH, hence wp-config.php, from the real path of wp-load.php); the two
  #       big read-only trees are symlinked (a full copy takes 0.5-2.5 s on this disk).
  local src=/usr/share/wordpress f
  mkdir -p "$DIR/wordpress/wp-content/uploads"
  for f in "$src"/* "$src"/.htaccess; do
    case "${f##*/}" in
      wp-includes | wp-content | wp-config.php) ;; # Debian's wp-config.php reads /etc/wordpress/config-<host>.php
      *) cp -rL "$f" "$DIR/wordpress/" ;;
    esac
  done
  ln -s "$src/wp-includes" "$DIR/wordpress/wp-includes"
  ln -s "$src/wp-content/languages" "$DIR/wordpress/wp-content/languages"
  cp -rL "$src/wp-content/themes" "$src/wp-content/plugins" "$DIR/wordpress/wp-content/"
  {
    echo "<?php"
    echo "// generated by wp-test-server.sh"
    echo "define( 'DB_NAME', 'wordpress' );"
    echo "define( 'DB_USER', 'wp' );"
    echo "define( 'DB_PASSWORD', 'wp-pass' );"
    echo "define( 'DB_HOST', 'localhost:$sock' );"
    echo "define( 'DB_CHARSET', 'utf8mb4' );"
    echo "define( 'DB_COLLATE', '' );"
    echo "\$table_prefix = 'wp_';"
    for k in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
      echo "define( '$k', '$(head -c 32 /dev/urandom | base64 | tr -d '/+=')' );"
    done
    echo "define( 'WP_HOME', '$url' );"
    echo "define( 'WP_SITEURL', '$url' );"
    echo "// 'local' makes Application Passwords available over plain http"
    echo "define( 'WP_ENVIRONMENT_TYPE', 'local' );"
    if [ "${WP_TEST_DEBUG:-0}" = 1 ]; then
      echo "define( 'WP_DEBUG', true );"
      echo "define( 'WP_DEBUG_LOG', '$DIR/wp-debug.log' );"
    else
      echo "define( 'WP_DEBUG', false );"
    fi
    echo "define( 'WP_DEBUG_DISPLAY', false ); // never mix PHP notices into JSON"
    echo "define( 'DISABLE_WP_CRON', true );"
    echo "define( 'AUTOMATIC_UPDATER_DISABLED', true );"
    echo "define( 'WP_AUTO_UPDATE_CORE', false );"
    echo "define( 'WP_HTTP_BLOCK_EXTERNAL', true ); // no calls to wordpress.org"
    echo "define( 'DISALLOW_FILE_MODS', true ); // no plugin/theme/core writes (wp-includes is /usr/share's)"
    echo "if ( ! defined( 'ABSPATH' ) ) { define( 'ABSPATH', __DIR__ . '/' ); }"
    echo "require_once ABSPATH . 'wp-settings.php';"
  } >"$DIR/wordpress/wp-config.php"

  local mu="$DIR/wordpress/wp-content/mu-plugins"
  mkdir -p "$mu"
  cat >"$mu/test-env.php" <<'PHP'
<?php
// No MTA on this machine: report every mail as sent instead of calling sendmail.
add_filter( 'pre_wp_mail', '__return_true' );
PHP
  if [ -n "${WP_TEST_META_KEYS:-}" ]; then
    cat >"$mu/test-meta.php" <<PHP
<?php
// Test fixture: expose these post meta keys in REST; core ignores unregistered keys.
const WP_TEST_META_KEYS = '${WP_TEST_META_KEYS}';
add_action( 'init', function () {
	foreach ( array_filter( array_map( 'trim', explode( ',', WP_TEST_META_KEYS ) ) ) as \$key ) {
		register_post_meta( 'post', \$key, array(
			'type'          => 'string',
			'single'        => true,
			'show_in_rest'  => true,
			'auth_callback' => function () { return current_user_can( 'edit_posts' ); },
		) );
	}
} );
// Test fixture: GET /wp/v2/posts?meta_key=K&meta_value=V (core has no meta filter).
add_filter( 'rest_post_query', function ( \$args, \$request ) {
	\$key = \$request->get_param( 'meta_key' );
	if ( is_string( \$key ) && '' !== \$key && registered_meta_key_exists( 'post', \$key, 'post' ) ) {
		\$args['meta_key'] = \$key;
		if ( null !== \$request->get_param( 'meta_value' ) ) {
			\$args['meta_value'] = (string) \$request->get_param( 'meta_value' );
		}
	}
	return \$args;
}, 10, 2 );
PHP
  fi
  if [ "${WP_TEST_AUTH_ERRORS:-0}" = 1 ]; then
    cat >"$mu/test-auth-errors.php" <<'PHP'
<?php
// Resolve the user before core's application-password check (priority 90) so that a bad
// password answers 401 incorrect_password / invalid_username, as on many real sites.
add_filter( 'rest_authentication_errors', function ( $result ) { is_user_logged_in(); return $result; }, 10 );
PHP
  fi

  # -- 3. Install WordPress and create an Application Password, from php-cli (no HTTP).
  cat >"$DIR/bootstrap.php" <<'PHP'
<?php
[, $docroot, $url, $user, $pass, $email] = $argv;
$u = parse_url( $url );
$_SERVER['HTTP_HOST']      = $u['host'] . ( isset( $u['port'] ) ? ':' . $u['port'] : '' );
$_SERVER['SERVER_NAME']    = $u['host'];
$_SERVER['SERVER_PORT']    = $u['port'] ?? 80;
$_SERVER['REQUEST_URI']    = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
define( 'WP_INSTALLING', true );
require $docroot . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
add_filter( 'pre_wp_mail', '__return_true' );
// wp_install() probes pretty permalinks with HTTP requests to WP_HOME (not served yet);
// answering its get_option() first skips those requests.
$pretty = function () { return '/%postname%/'; };
add_filter( 'pre_option_permalink_structure', $pretty );
if ( ! is_blog_installed() ) {
	$r = wp_install( 'WP integration tests', $user, $email, false, '', wp_slash( $pass ) );
	if ( is_wp_error( $r ) ) { fwrite( STDERR, $r->get_error_message() . "\n" ); exit( 1 ); }
}
remove_filter( 'pre_option_permalink_structure', $pretty );
update_option( 'permalink_structure', '/%postname%/' ); // so that /wp-json/... routes
flush_rewrite_rules( false );
$wp_user = get_user_by( 'login', $user );
$created = WP_Application_Passwords::create_new_application_password( $wp_user->ID, array( 'name' => 'integration-tests' ) );
if ( is_wp_error( $created ) ) { fwrite( STDERR, $created->get_error_message() . "\n" ); exit( 1 ); }
echo json_encode( array(
	'url'          => home_url(),
	'user'         => $user,
	'user_id'      => $wp_user->ID,
	'password'     => $pass,
	'app_password' => WP_Application_Passwords::chunk_password( $created[0] ),
	'app_uuid'     => $created[1]['uuid'],
	'wp_version'   => get_bloginfo( 'version' ),
) ), "\n";
PHP
  php "$DIR/bootstrap.php" "$DIR/wordpress" "$url" "$user" "$pass" "$email" >"$DIR/bootstrap.json" 2>"$DIR/bootstrap.err" ||
    { cat "$DIR/bootstrap.err" >&2; die "WordPress install failed"; }
  log "wordpress installed ($(elapsed "$t0") s)"

  # -- 4. Serve it. The built-in server runs index.php for paths that are not files,
  #       which is all that /wp-json/... needs. Started as a plain command so $! is php itself.
  PHP_CLI_SERVER_WORKERS="$workers" php -d upload_max_filesize=64M -d post_max_size=64M -d memory_limit=256M \
    -S "127.0.0.1:$port" -t "$DIR/wordpress" </dev/null >"$DIR/php-server.log" 2>&1 &
  echo $! >"$DIR/php-server.pid"
  for ((i = 0; i < 300; i++)); do
    [ "$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "$url/wp-json/" 2>/dev/null)" = 200 ] && break
    kill -0 "$(cat "$DIR/php-server.pid")" 2>/dev/null || { tail -20 "$DIR/php-server.log" >&2; die "php server exited (port $port taken?)"; }
    sleep 0.1
  done
  [ "$i" -lt 300 ] || die "REST API not answering after 30 s"

  php -r '$d = json_decode(file_get_contents($argv[1]), true);
    printf("WP_URL=%s\nWP_USER=%s\nWP_APP_PASSWORD=\x27%s\x27\nWP_ADMIN_PASSWORD=\x27%s\x27\nWP_TEST_DIR=%s\n",
      $d["url"], $d["user"], $d["app_password"], $d["password"], $argv[2]);' \
    "$DIR/bootstrap.json" "$DIR" >"$DIR/env"
  [ -z "${WP_TEST_META_KEYS:-}" ] || echo "WP_TEST_META_KEYS='$WP_TEST_META_KEYS'" >>"$DIR/env"
  cp "$DIR/bootstrap.json" "$DIR/env.json"
  log "REST API ready at $url/wp-json/ in $(elapsed "$t0") s (WordPress $(php -r 'echo json_decode(file_get_contents($argv[1]))->wp_version;' "$DIR/bootstrap.json"))"
  cat "$DIR/env"
  START_OK=1
}

# ---------------------------------------------------------------- selftest
cmd_selftest() {
  [ -f "$DIR/env" ] || die "no instance in $DIR"
  # shellcheck disable=SC1091
  . "$DIR/env"
  local api="$WP_URL/wp-json/wp/v2" auth="$WP_USER:$WP_APP_PASSWORD" fails=0 passes=0 png="$DIR/selftest.png" body code
  php -r '$i = imagecreatetruecolor(8, 8); imagepng($i, $argv[1]);' "$png"
  j() { php -r '$d = json_decode(file_get_contents("php://stdin"), true); foreach (explode(".", $argv[1]) as $k) { $d = is_array($d) ? ($d[$k] ?? null) : null; } echo is_array($d) ? json_encode($d) : $d;' "$1"; }
  req() { # method path expected-status [curl args...]; sets body
    local m=$1 p=$2 want=$3; shift 3
    body=$(curl -sS --max-time 30 -X "$m" -w '\n%{http_code}' "$@" "$api$p")
    code=${body##*$'\n'}; body=${body%$'\n'*}
    if [ "$code" = "$want" ]; then passes=$((passes + 1)); else fails=$((fails + 1)); log "FAIL $m $p: want $want got $code $body"; fi
  }
  check() { if [ "$2" = "$3" ]; then passes=$((passes + 1)); else fails=$((fails + 1)); log "FAIL $1: want '$3' got '$2'"; fi; }

  req GET /users/me 200 -u "$auth";                    check "users/me" "$(j slug <<<"$body")" "$WP_USER"
  req POST /categories 201 -u "$auth" -H 'Content-Type: application/json' -d '{"name":"Selftest","slug":"selftest"}'
  local cat; cat=$(j id <<<"$body")
  req POST /categories 400 -u "$auth" -H 'Content-Type: application/json' -d '{"name":"Selftest"}'
  check "duplicate category code" "$(j code <<<"$body")" term_exists
  req POST /media 201 -u "$auth" -H 'Content-Type: image/png' -H 'Content-Disposition: attachment; filename="selftest.png"' --data-binary "@$png"
  local media; media=$(j id <<<"$body")
  req POST /posts 201 -u "$auth" -H 'Content-Type: application/json' \
    -d "{\"title\":\"Selftest\",\"content\":\"<p>hi</p>\",\"status\":\"publish\",\"slug\":\"selftest\",\"categories\":[$cat],\"featured_media\":$media}"
  local post; post=$(j id <<<"$body")
  check "post status" "$(j status <<<"$body")" publish
  check "post featured_media" "$(j featured_media <<<"$body")" "$media"
  req GET "/posts/$post" 200;                           check "read back slug" "$(j slug <<<"$body")" selftest
  req GET "/posts?slug=selftest&_fields=id" 200;        check "list by slug" "$body" "[{\"id\":$post}]"
  req POST /posts 201 -u "$auth" -H 'Content-Type: application/json' -d '{"title":"Dup","status":"publish","slug":"selftest"}'
  check "duplicate slug gets a suffix" "$(j slug <<<"$body")" selftest-2
  req GET /posts/999999 404;                            check "invalid id code" "$(j code <<<"$body")" rest_post_invalid_id
  req POST /posts 401 -u "$WP_USER:aaaa bbbb cccc dddd eeee ffff" -H 'Content-Type: application/json' -d '{"title":"x"}'
  log "bad app password -> 401 $(j code <<<"$body")"
  req POST /posts 401 -H 'Content-Type: application/json' -d '{"title":"x"}'
  check "no auth code" "$(j code <<<"$body")" rest_cannot_create
  if [ -n "${WP_TEST_META_KEYS:-}" ]; then
    local key="${WP_TEST_META_KEYS%%,*}"
    req POST /posts 201 -u "$auth" -H 'Content-Type: application/json' -d "{\"title\":\"Meta\",\"status\":\"publish\",\"meta\":{\"$key\":\"m-1\"}}"
    local mpost; mpost=$(j id <<<"$body")
    req GET "/posts?meta_key=$key&meta_value=m-1&_fields=id" 200; check "list by meta" "$body" "[{\"id\":$mpost}]"
  fi
  echo "selftest: $passes passed, $fails failed"
  [ "$fails" = 0 ]
}

case "${1:-}" in
  install) cmd_install ;;
  prepare) cmd_prepare ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  selftest) cmd_selftest ;;
  *) sed -n '2,30p' "$0" >&2; exit 2 ;;
esac
