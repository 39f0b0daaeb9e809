// Vite's `?raw` imports (the seed texts); stories don't load vite/client's types.
declare module '*?raw' {
  const text: string;
  export default text;
}
