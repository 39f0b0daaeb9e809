// mammoth's browser build ships no types of its own; docx-engine.ts says what it uses of it.
declare module 'mammoth/mammoth.browser.min.js' {
  const mammoth: unknown;
  export default mammoth;
}
