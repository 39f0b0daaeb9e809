/**
 * The authoring format: policy.md (+ interpretation.md, qa.md, graphics.json) → a bundle.
 * Pure: takes file contents (text or bytes), touches no file system or DOM.
 */
export { AUTHORING_FILES, type AuthoringFile, type BuildOptions, type BuildResult, buildBundle } from './build.js';
export { decodeText, type FileContent } from './decode.js';
export { type FmEntry, type FmNode, parseFrontMatter, splitFrontMatter } from './frontmatter.js';
export { markdownToHtml, markdownToParagraphs, withRenderedHtml } from './html.js';
export { findJsonError, jsonError, parseJson } from './json.js';
export { findPageJunk, type PageJunk, type PageJunkKind, withoutPageJunk } from './page-junk.js';
export { type ParseResult, parseDocument } from './parse.js';
export { type MarkdownPiece, splitPlainParagraphs } from './plain.js';
export { type PolicySource, parsePolicy } from './policy.js';
export { type AuthoringProblem, formatProblem, type Message } from './problems.js';
export { type ClauseResolver, createClauseResolver, parseNumbers, type RefResult } from './refs.js';
