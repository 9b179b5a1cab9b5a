import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The shared rules (packages/eslint-config), run by ESLint itself over code given as if it lived at a
// path in this package, since which rules apply depends on whether a file ships or is test code.
const eslint = new ESLint({ cwd: new URL("..", import.meta.url).pathname });

async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

// The first lint builds the TypeScript program for the package: seconds alone, a minute on a busy host.
describe("the shared lint rules", { timeout: 180_000 }, () => {
  it("refuse test code imported by production code and allow it in a test file", async () => {
    const code = 'import { createTestDb } from "./testing";\nexport const open = createTestDb;\n';
    expect(await rulesBroken("src/format.ts", code)).toEqual(["no-restricted-imports"]);
    expect(await rulesBroken("src/format.test.ts", code)).toEqual([]);
  });

  it("refuse process.env outside the env modules", async () => {
    const code = "export const port = process.env.PORT;\n";
    expect(await rulesBroken("src/format.ts", code)).toEqual(["no-restricted-properties"]);
    expect(await rulesBroken("src/env/index.ts", code)).toEqual([]);
  });

  it("are type-checked: a promise left floating is an error", async () => {
    const code = "export function later(p: Promise<number>): void {\n  p.then(() => 1);\n}\n";
    expect(await rulesBroken("src/format.ts", code)).toEqual(["@typescript-eslint/no-floating-promises"]);
  });
});
