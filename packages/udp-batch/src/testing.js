// Failure injection for tests of the addon's error paths; see the inject_* hooks in udp_batch.c.
import { native } from "./load.js";

/** @returns {import("./native").Native} */
function addon() {
  if (typeof native === "string") throw new Error(`@patronus/udp-batch: ${native}`);
  return native;
}

/** @type {import("./testing").injectOpenFailure} */
export const injectOpenFailure = (step, errno) => addon().injectOpenFailure(step, errno);
/** @type {import("./testing").injectReceiveFailure} */
export const injectReceiveFailure = (times, errno) => addon().injectReceiveFailure(times, errno);
/** @type {import("./testing").injectPollFailure} */
export const injectPollFailure = (times, errno) => addon().injectPollFailure(times, errno);
