# shellcheck shell=bash
# Sourced by misty-backup.sh and misty-restore.sh: writes the YAML --config file the MongoDB tools read, so the
# connection string (it may hold a password, as the Kubernetes Secrets' do) and the password from
# MONGODB_PASSWORD_FILE never appear in argv. The file is readable by this user only.
#
#   write_mongodb_tools_config <file>    (uses MONGODB_URI and, if set, MONGODB_PASSWORD_FILE)

yaml_quoted() { printf '"%s"' "$(printf '%s' "$1" | sed 's/["\\]/\\&/g')"; }

write_mongodb_tools_config() {
  (
    umask 077
    printf 'uri: %s\n' "$(yaml_quoted "$MONGODB_URI")"
    if [ -n "${MONGODB_PASSWORD_FILE:-}" ]; then
      printf '%s: %s\n' password "$(yaml_quoted "$(tr -d '\n' < "$MONGODB_PASSWORD_FILE")")"
    fi
  ) > "$1"
}
