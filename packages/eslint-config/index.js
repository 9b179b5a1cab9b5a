// The lint rules every workspace shares: ESLint's and typescript-eslint's recommended sets, with
// `_`-prefixed names allowed to go unused (destructuring a field away, an ignored parameter), and
// `process.env` read only by the env modules, so every variable is validated and documented once.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const envMessage =
  "Read variables through the process's env module (src/env.ts, built on @patronus/core/env), which validates them.";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/.reports/**",
      "**/test-results/**",
      "**/next-env.d.ts",
      "**/dist/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          caughtErrors: "none",
        },
      ],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: envMessage }],
      "no-restricted-imports": [
        "error",
        { name: "process", importNames: ["env"], message: envMessage },
        { name: "node:process", importNames: ["env"], message: envMessage },
      ],
    },
  },
  {
    // The env modules load the variables. Tests, benches, test harnesses and tool configs start child
    // processes with a copy of the environment, or read the test runner's own switches (CI, ports).
    files: [
      "**/env.ts",
      "**/src/env/**",
      "**/*.test.ts",
      "**/*.bench.ts",
      "**/src/bench/**",
      "**/src/testing/**",
      "**/*.config.{js,mjs,ts}",
    ],
    rules: { "no-restricted-properties": "off", "no-restricted-imports": "off" },
  },
);
