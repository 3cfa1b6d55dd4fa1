function encode(str) {
  // ruleid: node-deprecated-new-buffer
  return Buffer.from(str).toString("base64");
}
function fromArray(arr) {
  // ruleid: node-deprecated-new-buffer
  return Buffer.from(arr);
}
function ok() {
  // ok: node-deprecated-new-buffer
  return Buffer.alloc(16);
}
