export { createUser, ensureAdmin, findUserByEmail, findUserById, verifyCredentials, type User, type UserRole } from "./users";
export { createApiToken, listApiTokens, revokeApiToken, verifyApiToken, type ApiToken } from "./api-tokens";
export { loadOrCreateAuthSecret } from "./auth-secret";
export { signIn, SignInThrottle, type SignInResult, type SignInThrottleOptions } from "./sign-in";
export { addUser, deleteUser, listUsers, resetPassword, setUserRole } from "./user-admin";
