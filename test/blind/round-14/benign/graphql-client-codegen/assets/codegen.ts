import type { CodegenConfig } from "@graphql-codegen/cli";

// Prefer a checked-in schema snapshot. Fall back to introspecting the dev API,
// authenticating with the token from the local environment (never committed).
const schemaFile = "schema.graphql";
const endpoint = process.env.GRAPHQL_ENDPOINT;

const schema = endpoint
  ? [
      {
        [endpoint]: {
          headers: process.env.GRAPHQL_API_TOKEN
            ? { Authorization: `Bearer ${process.env.GRAPHQL_API_TOKEN}` }
            : {},
        },
      },
    ]
  : schemaFile;

const config: CodegenConfig = {
  schema,
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: true,
  generates: {
    "./src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: { unmaskFunctionName: "getFragmentData" } },
      config: {
        scalars: { DateTime: "string", JSON: "unknown", BigInt: "string" },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
    ...(endpoint ? { [schemaFile]: { plugins: ["schema-ast"] } } : {}),
  },
};

export default config;
