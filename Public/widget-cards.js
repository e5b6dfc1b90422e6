/*
 * ShopTalk widget cards: products, deals, an order and a ticket, added to <shoptalk-chat>. Loaded by
 * widget.js after widget-chat.js. All text is set with textContent.
 */
(() => {
  'use strict';

  const { el, money, number, day, words, safeImage } = window.ShopTalkKit;
  const ShopTalkChat = customElements.get('shoptalk-chat');
  if (!ShopTalkChat) return;

  Object.assign(ShopTalkChat.prototype, {
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
    },

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
    },

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
    },

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
      if (order.deliveryAddress) card.append(el('p', 'meta', `Delivering to ${order.deliveryAddress}`));
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
    },

    renderTicket(ticket) {
      const card = el('div', 'card ticket');
      const top = el('p', 'top');
      top.append(el('span', 'number', ticket.reference), el('span', 'badge', words(ticket.status || 'open')));
      card.append(top);
      card.append(el('p', 'meta', [words(ticket.category), ticket.orderNumber].filter(Boolean).join(' · ')));
      return card;
    },
  });
})();
