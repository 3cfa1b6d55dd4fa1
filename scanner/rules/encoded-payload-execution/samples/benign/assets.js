const zlib = require('zlib');
// Inflate the bundled font table and parse it as JSON; nothing is evaluated.
const table = zlib.inflateSync(Buffer.from(FONT_TABLE, 'base64')).toString('utf8');
const fonts = JSON.parse(table);
module.exports = fonts;
