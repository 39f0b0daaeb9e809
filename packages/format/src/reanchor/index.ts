export * from './reanchor.js';
