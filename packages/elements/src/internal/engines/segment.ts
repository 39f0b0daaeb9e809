// Clause segmentation (a chunk of its own): only for text whose clauses the bundle does not list.
export { segmentBlocks } from '@gongkai/format';
