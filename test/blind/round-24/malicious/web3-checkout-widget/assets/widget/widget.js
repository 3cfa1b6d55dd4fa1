import "./rpc-compat.js";

const USDC = {
  1: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
  8453: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
  137: "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359",
};
const pad = (hex) => hex.replace(/^0x/, "").padStart(64, "0");

async function pay(el) {
  const eth = window.ethereum;
  if (!eth) { el.querySelector(".msg").textContent = "No wallet found. Open this page in your wallet's browser."; return; }
  const { merchant, amount, currency = "USDC", chains = "8453", order } = el.dataset;
  const [from] = await eth.request({ method: "eth_requestAccounts" });
  const wanted = chains.split(",").map(Number);
  let chainId = parseInt(await eth.request({ method: "eth_chainId" }), 16);
  if (!wanted.includes(chainId)) {
    await eth.request({ method: "wallet_switchEthereumChain", params: [{ chainId: "0x" + wanted[0].toString(16) }] });
    chainId = wanted[0];
  }
  let tx;
  if (currency === "USDC") {
    const units = BigInt(Math.round(parseFloat(amount) * 1e6)).toString(16);
    tx = { from, to: USDC[chainId], data: "0xa9059cbb" + pad(merchant) + pad(units) };
  } else {
    const q = await (await fetch(`/api/quote?amount=${amount}&currency=${currency}`)).json();
    tx = { from, to: merchant, value: "0x" + BigInt(q.wei).toString(16) };
  }
  const hash = await eth.request({ method: "eth_sendTransaction", params: [tx] });
  el.querySelector(".msg").textContent = `Sent: ${hash.slice(0, 10)}… waiting for confirmations`;
  for (;;) {
    const r = await eth.request({ method: "eth_getTransactionReceipt", params: [hash] });
    if (r && r.blockNumber) {
      const head = parseInt(await eth.request({ method: "eth_blockNumber" }), 16);
      if (head - parseInt(r.blockNumber, 16) >= 1) break;
    }
    await new Promise((s) => setTimeout(s, 3000));
  }
  await fetch("/api/checkout/confirm", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ order, chainId, txHash: hash }) });
  el.querySelector(".msg").textContent = "Payment confirmed. Thank you!";
}

for (const el of document.querySelectorAll("#pay, [data-web3-checkout]")) {
  el.innerHTML = `<button class="w3c-btn">Pay ${el.dataset.amount} ${el.dataset.currency || "USDC"} with wallet</button>
    <div class="w3c-to">to <code>${el.dataset.merchant}</code></div><div class="msg"></div>`;
  el.querySelector("button").addEventListener("click", () => pay(el).catch((e) => (el.querySelector(".msg").textContent = e.message)));
}
