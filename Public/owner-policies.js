// The owner console's policies panel: the shop's policy sections (what the assistant quotes to shoppers),
// an editor for one section at a time, and a box to try a shopper's question against them. Text is set
// with textContent; the REST routes are /api/stores/{store}/policies.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let owner = null;
  let onRefused = () => {};

  const base = () => `/api/stores/${encodeURIComponent(owner.store)}/policies`;

  async function request(path, options = {}) {
    const headers = { Authorization: `Bearer ${owner.token}`, ...(options.body ? { 'Content-Type': 'application/json' } : {}) };
    const response = await fetch(path, { ...options, headers, cache: 'no-store' });
    let body = null;
    try { body = await response.json(); } catch (_) { /* 204 or not JSON */ }
    if (response.status === 401 || response.status === 403) onRefused();
    return { status: response.status, body };
  }

  function say(text, bad) {
    $('policy-status').textContent = text;
    $('policy-status').classList.toggle('error', Boolean(bad));
  }

  function slugFrom(title) {
    return title.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  }

  async function load() {
    const list = $('policy-list');
    try {
      const { status, body } = await request(base());
      if (status !== 200 || !body || !Array.isArray(body.policies)) throw new Error(String(status));
      list.textContent = '';
      for (const section of body.policies) list.append(item(section));
      $('no-policies').hidden = body.policies.length > 0;
    } catch (_) {
      say('The policies could not be loaded just now.', true);
    }
  }

  function item(section) {
    const entry = document.createElement('li');
    const name = document.createElement('button');
    name.type = 'button';
    name.className = 'link';
    name.textContent = section.title;
    name.title = `Edit ${section.title}`;
    name.addEventListener('click', () => edit(section));
    const slug = Object.assign(document.createElement('code'), { textContent: section.slug });
    entry.append(name, ' ', slug);
    return entry;
  }

  function edit(section) {
    $('policy-form').hidden = false;
    $('policy-slug').value = section ? section.slug : '';
    $('policy-slug').readOnly = Boolean(section);
    $('policy-title').value = section ? section.title : '';
    $('policy-body').value = section ? section.body : '';
    $('policy-delete').hidden = !section;
    say('');
    $('policy-title').focus();
  }

  async function save(event) {
    event.preventDefault();
    const title = $('policy-title').value.trim();
    const slug = $('policy-slug').value.trim() || slugFrom(title);
    const body = $('policy-body').value;
    if (!title || !body.trim()) { say('A section needs a title and some text.', true); return; }
    say('Saving…');
    const { status, body: answer } = await request(`${base()}/${encodeURIComponent(slug)}`, {
      method: 'PUT', body: JSON.stringify({ title, body }),
    });
    if (status === 200 || status === 201) {
      say(status === 201 ? `Added "${title}". Shoppers get it from their next question.` : `Saved "${title}".`);
      $('policy-form').hidden = true;
      load();
    } else {
      const fields = answer && answer.error && answer.error.fields;
      const detail = fields ? Object.entries(fields).map(([field, why]) => `${field} ${why}`).join('; ') : '';
      say((answer && answer.error && answer.error.message ? answer.error.message : `Not saved (${status}).`) + (detail ? ` ${detail}` : ''), true);
    }
  }

  async function remove() {
    const slug = $('policy-slug').value;
    if (!slug || !window.confirm(`Delete the section "${$('policy-title').value}"? Shoppers will no longer get answers from it.`)) return;
    const { status } = await request(`${base()}/${encodeURIComponent(slug)}`, { method: 'DELETE' });
    if (status === 204 || status === 404) {
      say('Deleted.');
      $('policy-form').hidden = true;
      load();
    } else {
      say(`Not deleted (${status}).`, true);
    }
  }

  async function tryQuestion(event) {
    event.preventDefault();
    const question = $('policy-question').value.trim();
    if (!question) return;
    $('policy-answer').textContent = '…';
    const { status, body } = await request(`${base()}/search?q=${encodeURIComponent(question)}`);
    if (status !== 200 || !body) { $('policy-answer').textContent = `No answer (${status}).`; return; }
    const found = (body.matches || []).map((match) => `${match.title} (${match.score})`).join(', ');
    $('policy-answer').textContent = `${body.reply}${found ? `\n\nMatched: ${found}` : ''}`;
  }

  function wire() {
    $('policy-new').addEventListener('click', () => edit(null));
    $('policy-form').addEventListener('submit', save);
    $('policy-cancel').addEventListener('click', () => { $('policy-form').hidden = true; say(''); });
    $('policy-delete').addEventListener('click', remove);
    $('policy-try').addEventListener('submit', tryQuestion);
  }

  let wired = false;
  window.ShopTalkPolicies = {
    /** Shows the panel for `signedIn` ({store, token}); `refused` runs when the server refuses the token. */
    mount(signedIn, refused) {
      owner = signedIn;
      onRefused = refused || (() => {});
      if (!wired) { wire(); wired = true; }
      $('policy-form').hidden = true;
      load();
    },
    unmount() {
      owner = null;
      $('policy-list').textContent = '';
      $('policy-answer').textContent = '';
    },
  };
})();
