export { createUser, ensureAdmin, findUserByEmail, findUserById, listUsers, verifyCredentials, type User, type UserRole } from "./users";
export { createApiToken, listApiTokens, revokeApiToken, verifyApiToken, type ApiToken } from "./api-tokens";
export { loadOrCreateAuthSecret } from "./auth-secret";
export { signIn, SignInThrottle, type SignInResult, type SignInThrottleOptions } from "./sign-in";
export { addUser, deleteUser, resetPassword, setUserRole } from "./user-admin";
