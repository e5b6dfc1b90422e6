/*
 * ShopTalk chat widget. No build step, no dependencies.
 *
 * Embed with one tag:
 *   <script src="https://shop.example/widget.js" data-store="demo" defer></script>
 * or place the element yourself:
 *   <shoptalk-chat store="demo" mode="inline"></shoptalk-chat>
 *
 * Attributes: store (required), server (http(s) origin of the ShopTalk server; defaults to where this
 * script came from), mode ("launcher": a bubble and a floating panel, the default; "inline": the panel
 * fills its container), theme ("auto", "light" or "dark"), heading (panel title), placeholder (of the input),
 * storage ("session" keeps the session in sessionStorage instead of localStorage, as the owner console does).
 * Property: ownerToken (owner console only; sent in an `auth` frame, never in a URL). Set it once the
 * element is defined: `customElements.whenDefined('shoptalk-chat')`.
 * Events (bubbling, composed): shoptalk:state, shoptalk:welcome, shoptalk:auth, shoptalk:alert,
 * shoptalk:reply, shoptalk:error; during a live handoff shoptalk:handoff ({id, status, agent}) and
 * shoptalk:agent_message; for a signed-in owner or staff member shoptalk:handoff_queue,
 * shoptalk:handoff_message and shoptalk:handoff_typing (the frames as they came).
 *
 * This file only loads the widget's parts from the same folder, in order: widget-kit.js (helpers),
 * widget-chat.js (the element), widget-cards.js (product, deal, order and ticket cards),
 * widget-handoff.js (a live chat with a person) and widget-results.js (owners' charts and tables; the
 * element connects once this last part is there).
 */
(() => {
  'use strict';

  const script = document.currentScript;
  const base = new URL(script && script.src ? script.src : 'widget.js', location.href);
  if (window.ShopTalkLoader) return;
  window.ShopTalkLoader = { base };
  for (const part of ['widget-kit.js', 'widget-chat.js', 'widget-cards.js', 'widget-handoff.js', 'widget-results.js']) {
    const tag = document.createElement('script');
    tag.src = new URL(part, base).href;
    tag.async = false; // dynamically added scripts then run in the order they were added
    document.head.append(tag);
  }

  // One-tag embedding: <script src=".../widget.js" data-store="demo" defer></script>
  if (script && script.dataset.store) {
    const mount = () => {
      if (document.querySelector(`shoptalk-chat[store="${CSS.escape(script.dataset.store)}"][data-auto]`)) return;
      const chat = document.createElement('shoptalk-chat');
      chat.setAttribute('store', script.dataset.store);
      chat.setAttribute('data-auto', '');
      for (const name of ['theme', 'heading', 'server']) if (script.dataset[name]) chat.setAttribute(name, script.dataset[name]);
      document.body.append(chat);
    };
    customElements.whenDefined('shoptalk-chat').then(() => {
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
      else mount();
    });
  }
})();
