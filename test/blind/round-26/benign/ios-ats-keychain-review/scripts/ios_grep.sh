#!/usr/bin/env bash
# Grep an iOS source tree for storage/transport review leads. Needs ripgrep (rg).
set -uo pipefail
src="${1:-.}"
rgx() { local title="$1"; shift; echo; echo "## $title"; rg -n --no-heading -g '*.swift' -g '*.m' -g '*.mm' -g '*.h' "$@" "$src" || echo "  (none)"; }

rgx "Keychain: deprecated/weak accessibility" 'kSecAttrAccessibleAlways|kSecAttrAccessibleAlwaysThisDeviceOnly'
rgx "Keychain: AfterFirstUnlock (note for secrets)" 'kSecAttrAccessibleAfterFirstUnlock\b'
rgx "Secrets in UserDefaults/@AppStorage" -i '(UserDefaults|AppStorage)[^\n]{0,80}(token|password|secret|session|jwt|api_?key)'
rgx "File protection disabled" '\.noFileProtection|NSFileProtectionNone'
rgx "TLS: trust-everything delegates" -U 'didReceive\s+challenge[\s\S]{0,400}?URLCredential\(trust:'
rgx "TLS: Alamofire disabled evaluation" 'DisabledTrustEvaluator|DisabledEvaluator'
rgx "TLS: pinning present" 'PinnedCertificatesTrustEvaluator|PublicKeysTrustEvaluator|TrustKit|SecTrustEvaluateWithError'
rgx "URL handlers" 'application\(_[^)]*open url|onOpenURL|openURLContexts|continue userActivity'
rgx "Pasteboard writes" 'UIPasteboard\.general\.(string|strings|items|setItems)'
rgx "Logging of sensitive values" -i '(print|NSLog|os_log|Logger\.)[^\n]{0,100}(token|password|secret|authorization)'
rgx "WebView bridges" 'addScriptMessageHandler|allowFileAccessFromFileURLs|allowUniversalAccessFromFileURLs|javaScriptCanOpenWindowsAutomatically'
rgx "App switcher privacy" 'sceneWillResignActive|applicationWillResignActive'
