/** How a refusal for too many failed sign-ins starts: the server throws it, the form shows it as it is. */
export const THROTTLED_PREFIX = "Too many failed sign-ins.";
