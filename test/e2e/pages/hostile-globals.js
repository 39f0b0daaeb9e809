// An AMD loader, a jQuery-like global and prototype extensions, as legacy CMS pages have.
window.define = function define() {
  window.__amdCalls = (window.__amdCalls || 0) + 1;
};
window.define.amd = { jQuery: true };
window.$ = window.jQuery = function jQuery() {
  return [];
};
Array.prototype.remove = function remove(x) {
  return this.filter((y) => y !== x);
};
window.__globalsBefore = Object.keys(window);
