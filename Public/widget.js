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
 * Property: ownerToken (owner console only; sent in an `auth` frame, never in a URL).
 * Events (bubbling, composed): shoptalk:state, shoptalk:welcome, shoptalk:auth, shoptalk:alert,
 * shoptalk:reply, shoptalk:error.
 *
 * Every piece of catalog or user text is set with textContent; no data ever reaches innerHTML.
 */
(() => {
  'use strict';

  const script = document.currentScript;
  const scriptURL = new URL(script && script.src ? script.src : 'widget.js', location.href);
  const SVG = 'http://www.w3.org/2000/svg';
  const MAX_TEXT = 4000;
  const MAX_MINE = 200;
  const PING_EVERY = 25000;
  const PONG_WITHIN = 10000;

  /** Creates an element with a class and optional text (always textContent). */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svg(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, String(value));
    return node;
  }

  function money(value, currency) {
    if (typeof value !== 'number' || !isFinite(value)) return '';
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency || 'USD' }).format(value);
    } catch (_) {
      return `${value.toFixed(2)} ${currency || ''}`.trim();
    }
  }

  function number(value, digits) {
    if (typeof value !== 'number' || !isFinite(value)) return String(value ?? '');
    return new Intl.NumberFormat(undefined, { maximumFractionDigits: digits ?? 2 }).format(value);
  }

  function day(iso) {
    if (!iso) return '';
    const date = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
    if (isNaN(date)) return String(iso);
    return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  }

  function words(text) { return String(text || '').replace(/_/g, ' '); }

  /** A value of a result in its unit: money, a percentage or a plain number. */
  function measured(value, unit, metric) {
    if (typeof value !== 'number') return String(value ?? '');
    if (unit === '%' || metric === 'margin') return `${number(value, 1)}%`;
    if (/^[A-Z]{3}$/.test(unit || '')) return money(value, unit);
    return number(value);
  }

  /** Keeps an image URL only when it is http(s) or relative: never javascript: or data:. */
  function safeImage(url) {
    if (typeof url !== 'string' || !url) return null;
    try {
      const parsed = new URL(url, location.href);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (_) {
      return null;
    }
  }

  const STATE_LABEL = { connecting: 'Connecting…', online: 'Online', reconnecting: 'Reconnecting…', offline: 'Offline' };

  class ShopTalkChat extends HTMLElement {
    static get observedAttributes() { return ['theme', 'heading']; }

    constructor() {
      super();
      this.root = this.attachShadow({ mode: 'open' });
      this.socket = null;
      this.state = 'idle';
      this.attempt = 0;
      this.retryTimer = null;
      this.pingTimer = null;
      this.pongTimer = null;
      this.counter = 0;
      this.pending = new Map();     // message id → { text, node } sent or queued, not yet answered
      this.outbox = [];             // ids waiting for a connection
      this.replaying = false;
      this.shownReplies = new Set();
      this.lastReplyId = null;
      this.welcomed = false;
      this.storeInfo = null;
      this.chatRole = 'customer';
      this._ownerToken = null;
      this.open = false;
    }

    get store() { return this.getAttribute('store') || 'demo'; }
    get mode() { return this.getAttribute('mode') === 'inline' ? 'inline' : 'launcher'; }
    get server() {
      const given = this.getAttribute('server');
      return new URL(given || scriptURL.origin, location.href);
    }
    get ownerToken() { return this._ownerToken; }
    set ownerToken(token) {
      this._ownerToken = token || null;
      if (this.socket && this.socket.readyState === WebSocket.OPEN && this.welcomed && token) this.sendFrame({ type: 'auth', token });
    }

    /** Where the session token and the shopper's own messages are kept: per store and per role. */
    get storage() { return this.getAttribute('storage') === 'session' ? window.sessionStorage : window.localStorage; }
    get storageKey() { return `shoptalk:${this.server.origin}:${this.store}:${this.getAttribute('storage') === 'session' ? 'owner' : 'shopper'}`; }

    loadSaved() {
      try { return JSON.parse(this.storage.getItem(this.storageKey) || '{}') || {}; } catch (_) { return {}; }
    }

    save(changes) {
      const saved = Object.assign(this.loadSaved(), changes);
      try { this.storage.setItem(this.storageKey, JSON.stringify(saved)); } catch (_) { /* storage full or blocked: resume is best effort */ }
    }

    rememberMine(id, text) {
      const saved = this.loadSaved();
      const mine = (saved.mine || []).filter((entry) => entry.id !== id);
      mine.push({ id, text });
      this.save({ mine: mine.slice(-MAX_MINE) });
    }

    connectedCallback() {
      if (!this.built) {
        this.built = true;
        this.build();
        this.applyTheme();
        // The panel stays open as the shopper moves between the shop's pages.
        if (this.mode === 'inline' || this.loadSaved().open) this.setOpen(true, false);
        this.onOnline = () => { if (this.state !== 'online') this.connectNow(); };
        this.onOffline = () => this.setState('offline');
      }
      // Also when the element is moved in the page: the shadow root is built once, the connection reopened.
      this.stopped = false;
      window.addEventListener('online', this.onOnline);
      window.addEventListener('offline', this.onOffline);
      this.connect();
    }

    disconnectedCallback() {
      window.removeEventListener('online', this.onOnline);
      window.removeEventListener('offline', this.onOffline);
      this.stopped = true;
      clearTimeout(this.retryTimer);
      this.stopKeepalive();
      if (this.socket) this.socket.close(1000, 'widget removed');
    }

    attributeChangedCallback(name) {
      if (!this.built) return;
      if (name === 'theme') this.applyTheme();
      if (name === 'heading') this.titleNode.textContent = this.getAttribute('heading') || this.titleNode.textContent;
    }

    applyTheme() {
      const theme = this.getAttribute('theme');
      this.frame.dataset.theme = theme === 'light' || theme === 'dark' ? theme : 'auto';
    }

    // ---------------------------------------------------------------- building the UI

    build() {
      // The host rules live in widget.css too: a page with a Content-Security-Policy (ours have one)
      // may refuse inline <style> elements.
      const sheet = el('link');
      sheet.rel = 'stylesheet';
      sheet.href = new URL('widget.css', scriptURL).href;
      this.root.append(sheet);

      const frame = el('div', `shoptalk mode-${this.mode}`);
      this.frame = frame;
      const uid = Math.random().toString(36).slice(2, 8);

      this.launcher = el('button', 'launcher');
      this.launcher.type = 'button';
      this.launcher.setAttribute('aria-label', 'Open chat');
      this.launcher.setAttribute('aria-expanded', 'false');
      this.launcher.setAttribute('aria-controls', `panel-${uid}`);
      this.launcher.append(this.icon('chat'));
      this.launcher.addEventListener('click', () => this.setOpen(!this.open, true));

      const panel = el('section', 'panel');
      panel.id = `panel-${uid}`;
      panel.setAttribute('role', this.mode === 'inline' ? 'region' : 'dialog');
      panel.setAttribute('aria-labelledby', `title-${uid}`);
      panel.hidden = this.mode !== 'inline';
      panel.addEventListener('keydown', (event) => {
        if (event.key === 'Escape' && this.mode !== 'inline') { event.preventDefault(); this.setOpen(false, true); }
      });
      this.panel = panel;

      const header = el('header', 'header');
      const heading = el('div', 'heading');
      this.titleNode = el('h2', 'title', this.getAttribute('heading') || 'Shop assistant');
      this.titleNode.id = `title-${uid}`;
      this.status = el('p', 'status');
      this.statusDot = el('span', 'dot');
      this.statusDot.setAttribute('aria-hidden', 'true');
      this.statusText = el('span', 'status-text', 'Connecting…');
      this.status.append(this.statusDot, this.statusText);
      heading.append(this.titleNode, this.status);
      const tools = el('div', 'tools');
      const fresh = this.toolButton('restart', 'Start a new conversation', () => this.newConversation());
      tools.append(fresh);
      if (this.mode !== 'inline') tools.append(this.toolButton('close', 'Close chat', () => this.setOpen(false, true)));
      header.append(heading, tools);

      this.banner = el('div', 'banner');
      this.banner.hidden = true;
      this.banner.setAttribute('role', 'status');
      this.bannerText = el('span');
      this.retryButton = el('button', 'link', 'Retry now');
      this.retryButton.type = 'button';
      this.retryButton.addEventListener('click', () => this.connectNow());
      this.banner.append(this.bannerText, this.retryButton);

      this.log = el('div', 'log');
      this.log.setAttribute('role', 'log');
      this.log.setAttribute('aria-label', 'Conversation');
      this.log.setAttribute('aria-live', 'off');
      this.log.tabIndex = 0;

      this.typing = el('div', 'msg bot typing');
      this.typing.setAttribute('aria-hidden', 'true');
      this.typing.append(el('span'), el('span'), el('span'));
      this.typing.hidden = true;

      // Announces each new answer once, as plain text, without reading out every card.
      this.announcer = el('div', 'sr-only');
      this.announcer.setAttribute('aria-live', 'polite');
      this.announcer.setAttribute('aria-atomic', 'true');

      const form = el('form', 'composer');
      const label = el('label', 'sr-only', 'Message');
      label.htmlFor = `input-${uid}`;
      this.input = el('input', 'input');
      this.input.id = `input-${uid}`;
      this.input.type = 'text';
      this.input.autocomplete = 'off';
      this.input.maxLength = MAX_TEXT;
      this.input.placeholder = this.getAttribute('placeholder') || 'Ask about products, deals or an order…';
      this.input.setAttribute('enterkeyhint', 'send');
      const send = el('button', 'send');
      send.type = 'submit';
      send.setAttribute('aria-label', 'Send');
      send.append(this.icon('send'));
      form.append(label, this.input, send);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const text = this.input.value.trim();
        if (!text) return;
        this.input.value = '';
        this.say(text);
      });

      panel.append(header, this.banner, this.log, this.announcer, form);
      frame.append(panel);
      if (this.mode !== 'inline') frame.append(this.launcher);
      this.root.append(frame);
    }

    toolButton(icon, label, action) {
      const button = el('button', 'tool');
      button.type = 'button';
      button.setAttribute('aria-label', label);
      button.title = label;
      button.append(this.icon(icon));
      button.addEventListener('click', action);
      return button;
    }

    icon(name) {
      const paths = {
        chat: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
        send: 'M3 20l18-8L3 4v6l12 2-12 2z',
        close: 'M6 6l12 12M18 6L6 18',
        restart: 'M4 12a8 8 0 1 0 3-6.2M4 4v5h5',
        prev: 'M15 5l-7 7 7 7',
        next: 'M9 5l7 7-7 7',
      };
      const node = svg('svg', { viewBox: '0 0 24 24', width: 22, height: 22, 'aria-hidden': 'true', focusable: 'false' });
      const filled = name === 'chat' || name === 'send';
      node.append(svg('path', {
        d: paths[name], fill: filled ? 'currentColor' : 'none', stroke: filled ? 'none' : 'currentColor',
        'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round',
      }));
      return node;
    }

    setOpen(open, moveFocus) {
      this.open = open;
      this.panel.hidden = !open;
      this.frame.classList.toggle('open', open);
      this.launcher.setAttribute('aria-expanded', String(open));
      this.launcher.setAttribute('aria-label', open ? 'Close chat' : 'Open chat');
      if (this.mode !== 'inline') this.save({ open });
      if (open) {
        this.scrollToEnd();
        if (moveFocus) this.input.focus();
      } else if (moveFocus) {
        this.launcher.focus();
      }
    }

    // ---------------------------------------------------------------- connection

    setState(state, detail) {
      this.state = state;
      this.frame.dataset.state = state;
      this.statusText.textContent = STATE_LABEL[state] || state;
      if (state === 'online' || state === 'connecting') {
        this.banner.hidden = true;
      } else {
        this.banner.hidden = false;
        this.bannerText.textContent = state === 'offline' && !navigator.onLine
          ? 'You are offline. Messages will be sent when the connection is back.'
          : `Connection lost. Reconnecting${detail ? ` in ${Math.ceil(detail / 1000)} s` : ''}…`;
      }
      this.dispatch('state', { state });
    }

    chatURL() {
      const url = new URL('/chat', this.server);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      url.searchParams.set('store', this.store);
      const saved = this.loadSaved();
      if (saved.session) url.searchParams.set('session', saved.session);
      return url.href;
    }

    connect() {
      if (this.stopped) return;
      clearTimeout(this.retryTimer);
      this.welcomed = false;
      this.setState(this.attempt === 0 && this.state !== 'reconnecting' ? 'connecting' : 'reconnecting');
      let socket;
      try {
        socket = new WebSocket(this.chatURL());
      } catch (_) {
        this.scheduleReconnect();
        return;
      }
      this.socket = socket;
      socket.addEventListener('message', (event) => {
        if (socket !== this.socket) return;
        let frame;
        try { frame = JSON.parse(event.data); } catch (_) { return; }
        this.handle(frame);
      });
      socket.addEventListener('close', () => {
        if (socket !== this.socket) return;
        this.socket = null;
        this.stopKeepalive();
        this.typing.hidden = true;
        if (!this.stopped) this.scheduleReconnect();
      });
    }

    connectNow() {
      this.attempt = 0;
      if (this.socket) { const old = this.socket; this.socket = null; old.close(); }
      this.connect();
    }

    /** Exponential backoff with full jitter: up to 0.5 s, 1 s, 2 s … capped at 20 s. */
    scheduleReconnect() {
      const ceiling = Math.min(20000, 500 * 2 ** this.attempt);
      const delay = Math.round(ceiling / 2 + Math.random() * ceiling / 2);
      this.attempt += 1;
      this.setState(navigator.onLine === false ? 'offline' : (this.attempt > 8 ? 'offline' : 'reconnecting'), delay);
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.connect(), delay);
    }

    startKeepalive() {
      this.stopKeepalive();
      this.pingTimer = setInterval(() => {
        if (!this.sendFrame({ type: 'ping' })) return;
        clearTimeout(this.pongTimer);
        // A connection that stopped answering is closed, so the reconnect logic takes over.
        this.pongTimer = setTimeout(() => { if (this.socket) this.socket.close(4000, 'no pong'); }, PONG_WITHIN);
      }, PING_EVERY);
    }

    stopKeepalive() {
      clearInterval(this.pingTimer);
      clearTimeout(this.pongTimer);
    }

    sendFrame(frame) {
      if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
      this.socket.send(JSON.stringify(frame));
      return true;
    }

    dispatch(name, detail) {
      this.dispatchEvent(new CustomEvent(`shoptalk:${name}`, { detail, bubbles: true, composed: true }));
    }

    // ---------------------------------------------------------------- frames from the server

    handle(frame) {
      switch (frame.type) {
        case 'welcome': return this.onWelcome(frame);
        case 'reply': return this.onReply(frame);
        case 'reply_delta': return this.onDelta(frame);
        case 'resume_ok': return this.onResumed(frame);
        case 'reset_ok': return this.note('Started over: what you asked before no longer filters the results.');
        case 'auth_ok':
          this.chatRole = frame.role || 'owner';
          this.frame.dataset.role = this.chatRole;
          return this.dispatch('auth', { ok: true, role: this.chatRole, store: frame.store });
        case 'alert': return this.dispatch('alert', frame);
        case 'error': return this.onError(frame);
        case 'pong': clearTimeout(this.pongTimer); return undefined;
        default: return undefined;
      }
    }

    onWelcome(frame) {
      this.welcomed = true;
      this.attempt = 0;
      this.storeInfo = frame.store || null;
      if (!this.getAttribute('heading') && frame.store && frame.store.name) this.titleNode.textContent = frame.store.name;
      const saved = this.loadSaved();
      const firstConnection = !this.hasConnected;
      this.hasConnected = true;
      this.save({ session: frame.session });
      this.setState('online');
      this.startKeepalive();
      if (this._ownerToken) this.sendFrame({ type: 'auth', token: this._ownerToken });
      this.dispatch('welcome', frame);

      if (frame.resumed) {
        // After a reload the page is empty: replay the whole session. After a dropped connection, only
        // what was missed.
        this.replaying = true;
        if (firstConnection && this.log.childElementCount === 0) this.greet();
        if (firstConnection || !this.lastReplyId) this.sendFrame({ type: 'resume' });
        else this.sendFrame({ type: 'resume', after: this.lastReplyId });
        return;
      }
      if (saved.session && saved.session !== frame.session) {
        this.save({ mine: [] });
        if (frame.notice) this.note(frame.notice);
      }
      if (firstConnection && this.log.childElementCount === 0) this.greet();
      this.flushOutbox(true);
    }

    onResumed(frame) {
      this.replaying = false;
      if (frame.lastReplyId) this.lastReplyId = frame.lastReplyId;
      if (this.log.childElementCount === 0) this.greet();
      this.flushOutbox(true);
      this.scrollToEnd();
    }

    greet() {
      const name = this.storeInfo && this.storeInfo.name ? this.storeInfo.name : 'the shop';
      const reply = {
        type: 'reply', id: null,
        text: `Hi! I'm the assistant of ${name}. Ask me for products, deals, or where your order is.`,
        suggestions: ['Show me headphones under $100', 'What deals do you have?', 'Where is my order?'],
      };
      this.renderBot(reply, false);
    }

    onDelta(frame) {
      this.typing.hidden = true;
      let bubble = this.log.querySelector(`.msg.bot.streaming[data-reply-to="${CSS.escape(frame.replyTo || '')}"]`);
      if (!bubble) {
        bubble = el('div', 'msg bot streaming');
        bubble.dataset.replyTo = frame.replyTo || '';
        bubble.append(el('p', 'text'));
        this.log.append(bubble);
      }
      bubble.querySelector('.text').textContent += frame.text || '';
      this.scrollToEnd();
    }

    onReply(frame) {
      if (frame.id && this.shownReplies.has(frame.id)) return;
      if (frame.id) { this.shownReplies.add(frame.id); this.lastReplyId = frame.id; }
      const request = frame.replyTo ? this.pending.get(frame.replyTo) : null;
      if (request) {
        this.pending.delete(frame.replyTo);
        request.node.classList.remove('sending', 'failed');
      } else if (frame.replyTo && this.replaying) {
        // History after a reload: the shopper's own words come from local storage.
        const mine = (this.loadSaved().mine || []).find((entry) => entry.id === frame.replyTo);
        if (mine) this.renderMine(mine.text, frame.replyTo, false);
      }
      const streaming = frame.replyTo
        ? this.log.querySelector(`.msg.bot.streaming[data-reply-to="${CSS.escape(frame.replyTo)}"]`) : null;
      if (streaming) streaming.remove();
      this.typing.hidden = this.pending.size === 0;
      this.renderBot(frame, !this.replaying);
      this.dispatch('reply', frame);
    }

    onError(frame) {
      this.dispatch('error', frame);
      if (frame.code === 'unauthorized') this.dispatch('auth', { ok: false, message: frame.message });
      const request = frame.replyTo ? this.pending.get(frame.replyTo) : null;
      // The server is restarting: the message stays pending and is sent again after the reconnect.
      if (frame.code === 'unavailable' && request) return;
      if (request) {
        this.pending.delete(frame.replyTo);
        this.markFailed(request, frame);
      }
      this.typing.hidden = this.pending.size === 0;
      const polite = {
        rate_limited: 'You are sending messages faster than I can read them. Please wait a moment and try again.',
        internal: 'Sorry, something went wrong on our side. Please try again.',
        too_large: 'That message is too long. Please keep it under 4,000 characters.',
      };
      this.note(polite[frame.code] || frame.message || 'Something went wrong.', 'error');
    }

    markFailed(request, frame) {
      const node = request.node;
      node.classList.remove('sending');
      node.classList.add('failed');
      if (node.querySelector('.retry')) return;
      const retry = el('button', 'retry link', frame && frame.code === 'rate_limited' ? 'Not sent. Send again' : 'Not answered. Try again');
      retry.type = 'button';
      retry.addEventListener('click', () => { node.remove(); this.say(request.text); });
      node.append(retry);
    }

    // ---------------------------------------------------------------- sending

    say(text) {
      const clipped = String(text).slice(0, MAX_TEXT);
      const id = `m${Date.now().toString(36)}${(this.counter++).toString(36)}`;
      this.clearChips();
      const node = this.renderMine(clipped, id, true);
      node.classList.add('sending');
      this.pending.set(id, { text: clipped, node });
      this.rememberMine(id, clipped);
      this.outbox.push(id);
      this.flushOutbox(false);
    }

    /** Sends queued messages; after a (re)connection also resends those that were never answered. */
    flushOutbox(afterConnect) {
      if (!this.welcomed || this.replaying) return;
      if (afterConnect) {
        for (const id of this.pending.keys()) if (!this.outbox.includes(id)) this.outbox.push(id);
      }
      while (this.outbox.length) {
        const id = this.outbox[0];
        const request = this.pending.get(id);
        if (request && !this.sendFrame({ type: 'message', id, text: request.text })) return;
        this.outbox.shift();
        if (request) this.typing.hidden = false;
      }
      this.log.append(this.typing);
      this.scrollToEnd();
    }

    newConversation() {
      this.sendFrame({ type: 'reset' });
      this.save({ session: null, mine: [] });
      this.log.textContent = '';
      this.pending.clear();
      this.outbox = [];
      this.shownReplies.clear();
      this.lastReplyId = null;
      this.hasConnected = false;
      this.connectNow();
    }

    // ---------------------------------------------------------------- rendering

    scrollToEnd() {
      requestAnimationFrame(() => { this.log.scrollTop = this.log.scrollHeight; });
    }

    clearChips() {
      for (const chips of this.log.querySelectorAll('.chips')) chips.remove();
    }

    note(text, kind) {
      const node = el('p', `note ${kind || ''}`.trim(), text);
      this.log.append(node);
      if (kind === 'error') this.announce(text);
      this.log.append(this.typing);
      this.scrollToEnd();
    }

    announce(text) {
      this.announcer.textContent = '';
      setTimeout(() => { this.announcer.textContent = text; }, 50);
    }

    renderMine(text, id, live) {
      const node = el('div', 'msg me');
      node.dataset.id = id;
      node.append(el('p', 'text', text));
      this.log.append(node);
      this.log.append(this.typing);
      if (live) this.scrollToEnd();
      return node;
    }

    renderBot(frame, live) {
      const node = el('div', 'msg bot');
      if (frame.id) node.dataset.id = frame.id;
      node.append(el('p', 'text', frame.text || ''));
      const currency = (this.storeInfo && this.storeInfo.currency) || 'USD';
      if (Array.isArray(frame.products) && frame.products.length) node.append(this.renderProducts(frame.products));
      if (Array.isArray(frame.discounts) && frame.discounts.length) node.append(this.renderDiscounts(frame.discounts));
      if (frame.order && typeof frame.order === 'object') node.append(this.renderOrder(frame.order));
      if (frame.ticket && typeof frame.ticket === 'object') node.append(this.renderTicket(frame.ticket));
      if (frame.result && typeof frame.result === 'object') node.append(this.renderResult(frame.result, currency));
      if (Array.isArray(frame.suggestions) && frame.suggestions.length) {
        this.clearChips();
        node.append(this.renderChips(frame.suggestions));
      }
      this.log.append(node);
      this.log.append(this.typing);
      if (live) {
        this.announce(`Assistant: ${frame.text || ''}`);
        this.scrollToEnd();
      }
      return node;
    }

    renderChips(suggestions) {
      const chips = el('div', 'chips');
      chips.setAttribute('role', 'group');
      chips.setAttribute('aria-label', 'Suggestions');
      for (const suggestion of suggestions.slice(0, 6)) {
        if (typeof suggestion !== 'string') continue;
        const chip = el('button', 'chip', suggestion);
        chip.type = 'button';
        chip.addEventListener('click', () => { this.say(suggestion); this.input.focus(); });
        chips.append(chip);
      }
      return chips;
    }

    renderProducts(products) {
      const wrap = el('div', 'carousel');
      const list = el('ul', 'cards');
      list.setAttribute('aria-label', `${products.length} product${products.length === 1 ? '' : 's'}`);
      list.tabIndex = 0;
      for (const product of products) list.append(this.renderProduct(product));
      const prev = el('button', 'nav prev');
      const next = el('button', 'nav next');
      for (const [button, label, icon, direction] of [[prev, 'Previous products', 'prev', -1], [next, 'Next products', 'next', 1]]) {
        button.type = 'button';
        button.setAttribute('aria-label', label);
        button.append(this.icon(icon));
        button.addEventListener('click', () => list.scrollBy({ left: direction * list.clientWidth * 0.8, behavior: 'smooth' }));
      }
      wrap.append(prev, list, next);
      return wrap;
    }

    renderProduct(product) {
      const card = el('li', 'card product');
      card.dataset.productId = String(product.id ?? '');
      const currency = product.currency || 'USD';
      const picture = el('div', 'picture');
      const image = safeImage(product.imageUrl);
      if (image) {
        const img = el('img');
        img.alt = '';
        img.loading = 'lazy';
        img.src = image;
        img.addEventListener('error', () => img.remove());
        picture.append(img);
      } else {
        picture.append(el('span', 'initial', (product.brand || product.name || '?').trim().charAt(0).toUpperCase()));
      }
      const onSale = typeof product.originalPrice === 'number' && product.originalPrice > product.price;
      if (onSale) {
        const off = Math.round((1 - product.price / product.originalPrice) * 100);
        picture.append(el('span', 'badge sale', `−${off}%`));
      }
      card.append(picture);
      card.append(el('p', 'name', product.name));
      card.append(el('p', 'meta', [product.brand, words(product.category)].filter(Boolean).join(' · ')));
      const price = el('p', 'price');
      price.append(el('span', 'now', money(product.price, currency)));
      if (onSale) {
        const was = el('s', 'was', money(product.originalPrice, currency));
        was.setAttribute('aria-label', `was ${money(product.originalPrice, currency)}`);
        price.append(' ', was);
      }
      card.append(price);
      const stock = product.stock || {};
      const stockText = stock.state === 'out' ? 'Out of stock'
        : stock.state === 'low' ? `Only ${stock.count} left` : 'In stock';
      card.append(el('p', `stock ${stock.state || 'in_stock'}`, stockText));
      if (typeof product.rating === 'number') {
        const rating = el('p', 'rating', `★ ${number(product.rating, 1)}`);
        rating.setAttribute('aria-label', `Rated ${number(product.rating, 1)} out of 5`);
        card.append(rating);
      }
      if (Array.isArray(product.discounts) && product.discounts.length) {
        const codes = el('p', 'codes');
        const notes = product.discountNotes || {};
        for (const code of product.discounts.slice(0, 3)) codes.append(el('span', 'code', notes[code] ? `${code} (${notes[code]})` : code));
        card.append(codes);
      }
      if (product.reason) card.append(el('p', 'reason', product.reason));
      const more = el('button', 'more link', 'Details');
      more.type = 'button';
      more.setAttribute('aria-label', `Details of ${product.name}`);
      more.addEventListener('click', () => this.say(`tell me about the ${product.name}`));
      card.append(more);
      return card;
    }

    renderDiscounts(discounts) {
      const list = el('ul', 'discounts');
      for (const discount of discounts) {
        const currency = discount.currency || 'USD';
        const card = el('li', `card discount${discount.valid === false ? ' invalid' : ''}`);
        const top = el('p', 'top');
        top.append(el('span', 'code', discount.code));
        if (discount.valid === true) top.append(el('span', 'badge ok', 'Valid'));
        if (discount.valid === false) top.append(el('span', 'badge bad', 'Not valid'));
        card.append(top);
        if (discount.description) card.append(el('p', 'desc', discount.description));
        const rules = [];
        if (discount.percentOff) rules.push(`${discount.percentOff}% off`);
        if (discount.amountOff) rules.push(`${money(discount.amountOff, currency)} off`);
        if (discount.maxDiscount) rules.push(`up to ${money(discount.maxDiscount, currency)}`);
        if (discount.minSpend) rules.push(`min. spend ${money(discount.minSpend, currency)}`);
        if (discount.category) rules.push(`on ${words(discount.category)}`);
        if (discount.brand) rules.push(`on ${discount.brand}`);
        if (rules.length) card.append(el('p', 'rule', rules.join(' · ')));
        if (discount.reason) card.append(el('p', 'why', discount.reason));
        if (typeof discount.saving === 'number') {
          const saving = `You save ${money(discount.saving, currency)}`;
          const total = typeof discount.finalPrice === 'number' ? ` · you pay ${money(discount.finalPrice, currency)}` : '';
          card.append(el('p', 'saving', saving + total));
        }
        if (discount.expiresAt) card.append(el('p', 'expires', `Ends ${day(discount.expiresAt)}`));
        if (navigator.clipboard && discount.valid !== false) {
          const copy = el('button', 'link', 'Copy code');
          copy.type = 'button';
          copy.setAttribute('aria-label', `Copy code ${discount.code}`);
          copy.addEventListener('click', () => {
            navigator.clipboard.writeText(discount.code).then(() => { copy.textContent = 'Copied'; }, () => {});
          });
          card.append(copy);
        }
        list.append(card);
      }
      return list;
    }

    renderOrder(order) {
      const currency = order.currency || 'USD';
      const card = el('div', 'card order');
      const top = el('p', 'top');
      top.append(el('span', 'number', order.number), el('span', `badge status-${order.status}`, words(order.status)));
      card.append(top);
      if (order.placedAt) card.append(el('p', 'meta', `Placed ${day(order.placedAt)}`));
      if (Array.isArray(order.items) && order.items.length) {
        const items = el('ul', 'items');
        for (const item of order.items) {
          const line = el('li');
          line.append(el('span', 'item-name', `${item.quantity} × ${item.name}`), el('span', 'item-price', money(item.unitPrice * item.quantity, currency)));
          items.append(line);
        }
        card.append(items);
      }
      const total = el('p', 'total');
      total.append(el('span', null, 'Total'), el('span', null, money(order.total, currency)));
      card.append(total);
      if (order.carrier || order.trackingNumber) card.append(el('p', 'meta', [order.carrier, order.trackingNumber].filter(Boolean).join(' · ')));
      if (order.estimatedDelivery) card.append(el('p', 'meta', `Expected ${day(order.estimatedDelivery)}`));
      if (Array.isArray(order.timeline) && order.timeline.length) {
        const timeline = el('ol', 'timeline');
        timeline.setAttribute('aria-label', 'Order history');
        for (const step of order.timeline) {
          const entry = el('li');
          entry.append(el('span', 'step', words(step.status)), el('time', 'when', day(step.at)));
          if (step.at) entry.lastChild.dateTime = step.at;
          if (step.note) entry.append(el('span', 'step-note', step.note));
          timeline.append(entry);
        }
        card.append(timeline);
      }
      return card;
    }

    renderTicket(ticket) {
      const card = el('div', 'card ticket');
      const top = el('p', 'top');
      top.append(el('span', 'number', ticket.reference), el('span', 'badge', words(ticket.status || 'open')));
      card.append(top);
      card.append(el('p', 'meta', [words(ticket.category), ticket.orderNumber].filter(Boolean).join(' · ')));
      return card;
    }

    // ---------------------------------------------------------------- owner results

    renderResult(result, currency) {
      const box = el('figure', `result ${result.kind}`);
      const period = result.from || result.to ? `${day(result.from)} – ${day(result.to)}` : 'All time';
      if (result.kind === 'scalar') {
        box.append(el('p', 'big', measured(result.value, result.unit, result.metric)));
        box.append(el('figcaption', 'caption', `${words(result.metric)} · ${period}`));
        return box;
      }
      if (result.kind === 'series' && Array.isArray(result.points)) {
        const unit = result.metric === 'revenue' || result.metric === 'aov' ? currency : null;
        box.append(el('figcaption', 'caption', `${words(result.metric)} by period · ${period}`));
        if (result.points.length) box.append(this.lineChart(result.points, unit, result.metric));
        box.append(this.dataTable(['period', result.metric], result.points.map((point) => [point.period, point.value]), unit, result.metric, true));
        return box;
      }
      if (result.kind === 'table' && Array.isArray(result.columns) && Array.isArray(result.rows)) {
        box.append(el('figcaption', 'caption', `${words(result.metric)} · ${period}`));
        const unit = result.metric === 'revenue' || result.metric === 'aov' ? currency : null;
        const chartable = result.chart === 'bar' && result.columns.length === 2 && result.rows.length > 1
          && result.rows.every((row) => typeof row[1] === 'number');
        if (chartable) box.append(this.barChart(result.rows, unit, result.metric));
        box.append(this.dataTable(result.columns, result.rows, unit, result.metric, chartable));
        return box;
      }
      return box;
    }

    dataTable(columns, rows, unit, metric, collapsible) {
      const table = el('table', 'data');
      const head = el('thead');
      const headRow = el('tr');
      for (const column of columns) {
        const cell = el('th', null, words(column));
        cell.scope = 'col';
        headRow.append(cell);
      }
      head.append(headRow);
      const body = el('tbody');
      for (const row of rows) {
        const line = el('tr');
        row.forEach((value, index) => {
          const numeric = typeof value === 'number';
          const shown = numeric && index === columns.length - 1 && columns[index] === metric ? measured(value, unit, metric)
            : numeric ? number(value) : String(value ?? '');
          line.append(el('td', numeric ? 'num' : null, shown));
        });
        body.append(line);
      }
      table.append(head, body);
      if (!collapsible) {
        const scroller = el('div', 'table-wrap');
        scroller.append(table);
        return scroller;
      }
      const details = el('details', 'table-wrap');
      details.append(el('summary', null, 'Show the numbers'), table);
      return details;
    }

    /** Charts are drawn at the width they are shown at, so their text stays at its normal size. */
    chartWidth() {
      const available = this.log.clientWidth - 56;
      return available > 0 ? Math.max(260, Math.min(720, available)) : 320;
    }

    lineChart(points, unit, metric) {
      const width = this.chartWidth();
      const height = 170;
      const pad = { left: 8, right: 8, top: 16, bottom: 24 };
      const values = points.map((point) => point.value);
      const max = Math.max(...values, 0);
      const min = Math.min(...values, 0);
      const span = max - min || 1;
      const x = (index) => pad.left + (points.length === 1 ? (width - pad.left - pad.right) / 2
        : index * (width - pad.left - pad.right) / (points.length - 1));
      const y = (value) => pad.top + (max - value) * (height - pad.top - pad.bottom) / span;
      const best = values.indexOf(max);
      const chart = svg('svg', { class: 'chart line', viewBox: `0 0 ${width} ${height}`, role: 'img' });
      const label = `Line chart of ${words(metric)} over ${points.length} periods, from ${points[0].period} to ${points[points.length - 1].period}; highest ${points[best].period} at ${measured(max, unit, metric)}.`;
      const title = svg('title');
      title.textContent = label;
      chart.append(title);
      chart.append(svg('line', { class: 'axis', x1: pad.left, x2: width - pad.right, y1: y(0), y2: y(0) }));
      const path = points.map((point, index) => `${index ? 'L' : 'M'}${x(index).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ');
      const area = `${path} L${x(points.length - 1).toFixed(1)},${y(0).toFixed(1)} L${x(0).toFixed(1)},${y(0).toFixed(1)} Z`;
      chart.append(svg('path', { class: 'area', d: area }));
      chart.append(svg('path', { class: 'stroke', d: path }));
      points.forEach((point, index) => {
        const dot = svg('circle', { class: 'point', cx: x(index).toFixed(1), cy: y(point.value).toFixed(1), r: points.length > 40 ? 1.5 : 3 });
        const tip = svg('title');
        tip.textContent = `${point.period}: ${measured(point.value, unit, metric)}`;
        dot.append(tip);
        chart.append(dot);
      });
      const ticks = points.length <= 4 ? points.map((_, index) => index) : [0, Math.floor((points.length - 1) / 2), points.length - 1];
      for (const index of ticks) {
        const anchor = index === 0 ? 'start' : index === points.length - 1 ? 'end' : 'middle';
        const text = svg('text', { class: 'tick', x: x(index).toFixed(1), y: height - 6, 'text-anchor': anchor });
        text.textContent = points[index].period;
        chart.append(text);
      }
      const peak = svg('text', { class: 'peak', x: Math.min(Math.max(x(best), 40), width - 40).toFixed(1), y: Math.max(y(max) - 5, 11).toFixed(1), 'text-anchor': 'middle' });
      peak.textContent = measured(max, unit, metric);
      chart.append(peak);
      return chart;
    }

    barChart(rows, unit, metric) {
      const width = Math.min(this.chartWidth(), 560);
      const barHeight = 14;
      const gap = 22;
      const shown = rows.slice(0, 15);
      const height = shown.length * (barHeight + gap) + 4;
      const max = Math.max(...shown.map((row) => Math.abs(row[1])), 1);
      const chart = svg('svg', { class: 'chart bars', viewBox: `0 0 ${width} ${height}`, role: 'img' });
      const title = svg('title');
      title.textContent = `Bar chart of ${words(metric)}: ${shown.map((row) => `${row[0]} ${measured(row[1], unit, metric)}`).join('; ')}.`;
      chart.append(title);
      shown.forEach((row, index) => {
        const top = index * (barHeight + gap);
        const name = svg('text', { class: 'bar-label', x: 0, y: top + 12 });
        const text = String(row[0]);
        name.textContent = text.length > 44 ? `${text.slice(0, 43)}…` : text;
        const barWidth = Math.max(2, (Math.abs(row[1]) / max) * (width - 90));
        const bar = svg('rect', { class: 'bar', x: 0, y: top + 16, width: barWidth.toFixed(1), height: barHeight, rx: 3 });
        const tip = svg('title');
        tip.textContent = `${text}: ${measured(row[1], unit, metric)}`;
        bar.append(tip);
        const value = svg('text', { class: 'bar-value', x: (barWidth + 6).toFixed(1), y: top + 27 });
        value.textContent = measured(row[1], unit, metric);
        chart.append(name, bar, value);
      });
      return chart;
    }
  }

  if (!customElements.get('shoptalk-chat')) customElements.define('shoptalk-chat', ShopTalkChat);

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
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
    else mount();
  }
})();
