// Stock: records with filters (also: below their reorder level) and live levels (physical, allocated, available in
// the product's unit), a record's ledger, receipts, allocations (INSUFFICIENT_STOCK says what is available), issues
// of an allocation to production, releases of an allocation and, for managers, adjustments.
import { html, nothing } from 'lit';
import { api, query, session } from './api.js';
import { onLive } from './live.js';
import { LightElement } from './base.js';
import { nameOf, resolveNames } from './names.js';

const PAGE_SIZE = 50;
const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');
const problemBox = (p) => (p ? html`<div class="problem" role="alert">${p.message}</div>` : nothing);

class StockList extends LightElement {
  static properties = {
    items: { state: true }, total: { state: true }, page: { state: true }, problem: { state: true }, outcome: { state: true }, busy: { state: true },
  };

  constructor() {
    super();
    this.items = []; this.total = 0; this.page = 0; this.problem = null; this.outcome = ''; this.busy = false;
    this.filters = { client_id: '', product_id: '', below_reorder: '' };
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
    this.stopLive = onLive((type) => {
      if (type === 'resync' || type === 'StockLevelChanged') {
        clearTimeout(this.reloadTimer);
        this.reloadTimer = setTimeout(() => this.load(), 250);
      }
    });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stopLive();
    clearTimeout(this.reloadTimer);
  }

  async load() {
    // An action's outcome or refusal stays on screen; only a failing load replaces it.
    try {
      const r = await api('GET', '/api/stock' + query({ ...this.filters, page: this.page, size: PAGE_SIZE }));
      this.items = r.items; this.total = r.total;
    } catch (p) {
      this.problem = p;
    }
  }

  async move(e, kind) {
    e.preventDefault();
    const f = e.target;
    const product = f.product.value.trim();
    const client = f.client.value.trim();
    const quantity = f.quantity.value.trim(); // sent as typed: decimals stay exact (e.g. 12.345 kg)
    const note = f.note ? f.note.value : ''; // allocations have no note field
    const number = Number(quantity);
    const bodies = {
      receipts: { product_id: product, client_id: client, quantity: number, reference: note || undefined },
      allocations: { product_id: product, client_id: client, quantity: number },
      adjustments: { product_id: product, client_id: client, quantity_change: number, reason: note },
    };
    this.busy = true;
    try {
      const r = await api('POST', '/api/stock/' + kind, bodies[kind]);
      const level = r.quantity_on_hand_after ?? r.quantity_on_hand ?? r.level_after;
      this.outcome = { receipts: 'Received', allocations: 'Allocated', adjustments: 'Adjusted' }[kind]
        + ` ${quantity.replace(/^-/, '')} ${r.unit || ''} of ${product} for ${client}`.replace('  ', ' ')
        + (level !== undefined ? `; ${level} on hand now.` : '.')
        + (kind === 'allocations' ? ` Allocation ${r.id} (to issue it to production or release it).` : '');
      this.problem = null;
      f.reset();
    } catch (p) {
      this.outcome = '';
      if (p.code === 'INSUFFICIENT_STOCK' || p.code === 'STOCK_BELOW_ZERO') {
        const available = p.body.available ?? await this.onHand(product, client);
        p.message = `${p.message} Available now: ${available === null ? 'none (no stock record)' : available} of ${product} for ${client}.`;
      }
      this.problem = p;
    } finally {
      this.busy = false;
      this.load();
    }
  }

  async issue(e) {
    e.preventDefault();
    const f = e.target;
    const used = f.used.value.trim();
    this.busy = true;
    try {
      const r = await api('POST', '/api/stock/issues', { allocation_id: f.allocation.value.trim(), quantity: used === '' ? undefined : Number(used) });
      this.outcome = `Issued to production: ${r.consumed} ${r.unit} of ${r.product_id} used, ${r.released} ${r.unit} back in stock; ${r.quantity_on_hand_after} available now.`;
      this.problem = null;
      f.reset();
    } catch (p) {
      this.outcome = '';
      this.problem = p;
    } finally {
      this.busy = false;
      this.load();
    }
  }

