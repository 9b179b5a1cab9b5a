export {
  createUser,
  ensureAdmin,
  findSessionUser,
  findUserByEmail,
  findUserById,
  listUsers,
  verifyCredentials,
  type SessionUser,
  type User,
  type UserRole,
} from "./users";
export {
  apiTokenIsValid,
  createApiToken,
  listApiTokens,
  revokeApiToken,
  verifyApiToken,
  type ApiToken,
} from "./api-tokens";
export { loadOrCreateAuthSecret } from "./auth-secret";
export {
  configurePasswordHashing,
  passwordHashingLoad,
  PRODUCTION_COST,
  type PasswordHashingOptions,
  type ScryptCost,
} from "./password";
export {
  delayOf,
  signIn,
  SignInThrottle,
  type DelayRule,
  type SignInResult,
  type SignInThrottleOptions,
} from "./sign-in";
export { addUser, deleteUser, resetPassword, setUserRole } from "./user-admin";
export { API_TOKEN_SCOPES, USER_ROLES, type ApiTokenScope } from "./roles";
