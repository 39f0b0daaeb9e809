import type { Messages } from './zh-Hans.js';

/** English UI text. */
export const en: Messages = {
  loading: 'Loading…',
  loadFailed: 'The policy document could not be loaded',
  invalidBundle: 'The policy document file has errors; please contact the site editor',
  noSource: 'No policy document given: set the src attribute or the bundle property',
  httpStatus: 'the server answered {status}',
  networkError: 'Network error: check the connection and reload the page',
  notJson: 'the file is not valid JSON: {detail}',
  docNumber: 'Document number',
  issuer: 'Issued by',
  indexNumber: 'Index number',
  published: 'Published',
  effective: 'In force from',
  category: 'Category',
  validity: 'Validity',
  status_valid: 'In force',
  status_repealed: 'Repealed',
  status_amended: 'Amended',
  status_draft: 'Draft for comment',
  repealedNotice: 'This document has been repealed and is shown for reference only.',
  amendedNotice: 'This document has been amended; the amended version prevails.',
  draftNotice: 'This is a draft for public comment and has no legal effect.',
  seeCurrent: 'Current version: ',
  documentMeta: 'Document information',
  documentBody: 'Text',
};