  /**
   * Puts an allocation's stock back. Releasing is idempotent on the server (a second release answers the allocation
   * as it stands), so the allocation is read first to tell the user when there was nothing left to release.
   */
  async release(e) {
    e.preventDefault();
    const f = e.target;
    const id = f.allocation.value.trim();
    const path = '/api/stock/allocations/' + encodeURIComponent(id);
    this.busy = true;
    try {
      const before = await api('GET', path);
      if (before.status !== 'ALLOCATED') {
        await resolveNames([before.released_by]);
        this.outcome = '';
        this.problem = { message: before.status === 'CONSUMED'
          ? `Allocation ${id} was issued to production (${before.consumed} ${before.unit} used); there is nothing left to release.`
          : `Allocation ${id} is already released${before.released_by ? ` by ${nameOf(before.released_by)} at ${when(before.released_at)}` : ''}; nothing changed.` };
        return;
      }
      const r = await api('POST', path + '/release');
      this.outcome = `Released allocation ${id}: ${r.quantity} ${r.unit || ''} of ${r.product_id} for ${r.client_id} back in stock`.replace('  ', ' ')
        + (r.quantity_on_hand_after !== undefined ? `; ${r.quantity_on_hand_after} available now.` : '.');
      this.problem = null;
      f.reset();
    } catch (p) {
      this.outcome = '';
      if (p.code === 'ORDER_ALLOCATION') p.message = `${p.message} Cancel or complete the order instead: its stock follows the order.`;
      else if (p.status === 404) p.message = `No allocation ${id}: ${p.message}`;
      this.problem = p;
    } finally {
      this.busy = false;
      this.load();
    }
  }

  async onHand(product, client) {
    try {
      const r = await api('GET', '/api/stock' + query({ product_id: product, client_id: client, size: 1 }));
      return r.items.length ? r.items[0].quantity_on_hand : null;
    } catch {
      return null;
    }
  }

  movementForm(kind, title, quantityLabel, noteLabel, noteRequired = false) {
    return html`
      <form class="record" aria-label=${title} @submit=${(e) => this.move(e, kind)}>
        <h2>${title}</h2>
        <label>Product <input name="product" required></label>
        <label>Client <input name="client" required></label>
        <label>${quantityLabel} <input name="quantity" type="number" step="any" required min=${kind === 'adjustments' ? '-1000000000' : '0'}></label>
        ${noteLabel ? html`<label>${noteLabel} <input name="note" ?required=${noteRequired}></label>` : nothing}
        <button type="submit" ?disabled=${this.busy}>${title}</button>
      </form>`;
  }

  render() {
    const pages = Math.max(1, Math.ceil(this.total / PAGE_SIZE));
    return html`
      <h1>Stock</h1>
      ${this.outcome ? html`<p class="notice" role="status">${this.outcome}</p>` : nothing}
      ${problemBox(this.problem)}
      <form class="filters" role="search" aria-label="Search stock" @submit=${(e) => { e.preventDefault(); this.filters = { client_id: e.target.client.value.trim(), product_id: e.target.product.value.trim(), below_reorder: e.target.low.checked ? 'true' : '' }; this.page = 0; this.load(); }}>
        <label>Product <input name="product"></label>
        <label>Client <input name="client"></label>
        <label><input name="low" type="checkbox"> Below reorder level only</label>
        <button type="submit">Search</button>
      </form>
      <table aria-label="Stock records">
        <thead><tr><th scope="col">Product</th><th scope="col">Client</th><th scope="col">Physical</th><th scope="col">Allocated</th><th scope="col">Available</th><th scope="col">Reorder level</th><th scope="col">Updated</th><th scope="col">Ledger</th></tr></thead>
        <tbody>${this.items.map((s) => html`<tr><td>${s.product_id}</td><td>${s.client_id}</td><td>${s.physical} ${s.unit || ''}</td>
          <td>${s.allocated} ${s.unit || ''}</td><td>${s.available} ${s.unit || ''}${s.below_reorder ? html` <strong class="low">low</strong>` : nothing}</td>
          <td>${s.reorder_level ?? ''}</td><td>${when(s.updated_at)}</td><td><a href="#/stock/${s.id}" aria-label="Ledger of ${s.product_id} for ${s.client_id}">Ledger</a></td></tr>`)}</tbody>
      </table>
      <nav class="pager" aria-label="Pages">
        <button type="button" ?disabled=${this.page === 0} @click=${() => { this.page--; this.load(); }}>Previous page</button>
        <span>Page ${this.page + 1} of ${pages} (${this.total} records)</span>
        <button type="button" ?disabled=${this.page + 1 >= pages} @click=${() => { this.page++; this.load(); }}>Next page</button>
      </nav>
      <div class="forms">
        ${this.movementForm('receipts', 'Receive stock', 'Quantity received', 'Reference')}
        ${this.movementForm('allocations', 'Allocate stock', 'Quantity to allocate', null)}
        <form class="record" aria-label="Issue to production" @submit=${(e) => this.issue(e)}>
          <h2>Issue to production</h2>
          <label>Allocation to issue <input name="allocation" required autocomplete="off"></label>
          <label>Quantity used (empty: all) <input name="used" type="number" step="any" min="0"></label>
          <button type="submit" ?disabled=${this.busy}>Issue to production</button>
        </form>
        <form class="record" aria-label="Release allocation" @submit=${(e) => this.release(e)}>
          <h2>Release allocation</h2>
          <label>Allocation to release <input name="allocation" required autocomplete="off"></label>
          <p class="hint">Puts all of it back in stock. An order's allocations follow the order (cancel or complete it).</p>
          <button type="submit" ?disabled=${this.busy}>Release allocation</button>
        </form>
        ${session.hasRole('manager', 'admin') ? this.movementForm('adjustments', 'Adjust stock', 'Change (+/-)', 'Reason', true) : nothing}
      </div>`;
  }
}
customElements.define('misty-stock', StockList);

