export { type AppOptions, buildApp } from './app.js';
export { type Database, type DatabaseOptions, openDatabase } from './db/database.js';
export { migrate } from './db/migrate.js';
export { putPolicy } from './policies.js';
