const ADDRESS_RE = /^0x[a-fA-F0-9]{40}$/;
export async function copyOwnAddress(address) {
  if (!ADDRESS_RE.test(address)) throw new Error("not an address");
  await navigator.clipboard.writeText(address);
}
