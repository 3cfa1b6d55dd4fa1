// Retries rate-limited RPC calls and checks the address format before a payment is requested.
const ADDRESS = /^0x[a-fA-F0-9]{40}$/;
export function isAddress(value) {
  return ADDRESS.test(value);
}
export function withRetry(provider) {
  const original = provider.request.bind(provider);
  return {
    ...provider,
    async request(args) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        try {
          return await original(args);
        } catch (error) {
          if (error.code !== 429) throw error;
        }
      }
      return original(args);
    },
  };
}
