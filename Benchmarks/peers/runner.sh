# Sourced by the peer runners: the Python of peers/.venv (created from requirements.txt if missing) and release binaries.
peer_python() {
  local here
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  if [ ! -x "$here/.venv/bin/python" ]; then
    python3 -m venv "$here/.venv" >&2
    "$here/.venv/bin/pip" install -q -r "$here/requirements.txt" >&2
  fi
  echo "$here/.venv/bin/python"
}

# The release binary of `product` in the package at `package`, built if needed; exits if it did not build.
# geo287 is built as `make release` builds it (Swift runtime and Foundation linked statically).
peer_binary() {
  local package="$1" product="$2" bin flags=()
  [ "$product" = geo287 ] && flags=(--static-swift-stdlib -Xswiftc -warnings-as-errors)
  swift build -c release "${flags[@]}" --package-path "$package" --product "$product" 2>&1 | grep -E "error|warning: " | grep -v zipfoundation >&2 || true
  bin="$(swift build -c release "${flags[@]}" --package-path "$package" --show-bin-path)/$product"
  [ -x "$bin" ] || { echo "$product did not build in $package" >&2; exit 1; }
  echo "$bin"
}
