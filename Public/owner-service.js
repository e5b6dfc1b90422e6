// The owner console's service panel: act on an order (cancel, change the delivery address, start a
// return) and see the loyalty points (outstanding, top holders, the weekly bonus). Text is set with
// textContent; the REST routes are /api/stores/{store}/orders/{number}/… and /api/stores/{store}/loyalty/….
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let owner = null;
  let onRefused = () => {};

  const store = () => `/api/stores/${encodeURIComponent(owner.store)}`;

  async function request(path, options = {}) {
    const headers = { Authorization: `Bearer ${owner.token}`, ...(options.headers || {}) };
    if (options.body) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { ...options, headers, cache: 'no-store' });
    let body = null;
    try { body = await response.json(); } catch (_) { /* not JSON */ }
    if (response.status === 401 || response.status === 403) onRefused();
    return { status: response.status, body };
  }

  function key() {
    return (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  }

  function fieldLabel() {
    const action = $('order-action').value;
    $('order-extra-row').hidden = action === 'cancel';
    $('order-extra-label').textContent = action === 'address' ? 'New delivery address' : 'Reason for the return';
  }

  async function act(event) {
    event.preventDefault();
    const number = $('order-number').value.trim();
    const action = $('order-action').value;
    const extra = $('order-extra').value.trim();
    const out = $('order-result');
    if (!/^[A-Za-z0-9-]{3,40}$/.test(number)) { out.textContent = 'Type an order number, like ORD-20260315-0005.'; out.classList.add('error'); return; }
    const body = action === 'address' ? { address: extra } : action === 'return' ? { reason: extra || 'returned through the shop' } : null;
    const path = `${store()}/orders/${encodeURIComponent(number)}/${action === 'return' ? 'returns' : action}`;
    out.textContent = '…';
    // One key per click: a retried request is answered without acting twice.
    const { status, body: reply } = await request(path, { method: 'POST', body: body ? JSON.stringify(body) : undefined, headers: { 'Idempotency-Key': key() } });
    const ok = status === 200 || status === 201;
    out.classList.toggle('error', !ok);
    if (!ok) { out.textContent = (reply && reply.error && reply.error.message) || `Refused (${status}).`; return; }
    const order = reply.order || {};
    const done = { cancel: 'Cancelled', address: `Delivering to ${order.deliveryAddress || extra}`, return: `Return ${reply.returnNumber || ''} started` }[action];
    out.textContent = `${done}: ${order.number} is ${order.status}.`;
    loadPoints();
  }

  async function loadPoints() {
    const [outstanding, top] = await Promise.all([request(`${store()}/loyalty/outstanding`), request(`${store()}/loyalty/top?limit=5`)]);
    if (outstanding.status !== 200 || top.status !== 200) { $('points-total').textContent = 'Points could not be loaded just now.'; return; }
    const total = outstanding.body;
    $('points-total').textContent = `${total.points.toLocaleString()} points outstanding, held by ${total.customers} customers (worth ${total.value.toFixed(2)}).`;
    const list = $('points-top');
    list.textContent = '';
    for (const holder of top.body.holders || []) {
      const item = document.createElement('li');
      item.textContent = `${holder.name ? `${holder.name} · ` : ''}${holder.email}: ${holder.points.toLocaleString()}`;
      list.append(item);
    }
  }

  async function payBonus() {
    const { status, body } = await request(`${store()}/loyalty/bonus`, { method: 'POST' });
    $('bonus-result').textContent = status === 200
      ? (body.paid > 0 ? `Paid the bonus for the week of ${body.week} to ${body.paid} customers.` : `The week of ${body.week} was already paid.`)
      : `Refused (${status}).`;
    loadPoints();
  }

  let wired = false;
  window.ShopTalkService = {
    /** Shows the panel for `signedIn` ({store, token}); `refused` runs when the server refuses the token. */
    mount(signedIn, refused) {
      owner = signedIn;
      onRefused = refused || (() => {});
      if (!wired) {
        $('order-form').addEventListener('submit', act);
        $('order-action').addEventListener('change', fieldLabel);
        $('bonus-run').addEventListener('click', payBonus);
        wired = true;
      }
      fieldLabel();
      loadPoints();
    },
    unmount() {
      owner = null;
      for (const id of ['order-result', 'points-total', 'points-top', 'bonus-result']) $(id).textContent = '';
    },
  };
})();
