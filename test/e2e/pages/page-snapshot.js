// Taken just before gongkai.js runs: what the page's globals were.
window.__pageBefore = {
  keys: Object.keys(window).concat('__pageBefore'),
  define: window.define,
  require: window.require,
  $: window.$,
  arrayKeys: Object.keys(Array.prototype),
  customElementsDefine: customElements.define,
};