class StockLedger extends LightElement {
  static properties = { recordId: {}, record: { state: true }, movements: { state: true }, problem: { state: true } };

  constructor() {
    super();
    this.record = null; this.movements = []; this.problem = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.stopLive = onLive((type, envelope) => {
      if (type === 'resync' || (type === 'StockLevelChanged' && envelope && envelope.aggregate_id === this.recordId)) this.load();
    });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stopLive();
  }

  willUpdate(changed) {
    if (changed.has('recordId')) this.load();
  }

  async load() {
    try {
      this.record = await api('GET', '/api/stock/' + encodeURIComponent(this.recordId));
      const all = [];
      let after = 0;
      for (let page = 0; page < 20; page++) {
        const batch = await api('GET', `/api/stock/${encodeURIComponent(this.recordId)}/movements` + query({ after_seq: after, limit: 100 }));
        const items = Array.isArray(batch) ? batch : batch.items || [];
        all.push(...items);
        if (items.length < 100) break;
        after = items[items.length - 1].seq;
      }
      await resolveNames(all.map((m) => m.actor));
      this.movements = all.reverse();
      this.problem = null;
    } catch (p) {
      this.problem = p;
    }
  }

  render() {
    const r = this.record;
    return html`
      <p><a href="#/stock">← All stock</a></p>
      ${problemBox(this.problem)}
      ${r ? html`<h1>${r.product_id} for ${r.client_id}</h1><p>Physical: <strong>${r.physical} ${r.unit || ''}</strong>,
        allocated: <strong>${r.allocated} ${r.unit || ''}</strong>, available: <strong>${r.available} ${r.unit || ''}</strong>
        (version ${r.version})${r.reorder_level !== null && r.reorder_level !== undefined ? html`; reorder level ${r.reorder_level} ${r.unit || ''}${r.below_reorder ? ' — below it' : ''}` : nothing}</p>` : nothing}
      <table aria-label="Ledger">
        <thead><tr><th scope="col">#</th><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Change</th><th scope="col">Level after</th><th scope="col">Why</th></tr></thead>
        <tbody>${this.movements.map((m) => html`<tr><td>${m.seq}</td><td>${when(m.at)}</td><td>${nameOf(m.actor)}</td><td>${m.type}</td>
          <td>${m.quantity_change > 0 ? '+' : ''}${m.quantity_change}${m.consumed !== undefined ? ` (${m.consumed} used)` : ''}</td><td>${m.level_after}</td><td>${m.reason || m.reference || (m.order_id ? `order ${m.order_id}` : '')}${m.allocation_id ? html` <span class="muted">(allocation ${m.allocation_id})</span>` : nothing}</td></tr>`)}</tbody>
      </table>`;
  }
}
customElements.define('misty-stock-ledger', StockLedger);
