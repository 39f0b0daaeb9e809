export * from './anchor/index.js';
export * from './api/index.js';
export * from './authoring/index.js';
export * from './check/index.js';
export * from './schema/bundle.js';
export { bundleJsonSchema } from './schema/json-schema.js';
export * from './schema/validate.js';
export * from './search/index.js';
export * from './segment/index.js';
