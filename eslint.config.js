// @ts-check
/**
 * Lint: typescript-eslint's type-checked recommended rules over the whole tree (library, tests,
 * benchmarks, scripts, the dashboard's data loaders). `npm run lint`; part of `npm test`.
 */
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const NODE_GLOBALS = { process: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly" };

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "dist-lib/",
      "docs/api/",
      "notebooks/components/ducha.js",
      "notebooks/.observablehq/",
      "bench/.out/",
      "test/.artifacts/",
      "scratch/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ["*.js"] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      eqeqeq: ["error", "smart"],
      // String(x) of an unknown value is meant where we write it (text from vega, cells)
      "@typescript-eslint/no-base-to-string": ["error", { checkUnknown: false }],
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      // control characters in our regexps are meant (XML-invalid characters, ANSI colour codes)
      "no-control-regex": "off",
      // 23 harmless `!` and `as` across files being edited in parallel: to turn on with the
      // tree-wide formatting pass (CHANGELOG, "Unreleased")
      "@typescript-eslint/no-unnecessary-type-assertion": "off",
    },
  },
  {
    // plain JavaScript: Node globals, no type information
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: NODE_GLOBALS },
  },
  {
    // tests and benchmarks read JSON the commands print: checked by the expectations, not the types
    files: ["test/**", "bench/**"],
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
);
