/*
 * ShopTalk live handoff, added to <shoptalk-chat>: while a person from the shop has (or is about to
 * take) the chat, a status line under the header, the person's messages as their own bubbles, "Sam is
 * typing…", typing hints sent for the shopper, and the handoff's lines redrawn after a reload. In the
 * owner console the same element passes the queue's frames on as events (shoptalk:handoff_queue,
 * shoptalk:handoff_message, shoptalk:handoff_typing). Loaded by widget.js after widget-chat.js; all
 * text is set with textContent.
 */
(() => {
  'use strict';

  const { el } = window.ShopTalkKit;
  const ShopTalkChat = customElements.get('shoptalk-chat');
  if (!ShopTalkChat) return;

  // The shopper's typing hints: at most one per 2 s (the server relays at most one a second anyway).
  const TYPING_EVERY = 2000;
  // "Sam is typing…" stays 4 s after the last hint: the person's console sends one every 2 s.
  const TYPING_SHOWN = 4000;
  const WITH_PERSON = new Set(['queued', 'live']);

  /** The key a person's line is known by, with or without a message id: when and what. */
  function lineKey(at, text) {
    const time = Date.parse(at || '');
    return `${isNaN(time) ? String(at || '') : time}|${text}`;
  }

  Object.assign(ShopTalkChat.prototype, {
    /** Frames widget-chat.js does not know: the handoff's, for a shopper; the queue's, for the console. */
    onHandoffFrame(frame) {
      switch (frame.type) {
        case 'handoff': return this.onHandoffStatus(frame);
        case 'agent_message': return this.onAgentMessage(frame);
        case 'typing':
          if (frame.who === 'agent') return this.showAgentTyping(frame.agent);
          return this.dispatch('handoff_typing', frame);
        case 'handoff_queue':
        case 'handoff_message':
          return this.dispatch(frame.type, frame);
        default:
          return undefined;
      }
    },

    /**
     * What a reply says of the handoff: null when it is drawn as usual, 'quiet' when the shopper's words
     * went to a person (an empty answer, nothing to draw), 'redrawn' when, replaying after a reload, the
     * resumed handoff's lines will draw the shopper's words in their place among the person's.
     */
    handoffReply(frame) {
      const card = frame.handoff;
      if (!card || typeof card !== 'object') return null;
      // A replayed reply is history: the resumed `handoff` frame (or its absence) says what is open now.
      if (!this.replaying) this.setHandoff(card.id, card.status, card.agent);
      if (card.event !== 'message' || frame.text) return null;
      const redraw = this.redrawing;
      return this.replaying && redraw && redraw.full && redraw.id === card.id ? 'redrawn' : 'quiet';
    },

    /** `{"type":"handoff",…}`: claimed, closed, or given up and waiting for an email; or, resumed, what is open. */
    onHandoffStatus(frame) {
      this.setHandoff(frame.handoff, frame.status, frame.agent);
      if (frame.resumed) {
        this.redrawing = {
          id: frame.handoff, status: frame.status, text: frame.text,
          // After a reload the whole session is replayed; after a dropped connection only what was missed.
          full: !this.lastReplyId,
          lines: Array.isArray(frame.messages) ? frame.messages : [],
        };
        if (!this.replaying) this.handoffResumed();
        return;
      }
      if (typeof frame.text !== 'string' || !frame.text) return;
      // Given up: the assistant is back and asks a question, so it is the assistant's message.
      if (frame.status === 'awaiting_email') this.renderBot({ type: 'reply', id: null, text: frame.text }, true);
      else { this.note(frame.text, 'handoff-note'); this.announce(frame.text); }
    },

    /** After the replay that follows a resumed welcome: draws the open handoff's lines, or forgets a closed one. */
    handoffResumed() {
      const redraw = this.redrawing;
      this.redrawing = null;
      if (!redraw) {
        if (this.liveHandoff) this.setHandoff(null, 'closed', null);
        return;
      }
      let shopperLines = 0;
      redraw.lines.forEach((line, index) => {
        if (!line || typeof line.text !== 'string') return;
        if (line.sender === 'staff') {
          this.renderAgent({ agent: line.name, text: line.text, at: line.at }, false);
        } else if (line.sender === 'shopper' && redraw.full && shopperLines++ > 0) {
          // The first is the message that opened the handoff: the replay has drawn it already.
          this.renderMine(line.text, `h${redraw.id}-${index}`, false).classList.add('sent');
        }
      });
      if (redraw.status === 'awaiting_email' && redraw.text && !this.shownText(redraw.text)) {
        this.renderBot({ type: 'reply', id: null, text: redraw.text }, false);
      }
      this.scrollToEnd();
    },

    /** Whether an assistant message with exactly `text` is in the log. */
    shownText(text) {
      return Array.from(this.log.querySelectorAll('.msg.bot > .text')).some((node) => node.textContent === text);
    },

    onAgentMessage(frame) {
      if (typeof frame.text !== 'string') return;
      const open = this.liveHandoff;
      if (!open || open.status !== 'live' || open.agent !== (frame.agent || null)) this.setHandoff(frame.handoff, 'live', frame.agent);
      this.hideAgentTyping();
      if (this.renderAgent(frame, !this.replaying)) this.dispatch('agent_message', frame);
    },

    /** A person's message: a bubble of its own, labelled with their name; each line is drawn once. */
    renderAgent(message, live) {
      this.agentSeen = this.agentSeen || new Set();
      const keys = [lineKey(message.at, message.text)];
      if (message.id) keys.push(`id:${message.id}`);
      if (keys.some((key) => this.agentSeen.has(key))) return null;
      for (const key of keys) this.agentSeen.add(key);
      const name = message.agent || 'Our team';
      const node = el('div', 'msg agent agent-message');
      if (message.id) node.dataset.id = String(message.id);
      node.append(el('p', 'who', name), el('p', 'text', message.text));
      this.clearChips();
      this.log.append(node);
      this.log.append(this.typing);
      if (live) {
        this.announce(`${name}: ${message.text}`);
        this.scrollToEnd();
        this.markUnread(name);
      }
      return node;
    },

    /** A person wrote while the panel was closed: the launcher shows a dot until it is opened. */
    markUnread(name) {
      if (this.mode === 'inline' || this.open || !this.launcher) return;
      this.launcher.classList.add('unread');
      this.launcher.setAttribute('aria-label', `Open chat: new message from ${name}`);
      if (this.unreadHooked) return;
      this.unreadHooked = true;
      this.launcher.addEventListener('click', () => this.launcher.classList.remove('unread'));
    },

    /** The handoff now: queued or live shows the status line; anything else removes it. */
    setHandoff(id, status, agent) {
      const open = WITH_PERSON.has(status);
      const before = this.liveHandoff;
      this.liveHandoff = open ? { id, status, agent: agent || null } : null;
      this.withPerson = open;
      if (!open && !before) return;
      this.buildHandoff();
      this.handoffLine.hidden = !open;
      this.handoffLine.dataset.status = open ? status : '';
      this.handoffLine.textContent = !open ? ''
        : status === 'live' ? `Chatting with ${agent || 'our team'}` : 'Waiting for a person from our team…';
      this.frame.dataset.handoff = open ? status : '';
      if (open) this.typing.hidden = true;
      else this.hideAgentTyping();
      const now = this.liveHandoff;
      if (!before || !now || before.status !== now.status || before.agent !== now.agent) {
        this.dispatch('handoff', { id, status, agent: agent || null });
      }
    },

    /** The status line and the typing line, made the first time a handoff shows: most chats never have one. */
    buildHandoff() {
      if (this.handoffLine) return;
      this.handoffLine = el('p', 'handoff-status');
      this.handoffLine.id = 'handoff-status';
      this.handoffLine.setAttribute('role', 'status');
      this.handoffLine.hidden = true;
      this.banner.after(this.handoffLine);
      this.agentTyping = el('p', 'typing-agent');
      this.agentTyping.hidden = true;
      this.input.form.before(this.agentTyping);
      this.input.addEventListener('input', () => this.shopperTyping());
    },

    showAgentTyping(agent) {
      if (!this.liveHandoff) return;
      this.buildHandoff();
      this.agentTyping.textContent = `${agent || (this.liveHandoff && this.liveHandoff.agent) || 'Our team'} is typing…`;
      this.agentTyping.hidden = false;
      clearTimeout(this.agentTypingTimer);
      this.agentTypingTimer = setTimeout(() => this.hideAgentTyping(), TYPING_SHOWN);
    },

    hideAgentTyping() {
      clearTimeout(this.agentTypingTimer);
      if (this.agentTyping) this.agentTyping.hidden = true;
    },

    /** Tells the person the shopper is typing: only while one has, or is about to take, the chat. */
    shopperTyping() {
      if (!this.withPerson || !this.input.value.trim()) return;
      const now = Date.now();
      if (now - (this.typingSentAt || 0) < TYPING_EVERY) return;
      if (this.sendFrame({ type: 'typing' })) this.typingSentAt = now;
    },

    /** A new conversation: nothing of the old handoff stays. */
    handoffReset() {
      this.redrawing = null;
      this.agentSeen = new Set();
      this.setHandoff(null, 'closed', null);
    },
  });
})();
