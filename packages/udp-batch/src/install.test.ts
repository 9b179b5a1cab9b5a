import { spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  readFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const packageDir = join(import.meta.dirname, "..");
const script = join(packageDir, "scripts/install.js");

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the package's build inputs, so that a build here never touches the addon other tests load. */
function packageCopy(source = readFileSync(join(packageDir, "src/udp_batch.c"), "utf8")): string {
  const dir = mkdtempSync(join(tmpdir(), "udp-batch-install-"));
  dirs.push(dir);
  mkdirSync(join(dir, "src"));
  copyFileSync(join(packageDir, "binding.gyp"), join(dir, "binding.gyp"));
  writeFileSync(join(dir, "src/udp_batch.c"), source);
  return dir;
}

/** Runs the install script in `dir` as npm would, with `env` over this process's environment. */
function install(dir: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: dir, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** What every failure message must say besides its reason. */
function expectFallbackAdvice(stderr: string) {
  expect(stderr).toContain("@patronus/udp-batch: NATIVE BUILD FAILED");
  expect(stderr).toContain("The collector will receive flows with Node's dgram socket instead");
  expect(stderr).toMatch(/8 µs of CPU a\s+datagram against 1\.6 µs/);
  expect(stderr).toContain("sudo apt-get install build-essential python3");
  expect(stderr).toContain("pnpm rebuild @patronus/udp-batch");
}

// Two cases run node-gyp and a C compiler: ~10 s each alone, several times that beside the other workspaces.
describe("the install script", { timeout: 180_000 }, () => {
  it("with CC=/bin/false exits 0, removes an older build and says on stderr that the compiler does not run, the fallback and what to install", async () => {
    const dir = packageCopy();
    mkdirSync(join(dir, "build/Release"), { recursive: true });
    writeFileSync(join(dir, "build/Release/udp_batch.node"), "an addon from an older source");

    const { code, stderr } = await install(dir, { CC: "/bin/false" });

    expect(code).toBe(0);
    expect(stderr).toContain("the C compiler /bin/false does not run");
    expectFallbackAdvice(stderr);
    expect(existsSync(join(dir, "build"))).toBe(false);
  });

  it("with only node on PATH exits 0 and names the missing compiler, linker, make and python3", async () => {
    const dir = packageCopy();
    const bin = join(dir, "bin");
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, "node"));

    const { code, stderr } = await install(dir, { PATH: bin, CC: "", CXX: "", PYTHON: "" });

    expect(code).toBe(0);
    for (const [role, command] of [
      ["C compiler", "cc"],
      ["C++ linker", "g++"],
      ["make", "make"],
      ["python3", "python3"],
    ])
      expect(stderr).toContain(`no ${role} found (${command} is not on PATH)`);
    expectFallbackAdvice(stderr);
  });

  it("a source that does not compile exits 0 and quotes the compiler's error", async () => {
    const dir = packageCopy("#error this source is broken on purpose\n");

    const { code, stderr } = await install(dir, {});

    expect(code).toBe(0);
    expect(stderr).toMatch(
      /NATIVE BUILD FAILED. Why:\n(.*\n)*.*udp_batch\.c:1:2: error: #error this source is broken on purpose/,
    );
    expectFallbackAdvice(stderr);
  });

  it("without Node's headers and with their download failing, exits 0 and says to set nodedir", async () => {
    const dir = packageCopy();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));

    const { code, stderr } = await install(dir, {
      npm_config_nodedir: "",
      npm_config_devdir: join(dir, "gyp-cache"),
      npm_config_dist_url: `http://127.0.0.1:${port}`,
    });

    expect(code).toBe(0);
    expect(stderr).toContain("ECONNREFUSED");
    expect(stderr).toContain(
      "node-gyp could not fetch Node's headers: point npm at the installed ones (npm config set nodedir /usr)",
    );
    expectFallbackAdvice(stderr);
  });

  it("a buildable source builds the addon and prints no failure", async () => {
    const dir = packageCopy();

    const { code, stderr } = await install(dir, {});

    expect(code).toBe(0);
    expect(stderr).not.toContain("NATIVE BUILD FAILED");
    expect(existsSync(join(dir, "build/Release/udp_batch.node"))).toBe(true);
  });
});
