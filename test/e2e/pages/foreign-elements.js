// Another vendor's library that happens to define <gk-document> before Gongkai loads.
(function () {
  class ForeignDocument extends HTMLElement {
    connectedCallback() {
      this.setAttribute('data-foreign', 'yes');
    }
  }
  customElements.define('gk-document', ForeignDocument);
  window.__ForeignDocument = ForeignDocument;
})();
