export { type AppOptions, buildApp } from './app.js';
export { type RateLimit, submitComment } from './comments.js';
export { type Database, type DatabaseOptions, openDatabase } from './db/database.js';
export { migrate } from './db/migrate.js';
export { createToken, listTokens, type Role, revokeToken, verifyToken } from './lib/auth.js';
export { maskText, publicName } from './lib/mask.js';
export { formatReceipt, newReceipt, parseReceipt } from './lib/receipts.js';
export { InvalidPolicyError, putPolicy } from './policies.js';
export { type ConsultationSeed, seedConsultation, seedFile } from './seed.js';
