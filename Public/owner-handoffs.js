// The owner console's Live chats panel, for owners and staff: the shoppers waiting for a person, one
// chat at a time with what the assistant said before, and Claim, Send, Suggest a reply and End chat; the
// owner also sets the team's hours and what brings a person in. Live changes come through the console's
// chat socket (handoff_queue, handoff_message and typing frames, as shoptalk:* events of the chat
// element); everything else is REST under /api/stores/{store}/handoffs. Text is set with textContent.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  // Typing hints to the shopper: at most one every 2 s while the person types.
  const TYPING_EVERY = 2000;
  // "Shopper is typing…" stays 4 s after the last hint (the widget sends one at most every 2 s).
  const TYPING_SHOWN = 4000;
  // The waiting times in the queue are redrawn every 30 s.
  const TICK = 30000;
  const REASONS = {
    asked: 'Asked for a person', frustrated: 'Frustrated', misunderstood: 'Not understood', complaint: 'Complaint',
    low_confidence: 'Unsure answer',
  };
  const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const EMPTY = "Nobody is waiting. Shoppers who ask for a person, or whom the assistant can't help, appear here.";

  let owner = null;
  let onRefused = () => {};
  const queue = new Map();        // id → handoff, open ones (queued, live, awaiting_email)
  const unread = new Set();       // ids with shopper lines the person has not opened yet
  let current = null;             // the handoff shown on the right
  let seen = new Set();           // keys of the lines drawn for `current`
  let typingTimer = null;
  let typedAt = 0;
  let pendingSend = null;         // { key, text }: a send that may have reached the server, retried with its key
  let tick = null;

  const base = () => `/api/stores/${encodeURIComponent(owner.store)}/handoffs`;

  async function request(path, options = {}) {
    const headers = { Authorization: `Bearer ${owner.token}`, ...(options.headers || {}) };
    if (options.body) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { ...options, headers, cache: 'no-store' });
    let body = null;
    try { body = await response.json(); } catch (_) { /* 204 or not JSON */ }
    if (response.status === 401 || response.status === 403) onRefused();
    return { status: response.status, body };
  }

  function problem(status, body) {
    return (body && body.error && body.error.message) || `Refused (${status}).`;
  }

  function key() {
    return (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  }

  function make(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function note(text, bad) {
    $('handoff-note').textContent = text || '';
    $('handoff-note').classList.toggle('error', Boolean(bad));
  }

  function waited(since) {
    const minutes = Math.max(0, Math.floor((Date.now() - Date.parse(since)) / 60000));
    if (isNaN(minutes)) return '';
    if (minutes < 1) return 'under a minute';
    return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  }

  function state(handoff) {
    switch (handoff.status) {
      case 'queued': return `waiting ${waited(handoff.createdAt)}`;
      case 'live': return `with ${handoff.agent || 'someone'}`;
      case 'awaiting_email': return `no one in time: ${handoff.ticket || 'a ticket'}, asking for an email`;
      default: return 'ended';
    }
  }

  // ------------------------------------------------------------------ the queue

  function drawQueue() {
    const list = $('handoff-queue');
    list.textContent = '';
    const open = Array.from(queue.values()).sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    for (const handoff of open) {
      const item = make('li', `handoff-item status-${handoff.status}`);
      item.dataset.id = String(handoff.id);
      item.dataset.status = handoff.status;
      item.classList.toggle('active', Boolean(current && current.id === handoff.id));
      item.classList.toggle('unread', unread.has(handoff.id));
      const button = make('button', 'handoff-open');
      button.type = 'button';
      const top = make('span', 'handoff-top');
      top.append(make('strong', 'handoff-reason', REASONS[handoff.reason] || String(handoff.reason || '').replace(/_/g, ' ')),
        make('span', 'handoff-state', state(handoff)));
      button.append(top, make('span', 'handoff-summary', String(handoff.summary || '').slice(0, 160)));
      if (handoff.orderNumber) button.append(make('span', 'handoff-order', handoff.orderNumber));
      button.setAttribute('aria-label', `${REASONS[handoff.reason] || handoff.reason}, ${state(handoff)}: ${handoff.summary || ''}`);
      item.append(button);
      list.append(item);
    }
    $('handoff-empty').hidden = open.length > 0;
    const waiting = open.filter((handoff) => handoff.status === 'queued').length;
    $('handoff-count').hidden = waiting === 0;
    $('handoff-count').textContent = `${waiting} waiting`;
  }

  async function loadQueue() {
    try {
      const { status, body } = await request(base());
      if (!owner) return;
      if (status !== 200 || !body || !Array.isArray(body.handoffs)) throw new Error(String(status));
      queue.clear();
      for (const handoff of body.handoffs) queue.set(handoff.id, handoff);
      $('handoff-empty').textContent = EMPTY;
      drawQueue();
      if (current) show(current.id, false);
    } catch (_) {
      if (owner) $('handoff-empty').textContent = 'The live chats could not be loaded just now.';
    }
  }

  // ------------------------------------------------------------------ one chat

  function lineKeys(line) {
    const keys = [`${line.sender}|${Date.parse(line.at) || line.at}|${line.text}`];
    if (line.id !== undefined && line.id !== null) keys.push(`id:${line.id}`);
    return keys;
  }

  /** Appends a line of the live chat, once: a pushed line and the same line from REST meet here. */
  function addLine(line, live) {
    if (!line || typeof line.text !== 'string') return;
    const keys = lineKeys(line);
    if (keys.some((key) => seen.has(key))) return;
    for (const key of keys) seen.add(key);
    const sender = ['shopper', 'staff'].includes(line.sender) ? line.sender : 'assistant';
    const item = make('li', `handoff-line from-${sender}`);
    if (line.id !== undefined && line.id !== null) item.dataset.id = String(line.id);
    const who = sender === 'shopper' ? 'Shopper' : sender === 'staff' ? (line.name || 'Staff') : 'Assistant';
    item.append(make('span', 'line-who', who), make('span', 'line-text', line.text));
    const at = new Date(line.at);
    if (!isNaN(at)) {
      const time = make('time', 'line-at', at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }));
      time.dateTime = at.toISOString();
      item.append(time);
    }
    $('handoff-lines').append(item);
    if (live) $('handoff-log').scrollTop = $('handoff-log').scrollHeight;
  }

  function transcriptLine(sender, text) {
    const item = make('li', `transcript-line from-${sender}`);
    item.append(make('span', 'line-who', sender === 'shopper' ? 'Shopper' : 'Assistant'), make('span', 'line-text', text));
    return item;
  }

  /** The conversation with the assistant before the person: turns answered while the handoff was open are its lines. */
  function drawTranscript(handoff, turns) {
    const list = $('handoff-transcript');
    list.textContent = '';
    const answered = turns.filter((turn) => turn && typeof turn.text === 'string' && turn.reply);
    // The turn that brought the person in is the handoff's first line (its words, up to 500 characters, are
    // the summary); the assistant's answer to it only said a person was coming.
    let opening = -1;
    answered.forEach((turn, index) => { if (turn.text.slice(0, 500) === handoff.summary) opening = index; });
    answered.forEach((turn, index) => {
      if (index === opening) return;
      list.append(transcriptLine('shopper', turn.text), transcriptLine('assistant', turn.reply));
    });
    list.hidden = list.childElementCount === 0;
  }

  /** What the assistant had picked out of the shopper's words ("size: 42"), less the order number shown already. */
  function entities(text, orderNumber) {
    try {
      const found = JSON.parse(text || '[]');
      if (!Array.isArray(found)) return '';
      return found.filter((entity) => entity && entity.type && entity.text && entity.text !== orderNumber)
        .map((entity) => `${String(entity.type).replace(/_/g, ' ')}: ${entity.text}`).slice(0, 6).join(', ');
    } catch (_) {
      return '';
    }
  }

  /** Heading, details and the buttons that fit the chat's status. */
  function drawControls(handoff) {
    $('handoff-heading').textContent = `${REASONS[handoff.reason] || handoff.reason}: ${String(handoff.summary || '').slice(0, 80)}`;
    const since = new Date(handoff.createdAt);
    $('handoff-meta').textContent = [
      isNaN(since) ? '' : `Since ${since.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`,
      handoff.orderNumber ? `order ${handoff.orderNumber}` : '', handoff.email || '', handoff.ticket ? `ticket ${handoff.ticket}` : '',
      entities(handoff.entities, handoff.orderNumber) ? `found ${entities(handoff.entities, handoff.orderNumber)}` : '',
    ].filter(Boolean).join(' · ');
    $('handoff-claim').hidden = handoff.status !== 'queued';
    $('handoff-claim').disabled = false;
    $('handoff-form').hidden = handoff.status !== 'live';
    if (handoff.status !== 'live') hideTyping();
  }

  function statusNote(handoff) {
    switch (handoff.status) {
      case 'queued': return `Waiting ${waited(handoff.createdAt)}. Claim it to chat with the shopper.`;
      case 'live': return `${handoff.agent || 'Someone'} is chatting with the shopper.`;
      case 'awaiting_email': return `Nobody claimed it in time: it is ticket ${handoff.ticket || ''}, and the assistant is asking the shopper for an email.`;
      default: return 'This chat has ended; the assistant is back with the shopper.';
    }
  }

  /**
   * Opens handoff `id` on the right: its transcript and lines from REST. `fresh` clears the reply box;
   * `problem` is said, as an error, instead of the chat's status.
   */
  async function show(id, fresh, problemText) {
    if (fresh) {
      $('handoff-text').value = '';
      pendingSend = null;
      note('Loading…');
    }
    current = queue.get(id) || (current && current.id === id ? current : { id });
    unread.delete(id);
    $('handoff-view').hidden = false;
    drawQueue();
    try {
      const { status, body } = await request(`${base()}/${encodeURIComponent(id)}`);
      if (!owner || !current || current.id !== id) return;
      if (status !== 200 || !body || !body.handoff) { note(problem(status, body), true); return; }
      current = body.handoff;
      if (current.status === 'closed') queue.delete(id); else queue.set(id, current);
      drawTranscript(current, Array.isArray(body.transcript) ? body.transcript : []);
      seen = new Set();
      $('handoff-lines').textContent = '';
      for (const line of Array.isArray(body.messages) ? body.messages : []) addLine(line, false);
      drawControls(current);
      note(problemText || statusNote(current), Boolean(problemText));
      drawQueue();
      $('handoff-log').scrollTop = $('handoff-log').scrollHeight;
    } catch (_) {
      if (current && current.id === id) note('The chat could not be loaded just now.', true);
    }
  }

  /** A handoff changed (from a push or our own request): the queue and, if it is open, the view follow. */
  function changed(handoff, event) {
    if (!handoff || !handoff.id) return;
    if (handoff.status === 'closed') queue.delete(handoff.id); else queue.set(handoff.id, handoff);
    if (event === 'opened') unread.add(handoff.id);
    if (current && current.id === handoff.id) {
      const was = current.status;
      current = handoff;
      drawControls(handoff);
      if (was !== handoff.status || event) note(statusNote(handoff));
    }
    drawQueue();
  }

  async function claim() {
    if (!current) return;
    const id = current.id;
    $('handoff-claim').disabled = true;
    note('Claiming…');
    try {
      const { status, body } = await request(`${base()}/${encodeURIComponent(id)}/claim`, { method: 'POST' });
      if (!current || current.id !== id) return;
      if (status === 200 && body && body.handoff) {
        changed(body.handoff);
        note(`You're chatting with the shopper, who sees you as ${body.handoff.agent || 'our team'}.`);
        $('handoff-text').focus();
        return;
      }
      note(problem(status, body), true);
      // Someone else was first, or it was given up: show what it is now.
      if (status === 409) await show(id, false, problem(status, body));
    } catch (_) {
      note('The server could not be reached. Try again.', true);
    }
    $('handoff-claim').disabled = false;
  }

  async function send(event) {
    event.preventDefault();
    if (!current) return;
    const id = current.id;
    const text = $('handoff-text').value.trim();
    if (!text) { $('handoff-text').focus(); return; }
    // The same words again after a failure keep their key: a send that did reach the server is not repeated.
    if (!pendingSend || pendingSend.text !== text || pendingSend.id !== id) pendingSend = { id, text, key: key() };
    $('handoff-send').disabled = true;
    try {
      const { status, body } = await request(`${base()}/${encodeURIComponent(id)}/messages`, {
        method: 'POST', body: JSON.stringify({ text }), headers: { 'Idempotency-Key': pendingSend.key },
      });
      if (status === 200 || status === 201) {
        pendingSend = null;
        if (current && current.id === id) {
          if ($('handoff-text').value.trim() === text) $('handoff-text').value = '';
          if (body && body.message) addLine(body.message, true);
          note(statusNote(current));
        }
      } else {
        note(problem(status, body), true);
        if (status === 409) show(id, false, problem(status, body));
      }
    } catch (_) {
      note('Not sent: the server could not be reached. Send again to retry.', true);
    }
    $('handoff-send').disabled = false;
  }

  async function suggest() {
    if (!current) return;
    const id = current.id;
    $('handoff-suggest').disabled = true;
    note('Asking the assistant…');
    try {
      const { status, body } = await request(`${base()}/${encodeURIComponent(id)}/suggest`, { method: 'POST' });
      if (current && current.id === id) {
        if (status === 200 && body && typeof body.text === 'string') {
          // Only ever a draft: the person reads and edits it, and sends it themselves.
          $('handoff-text').value = body.text;
          $('handoff-text').focus();
          note("The assistant's suggestion is in the box: edit it, then send it.");
        } else {
          note(problem(status, body), true);
        }
      }
    } catch (_) {
      note('The server could not be reached. Try again.', true);
    }
    $('handoff-suggest').disabled = false;
  }

  async function end() {
    if (!current) return;
    const id = current.id;
    $('handoff-end').disabled = true;
    try {
      const { status, body } = await request(`${base()}/${encodeURIComponent(id)}/end`, { method: 'POST' });
      if (status === 200 && body && body.handoff) changed(body.handoff, 'closed');
      else if (current && current.id === id) note(problem(status, body), true);
    } catch (_) {
      note('The server could not be reached. Try again.', true);
    }
    $('handoff-end').disabled = false;
  }

  function typing() {
    if (!current || current.status !== 'live' || !$('handoff-text').value.trim()) return;
    const now = Date.now();
    if (now - typedAt < TYPING_EVERY) return;
    typedAt = now;
    request(`${base()}/${encodeURIComponent(current.id)}/typing`, { method: 'POST' }).catch(() => { /* only a hint */ });
  }

  function hideTyping() {
    clearTimeout(typingTimer);
    $('handoff-typing').hidden = true;
  }

  // ------------------------------------------------------------------ pushes from the chat socket

  function onQueue(event) {
    const frame = event.detail || {};
    changed(frame.handoff, frame.event);
  }

  function onLine(event) {
    const frame = event.detail || {};
    if (current && current.id === frame.handoff) {
      addLine(frame, true);
      if (frame.sender === 'shopper') hideTyping();
    } else if (frame.sender === 'shopper' && queue.has(frame.handoff)) {
      unread.add(frame.handoff);
      drawQueue();
    }
  }

  function onTyping(event) {
    const frame = event.detail || {};
    if (frame.who !== 'shopper' || !current || current.id !== frame.handoff || current.status === 'closed') return;
    $('handoff-typing').hidden = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(hideTyping, TYPING_SHOWN);
  }

  function onAuth(event) {
    // After every (re)connection: pushes may have been missed while the socket was down.
    if (event.detail && event.detail.ok) loadQueue();
  }

  // ------------------------------------------------------------------ settings (the owner's)

  function drawDays() {
    const box = $('handoff-days');
    if (box.querySelector('input')) return;
    DAYS.forEach((name, index) => {
      const label = make('label', 'day');
      const check = document.createElement('input');
      check.type = 'checkbox';
      check.name = 'day';
      check.value = String(index + 1);
      label.append(check, document.createTextNode(` ${name}`));
      box.append(label);
    });
  }

  function settingsNote(text, bad) {
    $('handoff-settings-status').textContent = text;
    $('handoff-settings-status').classList.toggle('error', Boolean(bad));
  }

  function fillSettings(settings) {
    const days = new Set(settings.days || []);
    for (const box of $('handoff-days').querySelectorAll('input')) box.checked = days.has(Number(box.value));
    $('handoff-open').value = settings.openHour;
    $('handoff-close').value = settings.closeHour;
    $('handoff-offset').value = settings.utcOffsetMinutes;
    $('handoff-claim-minutes').value = settings.claimMinutes;
    $('handoff-categories').value = (settings.personCategories || []).join(', ');
    $('handoff-floor').value = settings.confidenceFloor;
  }

  async function loadSettings() {
    try {
      const { status, body } = await request(`${base()}/settings`);
      if (status !== 200 || !body) throw new Error(String(status));
      fillSettings(body);
      settingsNote('');
    } catch (_) {
      settingsNote('The settings could not be loaded just now.', true);
    }
  }

  async function saveSettings(event) {
    event.preventDefault();
    const number = (id) => (($(id).value || '').trim() === '' ? NaN : Number($(id).value));
    const settings = {
      days: Array.from($('handoff-days').querySelectorAll('input:checked')).map((box) => Number(box.value)),
      openHour: number('handoff-open'), closeHour: number('handoff-close'), utcOffsetMinutes: number('handoff-offset'),
      claimMinutes: number('handoff-claim-minutes'), confidenceFloor: number('handoff-floor'),
      personCategories: $('handoff-categories').value.split(/[\s,]+/).map((word) => word.trim()).filter(Boolean),
    };
    // An empty number field is left out, so the server keeps its value instead of refusing `null`.
    for (const [name, value] of Object.entries(settings)) if (typeof value === 'number' && isNaN(value)) delete settings[name];
    settingsNote('Saving…');
    try {
      const { status, body } = await request(`${base()}/settings`, { method: 'PUT', body: JSON.stringify(settings) });
      if (status === 200 && body) { fillSettings(body); settingsNote('Saved.'); } else settingsNote(problem(status, body), true);
    } catch (_) {
      settingsNote('The server could not be reached. Try again.', true);
    }
  }

  // ------------------------------------------------------------------ wiring

  let wired = false;
  function wire() {
    if (wired) return;
    wired = true;
    $('handoff-queue').addEventListener('click', (event) => {
      const item = event.target.closest('.handoff-item');
      if (item && owner) show(Number(item.dataset.id), !current || current.id !== Number(item.dataset.id));
    });
    $('handoff-claim').addEventListener('click', claim);
    $('handoff-form').addEventListener('submit', send);
    $('handoff-suggest').addEventListener('click', suggest);
    $('handoff-end').addEventListener('click', end);
    $('handoff-text').addEventListener('input', typing);
    $('handoff-text').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) { event.preventDefault(); $('handoff-form').requestSubmit(); }
    });
    $('handoff-settings').addEventListener('toggle', () => { if ($('handoff-settings').open && owner) loadSettings(); });
    $('handoff-settings-form').addEventListener('submit', saveSettings);
  }

  window.ShopTalkHandoffs = {
    /**
     * Shows the panel for `signedIn` ({store, token, role}), fed by the pushes of `chat` (the console's
     * <shoptalk-chat>); `refused` runs when the server refuses the token.
     */
    mount(signedIn, chat, refused) {
      owner = signedIn;
      onRefused = refused || (() => {});
      wire();
      drawDays();
      $('handoff-settings').hidden = signedIn.role === 'staff';
      chat.addEventListener('shoptalk:handoff_queue', onQueue);
      chat.addEventListener('shoptalk:handoff_message', onLine);
      chat.addEventListener('shoptalk:handoff_typing', onTyping);
      chat.addEventListener('shoptalk:auth', onAuth);
      clearInterval(tick);
      tick = setInterval(() => { if (owner) drawQueue(); }, TICK);
      loadQueue();
    },
    unmount() {
      owner = null;
      current = null;
      pendingSend = null;
      queue.clear();
      unread.clear();
      seen = new Set();
      clearInterval(tick);
      hideTyping();
      for (const id of ['handoff-queue', 'handoff-transcript', 'handoff-lines', 'handoff-note', 'handoff-settings-status']) $(id).textContent = '';
      $('handoff-text').value = '';
      $('handoff-view').hidden = true;
      $('handoff-settings').open = false;
      $('handoff-empty').textContent = EMPTY;
      drawQueue();
    },
  };
})();
