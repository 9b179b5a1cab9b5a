export { createUser, ensureAdmin, findUserByEmail, verifyCredentials, type User, type UserRole } from "./users";
