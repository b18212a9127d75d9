# shellcheck shell=bash
# Finds a JDK 21 or newer for ./sluice, ./mvnw and .ci/run. Source this file, then call find_jdk:
# it prints the JDK's home directory, or explains what is missing on stderr and returns 1.
# Order: $JAVA_HOME if 21+, then `java` on PATH if 21+, then /usr/lib/jvm/temurin-25-jdk-amd64,
# then any other /usr/lib/jvm/* that is 21+ (newest first).

SLUICE_MIN_JAVA=21

# The feature version (8, 17, 21, 25, ...) of the JDK at $1, read from its `release` file so that
# no JVM has to start; falls back to `java -version` for JDKs without one. Prints nothing if unknown.
jdk_feature_version() {
  local home="$1" version=""
  [[ -x "$home/bin/java" ]] || return 0
  if [[ -r "$home/release" ]]; then
    version="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")"
  fi
  if [[ -z "$version" ]]; then
    version="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)"
  fi
  version="${version#1.}"        # 1.8.0_392 -> 8.0_392
  version="${version%%[!0-9]*}"  # 25.0.1 -> 25, 21-ea -> 21
  printf '%s' "$version"
}

jdk_is_usable() {
  local major
  major="$(jdk_feature_version "$1")"
  [[ -n "$major" && "$major" -ge "$SLUICE_MIN_JAVA" ]]
}

find_jdk() {
  local candidate java_on_path tried=()
  if [[ -n "${JAVA_HOME:-}" ]]; then
    jdk_is_usable "$JAVA_HOME" && { printf '%s\n' "$JAVA_HOME"; return 0; }
    tried+=("JAVA_HOME=$JAVA_HOME (Java $(jdk_feature_version "$JAVA_HOME"))")
  fi
  if java_on_path="$(command -v java 2>/dev/null)"; then
    candidate="$(dirname "$(dirname "$(readlink -f "$java_on_path")")")"
    jdk_is_usable "$candidate" && { printf '%s\n' "$candidate"; return 0; }
    tried+=("java on PATH: $candidate (Java $(jdk_feature_version "$candidate"))")
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate="${candidate%/}"
    jdk_is_usable "$candidate" && { printf '%s\n' "$candidate"; return 0; }
  done
  {
    echo "sluice: error: no JDK $SLUICE_MIN_JAVA or newer found."
    for candidate in "${tried[@]}"; do echo "  tried $candidate"; done
    echo "  looked in /usr/lib/jvm/* as well."
    echo "Install one (e.g. apt-get install openjdk-21-jdk-headless or temurin-25-jdk) or set JAVA_HOME to it."
  } >&2
  return 1
}

# Maven itself (3.9) trips JDK 24+'s warnings about native access and sun.misc.Unsafe; these flags
# quiet them, and only JDKs that know the flags get them.
maven_opts_for_jdk() {
  local major
  major="$(jdk_feature_version "$1")"
  if [[ -n "$major" && "$major" -ge 24 ]]; then
    printf '%s' "--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
  fi
}
