// The owner console: token sign-in (kept in sessionStorage, never in a URL), a large chat whose answers
// show as charts and tables with how each was computed, insight shortcuts, an alert inbox with its
// history and resolve buttons, the AI-credit balance, and the Live chats panel (owner-handoffs.js). A
// staff token sees the Live chats panel only: the other panels are hidden and never loaded, since their
// routes refuse it (and a refusal signs the console out). Text is set with textContent.
(() => {
  'use strict';
  const KEY = 'shoptalk:owner';
  const $ = (id) => document.getElementById(id);
  let chat = null;
  let refreshTimer = null;

  function saved() {
    try { return JSON.parse(sessionStorage.getItem(KEY) || 'null'); } catch (_) { return null; }
  }

  async function api(path, token) {
    const response = await fetch(path, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
    let body = null;
    try { body = await response.json(); } catch (_) { /* an empty or non-JSON body */ }
    return { status: response.status, body };
  }

  const isStaff = (owner) => Boolean(owner && owner.role === 'staff');

  async function refreshCredits() {
    const owner = saved();
    if (!owner || isStaff(owner)) return;
    try {
      const { status, body } = await api(`/api/stores/${encodeURIComponent(owner.store)}/credits`, owner.token);
      if (status === 401 || status === 403) return signOut('Your token is no longer valid. Please sign in again.');
      if (status !== 200 || !body) throw new Error(String(status));
      const balance = Number(body.balance) || 0;
      $('balance').textContent = `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(balance)} credits`;
      const last = (body.recent || []).find((entry) => entry.kind === 'charge');
      const spent = last ? `Last charge: ${last.credits} for ${String(last.feature || 'AI').replace(/_/g, ' ')}.` : 'No AI charges yet.';
      // A bare "0" explains nothing: say what it means and how to change it.
      $('credits-note').textContent = balance > 0 ? spent
        : `AI features (written descriptions, free-form answers) are off until you add credits: shoptalk credits grant --store ${owner.store} --credits 100. ${spent}`;
    } catch (_) {
      $('credits-note').textContent = 'The balance could not be loaded just now.';
    }
  }

  function countOpen() {
    const open = document.querySelectorAll('#alerts li.open').length;
    $('open-alerts').hidden = open === 0;
    $('open-alerts').textContent = `${open} open`;
  }

  async function resolveAlert(id, entry) {
    const owner = saved();
    if (!owner) return;
    const response = await fetch(`/api/stores/${encodeURIComponent(owner.store)}/alerts/${encodeURIComponent(id)}/resolve`, {
      method: 'POST', headers: { Authorization: `Bearer ${owner.token}` },
    });
    if (response.status === 200 || response.status === 404) markResolved(entry);
  }

  function markResolved(entry) {
    entry.classList.remove('open');
    entry.classList.add('resolved');
    const button = entry.querySelector('button');
    if (button) button.replaceWith(Object.assign(document.createElement('span'), { className: 'state', textContent: 'resolved' }));
    countOpen();
  }

  /** One alert: when, what, how it was sent, and a Resolve button while it is open. */
  function alertItem(alert, live) {
    const entry = document.createElement('li');
    entry.className = `${String(alert.kind || 'alert')} ${alert.resolvedAt ? 'resolved' : 'open'}`;
    if (alert.id) entry.dataset.id = String(alert.id);
    const when = document.createElement('time');
    const at = alert.at || alert.createdAt ? new Date(alert.at || alert.createdAt) : new Date();
    when.dateTime = at.toISOString();
    when.textContent = at.toLocaleString();
    const text = document.createElement('span');
    text.textContent = alert.message || String(alert.kind || 'alert');
    entry.append(when, text);
    if (Array.isArray(alert.deliveries) && alert.deliveries.length) {
      entry.append(Object.assign(document.createElement('small'), { className: 'sent', textContent: alert.deliveries.join(' · ') }));
    }
    if (alert.id && !alert.resolvedAt) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'resolve';
      button.textContent = 'Resolve';
      button.setAttribute('aria-label', `Resolve: ${text.textContent}`);
      button.addEventListener('click', () => resolveAlert(alert.id, entry));
      entry.append(button);
    } else if (alert.resolvedAt) {
      entry.append(Object.assign(document.createElement('span'), { className: 'state', textContent: 'resolved' }));
    }
    if (live) entry.classList.add('new');
    return entry;
  }

  function addAlert(frame) {
    $('no-alerts').hidden = true;
    const alert = { ...frame, id: frame.alertId };
    if (alert.id && document.querySelector(`#alerts li[data-id="${CSS.escape(String(alert.id))}"]`)) return;
    $('alerts').prepend(alertItem(alert, true));
    while ($('alerts').children.length > 100) $('alerts').lastChild.remove();
    countOpen();
    if (String(frame.kind || '').startsWith('credits')) refreshCredits();
  }

  /** The alert history, so that tickets and low stock from before this sign-in are there too. */
  async function loadAlerts() {
    const owner = saved();
    if (!owner || isStaff(owner)) return;
    try {
      const { status, body } = await api(`/api/stores/${encodeURIComponent(owner.store)}/alerts?status=all&limit=100`, owner.token);
      if (status !== 200 || !body || !Array.isArray(body.alerts)) return;
      for (const alert of body.alerts.slice().reverse()) {
        if (!document.querySelector(`#alerts li[data-id="${CSS.escape(String(alert.id))}"]`)) $('alerts').prepend(alertItem(alert, false));
      }
      $('no-alerts').hidden = $('alerts').children.length > 0;
      countOpen();
    } catch (_) { /* the live feed still works */ }
  }

  async function showConsole(owner) {
    await customElements.whenDefined('shoptalk-chat');
    $('login').hidden = true;
    $('console').hidden = false;
    $('signout').hidden = false;
    $('who').hidden = false;
    $('who').textContent = isStaff(owner) ? `Signed in to ${owner.store}: live chats` : `Signed in to ${owner.store}`;
    // The chat stays in the page for a staff member too, hidden: its socket brings the live-chat pushes.
    $('chat-slot').hidden = isStaff(owner);
    document.querySelector('#console .side').hidden = isStaff(owner);
    $('console').classList.toggle('staff', isStaff(owner));
    chat = document.createElement('shoptalk-chat');
    chat.className = 'chat-widget';
    chat.setAttribute('store', owner.store);
    chat.setAttribute('mode', 'inline');
    chat.setAttribute('storage', 'session');
    chat.setAttribute('heading', 'Ask about your sales');
    chat.setAttribute('placeholder', 'Ask about your sales: "top 10 products this year"');
    chat.ownerToken = owner.token;
    chat.style.height = '100%';
    chat.addEventListener('shoptalk:alert', (event) => addAlert(event.detail));
    chat.addEventListener('shoptalk:reply', () => refreshCredits());
    chat.addEventListener('shoptalk:auth', (event) => {
      if (!event.detail.ok) signOut('The server refused this token. Please sign in again.');
    });
    $('chat-slot').append(chat);
    const refused = () => signOut('Your token is no longer valid. Please sign in again.');
    if (window.ShopTalkHandoffs) window.ShopTalkHandoffs.mount(owner, chat, refused);
    if (isStaff(owner)) return;
    refreshCredits();
    loadAlerts();
    if (window.ShopTalkPolicies) window.ShopTalkPolicies.mount(owner, refused);
    if (window.ShopTalkService) window.ShopTalkService.mount(owner, refused);
    refreshTimer = setInterval(refreshCredits, 30000);
  }

  function signOut(message) {
    sessionStorage.removeItem(KEY);
    clearInterval(refreshTimer);
    if (chat) { chat.remove(); chat = null; }
    if (window.ShopTalkPolicies) window.ShopTalkPolicies.unmount();
    if (window.ShopTalkService) window.ShopTalkService.unmount();
    if (window.ShopTalkHandoffs) window.ShopTalkHandoffs.unmount();
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('shoptalk:')) sessionStorage.removeItem(key);
    $('console').hidden = true;
    $('signout').hidden = true;
    $('who').hidden = true;
    $('login').hidden = false;
    $('alerts').textContent = '';
    $('no-alerts').hidden = false;
    $('login-error').textContent = message || '';
    $('token').value = '';
    $('token').focus();
  }

  $('login').addEventListener('submit', async (event) => {
    event.preventDefault();
    const store = $('store').value.trim();
    const token = $('token').value.trim();
    if (!store || !token) { $('login-error').textContent = 'Enter the store and its owner or staff token.'; return; }
    $('login-error').textContent = 'Checking…';
    let role = 'owner';
    try {
      const { status, body } = await api(`/api/stores/${encodeURIComponent(store)}/credits`, token);
      // The credits are the owner's alone: a token they refuse may still be a staff member's.
      const staff = status === 401 || status === 403 ? await api(`/api/stores/${encodeURIComponent(store)}/handoffs`, token) : null;
      if (staff && staff.status === 200) {
        role = 'staff';
      } else if (status !== 200) {
        $('login-error').textContent = (body && body.error && body.error.message) || `Sign-in failed (${status}).`;
        return;
      }
    } catch (_) {
      $('login-error').textContent = 'The server could not be reached.';
      return;
    }
    $('login-error').textContent = '';
    const owner = { store, token, role };
    sessionStorage.setItem(KEY, JSON.stringify(owner));
    $('token').value = '';
    showConsole(owner);
  });
  $('signout').addEventListener('click', () => signOut(''));
  $('insights').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-ask]');
    if (button && chat && typeof chat.say === 'function') chat.say(button.dataset.ask);
  });

  const owner = saved();
  if (owner) showConsole(owner);
  else $('token').focus();
})();
