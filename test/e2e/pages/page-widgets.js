// Another custom-element library: its own elements, and a wrapper around customElements.define
// that logs every registration (as some analytics and polyfill layers do).
(function () {
  var originalDefine = customElements.define.bind(customElements);
  var defined = [];
  customElements.define = function (name, ctor, options) {
    defined.push(name);
    return originalDefine(name, ctor, options);
  };
  window.__definedElements = defined;

  class CmsShare extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      var root = this.attachShadow({ mode: 'open' });
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = '分享到微信';
      root.append(button);
    }
  }
  class CmsToolbar extends HTMLElement {
    static get observedAttributes() {
      return ['label'];
    }
    attributeChangedCallback() {
      this.textContent = this.getAttribute('label');
    }
  }
  customElements.define('cms-share', CmsShare);
  customElements.define('cms-toolbar', CmsToolbar);
})();
