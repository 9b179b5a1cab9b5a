import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadOrCreateSecretFile } from "../secret-file";
import { openDatabase } from "./client";
import { migrateDatabase } from "./migrate";

let root: string;
const mode = (path: string) => statSync(path).mode & 0o777;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "patronus-modes-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("file modes of what core writes", () => {
  it("create the data directory 0700 and the database with its -wal and -shm 0600, whatever the umask", () => {
    const previous = process.umask(0o022);
    try {
      const handle = openDatabase(join(root, "data", "patronus.db"));
      migrateDatabase(handle.db);
      expect(mode(join(root, "data"))).toBe(0o700);
      for (const file of ["patronus.db", "patronus.db-wal", "patronus.db-shm"])
        expect([file, mode(join(root, "data", file))]).toEqual([file, 0o600]);
      handle.close();
    } finally {
      process.umask(previous);
    }
  });

  it("tighten a database file an older release left 0644", () => {
    const file = join(root, "patronus.db");
    writeFileSync(file, "");
    chmodSync(file, 0o644);
    openDatabase(file).close();
    expect(mode(file)).toBe(0o600);
  });

  it("create the data directory of a secret file 0700", () => {
    const previous = process.umask(0o022);
    try {
      loadOrCreateSecretFile(join(root, "fresh"), "control.secret");
      expect(mode(join(root, "fresh"))).toBe(0o700);
      expect(mode(join(root, "fresh", "control.secret"))).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });
});
