// The lint rules every workspace shares: ESLint's recommended set and typescript-eslint's type-checked
// one, with `_`-prefixed names allowed to go unused (destructuring a field away, an ignored parameter),
// `process.env` read only by the env modules (every variable validated and documented once), and test
// code kept out of production code. apps/web adds the Next.js and React hooks rules (`./next.js`).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const envMessage =
  "Read variables through the process's env module (src/env.ts, built on @patronus/core/env), which validates them.";
const testCodeMessage = "Test code (test files, testing folders, test runners) stays out of production code.";

// Files that are test code or tools around the product; everything else ships.
export const testAndToolFiles = [
  "**/*.test.{ts,tsx}",
  "**/*.bench.ts",
  "**/bench.ts",
  "**/src/bench/**",
  "**/src/testing/**",
  "**/testing/**",
  "**/*.config.{js,mjs,ts}",
  "**/vitest.setup.ts",
  "**/test-*.ts",
  "e2e/**",
  "**/tests/**",
];

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/.reports/**",
      "**/test-results/**",
      "**/next-env.d.ts",
      "**/dist/**",
      "**/build/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
      },
    },
    rules: {
      // Off: `async` here marks methods whose interface expects a promise (Apollo plugin hooks,
      // next-auth callbacks, bench bodies); dropping it would only trade the keyword for Promise.resolve.
      "@typescript-eslint/require-await": "off",
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
        {
          paths: [
            { name: "process", importNames: ["env"], message: envMessage },
            { name: "node:process", importNames: ["env"], message: envMessage },
            { name: "@patronus/core/testing", message: testCodeMessage },
            { name: "vitest", message: testCodeMessage },
            { name: "fast-check", message: testCodeMessage },
            { name: "@playwright/test", message: testCodeMessage },
          ],
          patterns: [{ group: ["**/testing", "**/testing/**", "*.test", "**/*.test"], message: testCodeMessage }],
        },
      ],
    },
  },
  {
    // Test code may read the runner's switches, start children with a copy of the environment and
    // import other test code.
    files: ["**/env.ts", "**/src/env/**", ...testAndToolFiles],
    rules: { "no-restricted-properties": "off", "no-restricted-imports": "off" },
  },
  {
    // Tests: vitest spies are asserted as `expect(obj.method)`, which unbound-method cannot tell from a call.
    files: ["**/*.test.{ts,tsx}", "**/test-*.ts", "e2e/**", "**/tests/**"],
    // Their asymmetric matchers (`expect.any`, `objectContaining`) are typed `any`, as is the JSON a test
    // reads back to assert on, so the no-unsafe rules would flag every such expectation.
    rules: {
      "@typescript-eslint/unbound-method": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // Plain JavaScript (configs, scripts) is outside every tsconfig, so it gets the untyped rules.
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
