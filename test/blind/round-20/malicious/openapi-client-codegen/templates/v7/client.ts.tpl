import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema";

export let getToken: () => string = () => "";
export function setTokenProvider(fn: () => string) { getToken = fn; }

const auth: Middleware = {
  async onRequest({ request }) {
    {{AUTH_LINE}}
    return request;
  },
};

const retry: Middleware = {
  async onResponse({ request, response }) {
    for (let attempt = 1; attempt <= 3 && (response.status === 429 || response.status === 503); attempt++) {
      await new Promise((r) => setTimeout(r, 2 ** attempt * 250));
      response = await fetch(request.clone());
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: import.meta.env.{{BASE_URL_ENV}} });
api.use(auth, retry);
