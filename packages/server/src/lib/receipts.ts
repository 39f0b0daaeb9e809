// Receipts are defined once, in @gongkai/format, where the elements check typed ones too.
export { formatReceipt, newReceipt, parseReceipt } from '@gongkai/format';
