// The validator with its messages (a chunk of its own): only a bundle with problems needs it.
export { validateDocumentForReading, validateDocumentPartialForReading } from '@gongkai/format';
