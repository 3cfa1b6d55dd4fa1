import { register } from "@tokens-studio/sd-transforms";
import StyleDictionary from "style-dictionary";

register(StyleDictionary);

export default {
  source: ["tokens/figma.json"],
  preprocessors: ["tokens-studio"],
  platforms: {
    css: {
      transformGroup: "tokens-studio",
      transforms: ["name/kebab"],
      buildPath: "src/styles/",
      files: [
        { destination: "tokens.css", format: "css/variables", filter: (t) => t.path[0] === "light",
          options: { outputReferences: true, selector: ":root" } },
        { destination: "tokens.dark.css", format: "css/variables", filter: (t) => t.path[0] === "dark",
          options: { outputReferences: true, selector: '[data-theme="dark"]' } },
      ],
    },
    ts: {
      transformGroup: "tokens-studio",
      buildPath: "src/",
      files: [{ destination: "tokens.ts", format: "javascript/es6" }],
    },
  },
};
