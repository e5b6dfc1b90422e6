// The demo storefront's own script: lists a few products of the demo store from the public REST API.
// Catalog text is set with textContent only.
(() => {
  'use strict';
  const store = 'demo';
  const list = document.getElementById('products');
  const nav = document.getElementById('nav');
  const money = (value) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(value);
  const categories = ['headphones', 'phones', 'laptops', 'shoes', 'smartwatches'];

  function item(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function show(products) {
    list.textContent = '';
    for (const product of products) {
      const card = item('li', 'product');
      const picture = item('div', 'picture', product.brand.charAt(0));
      picture.setAttribute('aria-hidden', 'true');
      card.append(picture, item('h3', null, product.name), item('p', 'muted', `${product.brand} · ${product.category}`));
      const price = item('p', 'price', money(product.price));
      if (product.originalPrice) price.append(' ', item('s', 'muted', money(product.originalPrice)));
      card.append(price);
      list.append(card);
    }
  }

  async function load(category) {
    const query = new URLSearchParams({ limit: '8' });
    if (category) query.set('category', category);
    try {
      const response = await fetch(`/api/stores/${store}/products?${query}`);
      if (!response.ok) throw new Error(String(response.status));
      const page = await response.json();
      show(page.products);
      document.getElementById('count').textContent = `${page.total} products${category ? ` in ${category}` : ''}`;
      document.getElementById('problem').hidden = true;
    } catch (_) {
      document.getElementById('problem').hidden = false;
    }
  }

  for (const category of categories) {
    const entry = item('li');
    const link = item('a', null, category);
    link.href = `#${category}`;
    link.addEventListener('click', (event) => { event.preventDefault(); load(category); });
    entry.append(link);
    nav.append(entry);
  }
  load(null);
})();
