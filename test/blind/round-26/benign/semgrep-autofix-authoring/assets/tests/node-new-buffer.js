function encode(str) {
  // ruleid: node-deprecated-new-buffer
  return new Buffer(str).toString("base64");
}
function fromArray(arr) {
  // ruleid: node-deprecated-new-buffer
  return new Buffer(arr);
}
function ok() {
  // ok: node-deprecated-new-buffer
  return Buffer.alloc(16);
}
