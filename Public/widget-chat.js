/*
 * ShopTalk chat widget: the <shoptalk-chat> element (connection, session, messages, chips). Loaded by
 * widget.js after widget-kit.js; product, order and discount cards come from widget-cards.js, the live
 * handoff to a person from widget-handoff.js and owner charts from widget-results.js. All catalog and
 * user text is set with textContent; no data ever reaches innerHTML.
 */
(() => {
  'use strict';

  const { el, icon, scriptURL } = window.ShopTalkKit;
  const MAX_TEXT = 4000;
  const MAX_MINE = 200;
  const PING_EVERY = 25000;
  const PONG_WITHIN = 10000;

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

    icon(name) { return icon(name); }

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
      if (!this.renderResult && (this.partsWaited = (this.partsWaited || 0) + 1) < 100) {
        // widget.js is still loading the card and result scripts: replies need them.
        this.retryTimer = setTimeout(() => this.connect(), 50);
        return;
      }
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
        default: return this.onHandoffFrame ? this.onHandoffFrame(frame) : undefined;
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
        if (this.handoffReset) this.handoffReset();
        if (frame.notice) this.note(frame.notice);
      }
      if (firstConnection && this.log.childElementCount === 0) this.greet();
      this.flushOutbox(true);
    }

    onResumed(frame) {
      this.replaying = false;
      if (frame.lastReplyId) this.lastReplyId = frame.lastReplyId;
      if (this.log.childElementCount === 0) this.greet();
      if (this.handoffResumed) this.handoffResumed();
      this.flushOutbox(true);
      this.scrollToEnd();
    }

    greet() {
      const name = this.storeInfo && this.storeInfo.name ? this.storeInfo.name : 'the shop';
      const reply = this._ownerToken ? {
        type: 'reply', id: null,
        text: `Hi! Ask me about ${name}'s sales: totals, top products, trends, customers, stock. Every answer says how I worked it out.`,
        suggestions: ['Sales by month this year', 'Top 10 products this month', 'New vs returning customers this year', 'Which products need restocking?'],
      } : {
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
      // 'quiet': the words went to a person, no answer to draw; 'redrawn': the handoff's resumed lines draw them.
      const handoff = this.handoffReply ? this.handoffReply(frame) : null;
      const request = frame.replyTo ? this.pending.get(frame.replyTo) : null;
      if (request) {
        this.pending.delete(frame.replyTo);
        request.node.classList.remove('sending', 'failed');
        if (handoff) request.node.classList.add('sent');
      } else if (frame.replyTo && this.replaying && handoff !== 'redrawn') {
        // History after a reload: the shopper's own words come from local storage.
        const mine = (this.loadSaved().mine || []).find((entry) => entry.id === frame.replyTo);
        if (mine) this.renderMine(mine.text, frame.replyTo, false);
      }
      const streaming = frame.replyTo
        ? this.log.querySelector(`.msg.bot.streaming[data-reply-to="${CSS.escape(frame.replyTo)}"]`) : null;
      if (streaming) streaming.remove();
      this.typing.hidden = this.pending.size === 0 || Boolean(this.withPerson);
      if (!handoff) this.renderBot(frame, !this.replaying);
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
        if (request && !this.withPerson) this.typing.hidden = false;
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
      if (this.handoffReset) this.handoffReset();
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
      if (this.renderProducts && Array.isArray(frame.products) && frame.products.length) node.append(this.renderProducts(frame.products));
      if (this.renderDiscounts && Array.isArray(frame.discounts) && frame.discounts.length) node.append(this.renderDiscounts(frame.discounts));
      if (this.renderOrder && frame.order && typeof frame.order === 'object') node.append(this.renderOrder(frame.order));
      if (this.renderTicket && frame.ticket && typeof frame.ticket === 'object') node.append(this.renderTicket(frame.ticket));
      if (this.renderResult && frame.result && typeof frame.result === 'object') node.append(this.renderResult(frame.result, currency));
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

  }

  if (!customElements.get('shoptalk-chat')) customElements.define('shoptalk-chat', ShopTalkChat);

})();
