// Adds <queries><package android:name="..."/></queries> to AndroidManifest.xml.
// Android 11+ package visibility: required before Linking.canOpenURL or
// PackageManager lookups can see another app.
const { withAndroidManifest, createRunOncePlugin } = require("expo/config-plugins");

function addQueries(manifest, packages) {
  const root = manifest.manifest;
  root.queries = root.queries ?? [{}];
  const q = root.queries[0];
  q.package = q.package ?? [];
  const existing = new Set(q.package.map((p) => p.$["android:name"]));
  for (const name of packages) {
    if (!existing.has(name)) q.package.push({ $: { "android:name": name } });
  }
  return manifest;
}

const withAndroidQueries = (config, props = {}) => {
  const packages = Array.isArray(props.packages) ? props.packages : [];
  if (packages.length === 0) return config;
  return withAndroidManifest(config, (cfg) => {
    cfg.modResults = addQueries(cfg.modResults, packages);
    return cfg;
  });
};

module.exports = createRunOncePlugin(withAndroidQueries, "with-android-queries", "1.0.0");
module.exports.addQueries = addQueries;
