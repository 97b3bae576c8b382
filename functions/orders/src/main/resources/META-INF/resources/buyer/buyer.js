// The buyer page: the link's secret is the URL fragment (never sent to a server or in a Referer); it goes to the
// API in the X-Buyer-Token header. Everything shown is set as text, never as HTML.
(function () {
  const token = decodeURIComponent(location.hash.slice(1));
  const seller = new URLSearchParams(location.search).get('seller');
  const $ = (id) => document.getElementById(id);
  let before = null;

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function money(v) { return Number(v).toFixed(2); }

  function day(instant) { return instant ? new Date(instant).toLocaleDateString() : ''; }

  function render(order) {
    const box = el('article');
    box.append(el('h2', 'Order ' + order.number));
    const steps = [['Ordered', order.orderedAt], ['Shipped', order.shippedAt], ['Delivered', order.deliveredAt],
      ['Cancelled', order.cancelledAt]].filter((s) => s[1]).map((s) => s[0] + ' ' + day(s[1]));
    box.append(el('p', order.status + ' · ' + order.paymentStatus.replace('_', ' ') + ' · ' + steps.join(' → '), 'status'));
    const table = el('table');
    const head = el('tr');
    ['Item', 'Qty', 'Price', 'Total'].forEach((h, i) => head.append(el('th', h, i ? 'n' : '')));
    table.append(head);
    order.lines.forEach((l) => {
      const row = el('tr');
      row.append(el('td', l.description), el('td', l.quantity, 'n'), el('td', money(l.unitPrice), 'n'),
        el('td', money(l.lineTotal), 'n'));
      table.append(row);
    });
    box.append(table);
    box.append(el('p', 'Shipping ' + money(order.shippingFee) + ' · Total ' + money(order.total) + ' · Paid '
      + money(order.paid) + ' · Owed ' + money(order.outstanding)));
    if (order.trackingId) {
      const p = el('p', order.carrier + ' ' + order.trackingId + ' ');
      if (order.trackingUrl && /^https?:\/\//.test(order.trackingUrl)) {
        const a = el('a', 'Track the parcel');
        a.href = order.trackingUrl;
        a.rel = 'noreferrer noopener';
        p.append(a);
      }
      box.append(p);
    }
    $('orders').append(box);
  }

  async function load() {
    const url = '/api/orders/buyer?limit=20' + (before ? '&before=' + before : '');
    const answer = await fetch(url, { headers: { 'X-Buyer-Token': token }, referrerPolicy: 'no-referrer' });
    if (answer.status === 401) {
      $('message').textContent = 'This link no longer opens any orders. ' + (seller ? 'Ask for a fresh one below.'
        : 'Ask your seller for a fresh one.');
      $('ask').hidden = !seller;
      return;
    }
    if (!answer.ok) {
      $('message').textContent = 'Your orders could not be loaded just now. Try again in a moment.';
      return;
    }
    const page = await answer.json();
    $('title').textContent = page.buyerName + ', your orders with ' + page.sellerName;
    $('count').textContent = page.totals.orders;
    $('ordered').textContent = money(page.totals.ordered);
    $('paid').textContent = money(page.totals.paid);
    $('outstanding').textContent = money(page.totals.outstanding);
    $('expires').textContent = day(page.linkExpiresAt);
    $('totals').hidden = false;
    page.orders.items.forEach(render);
    before = page.orders.nextBefore;
    $('more').hidden = !before;
  }

  $('more').addEventListener('click', load);
  $('ask').addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await fetch('/api/orders/buyer/link-requests', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, referrerPolicy: 'no-referrer',
      body: JSON.stringify({ sellerId: Number(seller), email: $('email').value })
    });
    const body = await answer.json();
    $('message').textContent = answer.status === 202 ? body.status : (body.detail || 'Please try again later.');
  });
  if (token) {
    load();
  } else {
    $('message').textContent = 'Open this page from the link in your mail, or ask for a fresh link.';
    $('ask').hidden = !seller;
  }
})();
