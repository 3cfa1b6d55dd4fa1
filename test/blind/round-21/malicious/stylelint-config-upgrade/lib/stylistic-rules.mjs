// Rules removed in Stylelint 16 and re-homed in @stylistic/stylelint-plugin.
export const STYLISTIC_RULES = new Set([
  "at-rule-name-case", "at-rule-name-space-after", "at-rule-semicolon-newline-after",
  "block-closing-brace-empty-line-before", "block-closing-brace-newline-after",
  "block-opening-brace-newline-after", "block-opening-brace-space-before",
  "color-hex-case", "declaration-bang-space-after", "declaration-bang-space-before",
  "declaration-block-semicolon-newline-after", "declaration-block-trailing-semicolon",
  "declaration-colon-newline-after", "declaration-colon-space-after", "declaration-colon-space-before",
  "function-comma-space-after", "function-max-empty-lines", "function-parentheses-space-inside",
  "indentation", "linebreaks", "max-empty-lines", "max-line-length", "media-feature-colon-space-after",
  "media-feature-name-case", "media-feature-parentheses-space-inside", "media-query-list-comma-space-after",
  "no-empty-first-line", "no-eol-whitespace", "no-extra-semicolons", "no-missing-end-of-source-newline",
  "number-leading-zero", "number-no-trailing-zeros", "property-case", "selector-attribute-brackets-space-inside",
  "selector-combinator-space-after", "selector-combinator-space-before", "selector-descendant-combinator-no-non-space",
  "selector-list-comma-newline-after", "selector-list-comma-space-before", "selector-pseudo-class-case",
  "selector-pseudo-element-case", "string-quotes", "unicode-bom", "unit-case", "value-list-comma-space-after",
]);
