export { createTestDb, type TestDb } from "./test-db";
export { buildMesh, insertPath, insertSite } from "./fixtures";
export { race } from "./race";
export { nsPerOp, msMedian, report, keep, prng, runBenches } from "./bench";
export { useCheapPasswordHashing } from "./cheap-password-hashing";
