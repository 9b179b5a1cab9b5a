/** The step-th fallible step (allocation, syscall, N-API call) of the next openBatchSocket fails; `errno` is what a failed syscall reports. 0 clears it. */
export function injectOpenFailure(step: number, errno: number): void;
/** The next `times` recvmmsg calls fail with `errno`, as a real read error would. */
export function injectReceiveFailure(times: number, errno: number): void;
/** The next `times` wake-ups report a poll error (`errno`), as libuv does on POLLERR. */
export function injectPollFailure(times: number, errno: number): void;
