// The markdown chunk, for bundles built without pre-rendered HTML: the same renderer as
// `gongkai build --html`. Its output is sanitised by the caller.
export { markdownToHtml as renderMarkdown } from '@gongkai/format';
