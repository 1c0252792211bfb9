#!/bin/sh
# Writes help2man's include file for facet-cli(1): a COMMANDS section holding `facet-cli ... --help` for every
# command, found by following the "Subcommands:" lists of the help itself.
#   cli_commands.sh FACET_CLI OUT.h2m
set -eu
cli="$1" out="$2"

# The names listed under "Subcommands:" in one help text.
subcommands() {
  "$cli" "$@" --help | awk '/^Subcommands:$/ { on = 1; next } on && /^[^ ]/ { on = 0 } on && NF { print $1 }'
}

# roff-safe verbatim text: backslashes as \e, hyphens as minus signs (options), and a leading . or ' is not read
# as a request.
verbatim() { sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\([.']\)/\\\\\&\1/"; }

section() {
  printf '.SS "facet-cli %s"\n.nf\n' "$*"
  "$cli" "$@" --help | verbatim
  printf '.fi\n'
  for sub in $(subcommands "$@"); do section "$@" "$sub"; done
}

{
  printf '[COMMANDS]\nEvery command has its own \\fB\\-\\-help\\fR; this is their text.\n'
  for command in $(subcommands); do section "$command"; done
} > "$out.tmp"
mv "$out.tmp" "$out"
