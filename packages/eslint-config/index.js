// The lint rules every workspace shares: ESLint's and typescript-eslint's recommended sets, with
// `_`-prefixed names allowed to go unused (destructuring a field away, an ignored parameter).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/.next/**", "**/.reports/**", "**/test-results/**", "**/next-env.d.ts", "**/dist/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
);
