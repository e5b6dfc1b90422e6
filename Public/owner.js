// The owner console: token sign-in (kept in sessionStorage, never in a URL), a large chat whose answers
// show as charts and tables, a live alert feed and the AI-credit balance. Text is set with textContent.
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

  async function refreshCredits() {
    const owner = saved();
    if (!owner) return;
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

  function addAlert(frame) {
    $('no-alerts').hidden = true;
    const entry = document.createElement('li');
    entry.className = String(frame.kind || 'alert');
    const when = document.createElement('time');
    const at = frame.at ? new Date(frame.at) : new Date();
    when.dateTime = at.toISOString();
    when.textContent = at.toLocaleString();
    const text = document.createElement('span');
    text.textContent = frame.message || String(frame.kind || 'alert');
    entry.append(when, text);
    $('alerts').prepend(entry);
    while ($('alerts').children.length > 50) $('alerts').lastChild.remove();
    if (String(frame.kind || '').startsWith('credits')) refreshCredits();
  }

  async function showConsole(owner) {
    await customElements.whenDefined('shoptalk-chat');
    $('login').hidden = true;
    $('console').hidden = false;
    $('signout').hidden = false;
    $('who').hidden = false;
    $('who').textContent = `Signed in to ${owner.store}`;
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
    refreshCredits();
    refreshTimer = setInterval(refreshCredits, 30000);
  }

  function signOut(message) {
    sessionStorage.removeItem(KEY);
    clearInterval(refreshTimer);
    if (chat) { chat.remove(); chat = null; }
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
    if (!store || !token) { $('login-error').textContent = 'Enter the store and its owner token.'; return; }
    $('login-error').textContent = 'Checking…';
    try {
      const { status, body } = await api(`/api/stores/${encodeURIComponent(store)}/credits`, token);
      if (status !== 200) {
        $('login-error').textContent = (body && body.error && body.error.message) || `Sign-in failed (${status}).`;
        return;
      }
    } catch (_) {
      $('login-error').textContent = 'The server could not be reached.';
      return;
    }
    $('login-error').textContent = '';
    const owner = { store, token };
    sessionStorage.setItem(KEY, JSON.stringify(owner));
    $('token').value = '';
    showConsole(owner);
  });
  $('signout').addEventListener('click', () => signOut(''));

  const owner = saved();
  if (owner) showConsole(owner);
  else $('token').focus();
})();
