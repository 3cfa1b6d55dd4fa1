// Style Dictionary v4 config: tokens/*.json -> CSS variables + Tailwind theme object.
export default {
  source: ["tokens/tokens.json", "tokens/tokens.default.json", "tokens/tokens.light.json"],
  platforms: {
    css: {
      transformGroup: "css",
      buildPath: "src/styles/",
      files: [
        {
          destination: "tokens.css",
          format: "css/variables",
          options: { outputReferences: true },
        },
      ],
    },
    tailwind: {
      transformGroup: "js",
      buildPath: "src/styles/",
      files: [{ destination: "tokens.tailwind.js", format: "javascript/module-flat" }],
    },
  },
};
