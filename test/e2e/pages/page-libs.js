// What an old CMS page loads first: an AMD loader, a jQuery-like $, Array.prototype and
// Object.prototype extensions.
(function () {
  var modules = {};
  var defineCalls = [];
  function define(id, deps, factory) {
    defineCalls.push(typeof id === 'string' ? id : '(anonymous)');
    if (typeof id !== 'string') throw new Error('This page’s loader only takes named modules; got an anonymous define()');
    modules[id] = { deps: deps, factory: factory, value: undefined, done: false };
  }
  define.amd = { jQuery: true };
  function load(id) {
    var m = modules[id];
    if (!m) throw new Error('AMD module not found: ' + id);
    if (!m.done) {
      m.value = m.factory.apply(null, m.deps.map(load));
      m.done = true;
    }
    return m.value;
  }
  function require(deps, callback) {
    var values = deps.map(load);
    if (callback) callback.apply(null, values);
  }
  window.define = define;
  window.require = window.requirejs = require;
  window.__defineCalls = defineCalls;

  function jQuery(arg) {
    if (typeof arg === 'function') {
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', arg);
      else arg();
      return;
    }
    return Array.prototype.slice.call(document.querySelectorAll(arg));
  }
  jQuery.fn = jQuery.prototype = { jquery: '1.7.2' };
  jQuery.each = function (list, fn) {
    for (var i = 0; i < list.length; i++) fn.call(list[i], i, list[i]);
  };
  window.$ = window.jQuery = jQuery;

  // Enumerable, as old libraries added them (for…in over arrays then sees them).
  Array.prototype.remove = function (x) {
    return this.filter(function (y) {
      return y !== x;
    });
  };
  Array.prototype.contains = function (x) {
    return this.indexOf(x) !== -1;
  };
  Array.prototype.each = function (fn) {
    for (var i = 0; i < this.length; i++) fn(this[i], i);
  };
  Array.prototype.flatten = function () {
    return [].concat.apply([], this);
  };
  Array.prototype.last = function () {
    return this[this.length - 1];
  };
  // Prototype.js-era pages extended every object, enumerably too.
  Object.prototype.extend = function (source) {
    for (var key in source) if (Object.hasOwnProperty.call(source, key)) this[key] = source[key];
    return this;
  };
})();
