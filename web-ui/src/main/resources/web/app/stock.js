// Stock: records with filters (also: below their reorder level) and live levels (physical, allocated, available in
// the product's unit), products and clients by name, a record's ledger, receipts, allocations (INSUFFICIENT_STOCK
// says what is available), issues to production and releases of an allocation picked from the record's open ones,
// and, for managers, reorder levels and adjustments.
import { html, nothing } from 'lit';
import { api, query, session } from './api.js';
import { onLive } from './live.js';
import { LightElement } from './base.js';
import { nameOf, resolveNames } from './names.js';
import { clientLabel, productLabel, resolveProductsAndClients } from './catalogue.js';

const PAGE_SIZE = 50;
const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');
const problemBox = (p) => (p ? html`<div class="problem" role="alert">${p.message}</div>` : nothing);
const recordLabel = (s) => `${productLabel(s.product_id)} for ${clientLabel(s.client_id)}`;
/** Open allocations offered at once (inventory-service's largest page). */
const OPEN_PAGE = 200;

class StockList extends LightElement {
  static properties = {
    items: { state: true }, total: { state: true }, page: { state: true }, problem: { state: true }, outcome: { state: true }, busy: { state: true },
    openRecord: { state: true }, open: { state: true },
  };

  constructor() {
    super();
    this.items = []; this.total = 0; this.page = 0; this.problem = null; this.outcome = ''; this.busy = false;
    this.openRecord = ''; // the record whose open allocations the issue and release forms offer
    this.open = null; // {items, total} of that record, null while none is chosen
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
      await resolveProductsAndClients(r.items);
      this.items = r.items; this.total = r.total;
    } catch (p) {
      this.problem = p;
    }
    await this.loadOpen();
  }

  /** The chosen record's open allocations, to pick one to issue or release (and who made each, by name). */
  async loadOpen() {
    if (!this.openRecord) {
      this.open = null;
      return;
    }
    try {
      const r = await api('GET', `/api/stock/${encodeURIComponent(this.openRecord)}/allocations` + query({ size: OPEN_PAGE }));
      await resolveNames(r.items.map((a) => a.allocated_by));
      this.open = r;
    } catch (p) {
      this.open = null;
      this.problem = p;
    }
  }

  chooseRecord(id) {
    this.openRecord = id;
    this.open = null;
    this.loadOpen();
  }

  /**
   * Sets a record's reorder level, based on the setting shown ({@code reorder_version}); a colleague's newer setting
   * is a 409, explained with the level now in effect.
   */
  async setReorderLevel(e, record) {
    e.preventDefault();
    const level = e.target.level.value.trim();
    this.busy = true;
    try {
      const r = await api('PUT', `/api/stock/${encodeURIComponent(record.id)}/reorder-level`,
        { reorder_level: Number(level), reorder_version: record.reorder_version });
      this.outcome = Number(level) === 0 ? `No reorder level for ${recordLabel(record)} any more.`
        : `Reorder level of ${recordLabel(record)} set to ${r.reorder_level} ${r.unit}`
          + (r.below_reorder ? `; ${r.available} ${r.unit} available is below it (flagged low).` : '.');
      this.problem = null;
    } catch (p) {
      this.outcome = '';
      if (p.code === 'VERSION_CONFLICT') {
        const now = await api('GET', '/api/stock/' + encodeURIComponent(record.id)).catch(() => null);
        p.message = `Someone else set the reorder level of ${recordLabel(record)} meanwhile`
          + (now ? ` (now ${now.reorder_level ? `${now.reorder_level} ${now.unit}` : 'none'})` : '')
          + '; nothing changed. The current level is shown: set yours again if it is still needed.';
      } else if (p.status === 400) {
        p.message = `Reorder level "${level}" for ${recordLabel(record)} refused: ${p.message}`;
      }
      this.problem = p;
    } finally {
      this.busy = false;
      this.load();
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
      if (kind === 'allocations') this.openRecord = r.stock_id; // offer it at once for issue or release
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
    if (!f.allocation.value) return this.noAllocationChosen('issue');
    this.busy = true;
    try {
      const r = await api('POST', '/api/stock/issues', { allocation_id: f.allocation.value.trim(), quantity: used === '' ? undefined : Number(used) });
      this.outcome = `Issued to production: ${r.consumed} ${r.unit} of ${productLabel(r.product_id)} used, ${r.released} ${r.unit} back in stock; ${r.quantity_on_hand_after} available now.`;
      this.problem = null;
      f.reset();
    } catch (p) {
      this.outcome = '';
      if (p.code === 'ALLOCATION_CLOSED') p.message = `${p.message} Someone closed it meanwhile (${p.body.current_status === 'CONSUMED' ? 'issued' : 'released'}); the list shows what is still open.`;
      else if (p.code === 'ORDER_ALLOCATION') p.message = `${p.message} Complete the order instead: its stock is issued then.`;
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
    if (!id) return this.noAllocationChosen('release');
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
      this.outcome = `Released allocation ${id}: ${r.quantity} ${r.unit || ''} of ${recordLabel(r)} back in stock`.replace('  ', ' ')
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

  /** A disabled picker (no record chosen, or none open) is not validated by the browser: say what is missing. */
  noAllocationChosen(action) {
    this.outcome = '';
    this.problem = { message: `Choose a stock record under "Open allocations", then the allocation to ${action}.` };
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

  /** The reorder level, and for managers and admins a control to set it (0 = none). */
  reorderCell(s) {
    const shown = s.reorder_level ? `${s.reorder_level} ${s.unit || ''}` : 'none';
    if (!session.hasRole('manager', 'admin')) return shown;
    return html`<form class="inline" aria-label="Reorder level of ${recordLabel(s)}" @submit=${(e) => this.setReorderLevel(e, s)}>
      <input name="level" type="number" step="any" min="0" required aria-label="New reorder level of ${recordLabel(s)}" .value=${String(s.reorder_level ?? 0)}>
      <button type="submit" ?disabled=${this.busy} aria-label="Set reorder level of ${recordLabel(s)}">Set</button></form>`;
  }

  /** An open allocation as the pickers offer it; an order's cannot be issued or released by hand. */
  allocationOption(a) {
    const text = `${a.quantity} ${a.unit}, by ${nameOf(a.allocated_by)} at ${when(a.allocated_at)}`
      + (a.order_id ? ` — order ${a.order_id}, follows the order` : '') + ` (allocation ${a.id})`;
    return html`<option value=${a.id} ?disabled=${!!a.order_id}>${text}</option>`;
  }

  /** The record whose open allocations are offered, and how many there are. */
  openAllocations() {
    const chosen = this.items.find((s) => s.id === this.openRecord);
    const o = this.open;
    return html`
      <form class="record" aria-label="Open allocations" @submit=${(e) => e.preventDefault()}>
        <h2>Open allocations</h2>
        <label>Stock record <select name="record" @change=${(e) => this.chooseRecord(e.target.value)}>
          <option value="" ?selected=${!this.openRecord}>Choose a record…</option>
          ${chosen || !this.openRecord ? nothing : html`<option value=${this.openRecord} selected>${this.openRecord}</option>`}
          ${this.items.map((s) => html`<option value=${s.id} ?selected=${s.id === this.openRecord}>${recordLabel(s)} (${s.allocated} ${s.unit || ''} allocated)</option>`)}
        </select></label>
        <p class="hint" role="status">${!this.openRecord ? 'Choose a record to issue or release one of its allocations.'
          : !o ? 'Reading its allocations…'
          : o.total === 0 ? 'No open allocations: nothing to issue or release.'
          : `${o.total} open allocation${o.total === 1 ? '' : 's'}${o.total > o.items.length ? `, the oldest ${o.items.length} offered` : ''}.`}</p>
      </form>`;
  }

  allocationPicker(label) {
    const items = this.open ? this.open.items : [];
    return html`<label>${label} <select name="allocation" required ?disabled=${items.length === 0}>
      <option value="">${items.length ? 'Choose an allocation…' : 'No open allocation'}</option>
      ${items.map((a) => this.allocationOption(a))}</select></label>`;
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
        <tbody>${this.items.map((s) => html`<tr><td>${productLabel(s.product_id)}</td><td>${clientLabel(s.client_id)}</td><td>${s.physical} ${s.unit || ''}</td>
          <td>${s.allocated} ${s.unit || ''}</td><td>${s.available} ${s.unit || ''}${s.below_reorder ? html` <strong class="low">low</strong>` : nothing}</td>
          <td>${this.reorderCell(s)}</td><td>${when(s.updated_at)}</td><td><a href="#/stock/${s.id}" aria-label="Ledger of ${recordLabel(s)}">Ledger</a></td></tr>`)}</tbody>
      </table>
      <nav class="pager" aria-label="Pages">
        <button type="button" ?disabled=${this.page === 0} @click=${() => { this.page--; this.load(); }}>Previous page</button>
        <span>Page ${this.page + 1} of ${pages} (${this.total} records)</span>
        <button type="button" ?disabled=${this.page + 1 >= pages} @click=${() => { this.page++; this.load(); }}>Next page</button>
      </nav>
      <div class="forms">
        ${this.movementForm('receipts', 'Receive stock', 'Quantity received', 'Reference')}
        ${this.movementForm('allocations', 'Allocate stock', 'Quantity to allocate', null)}
        ${this.openAllocations()}
        <form class="record" aria-label="Issue to production" @submit=${(e) => this.issue(e)}>
          <h2>Issue to production</h2>
          ${this.allocationPicker('Allocation to issue')}
          <label>Quantity used (empty: all) <input name="used" type="number" step="any" min="0"></label>
          <button type="submit" ?disabled=${this.busy}>Issue to production</button>
        </form>
        <form class="record" aria-label="Release allocation" @submit=${(e) => this.release(e)}>
          <h2>Release allocation</h2>
          ${this.allocationPicker('Allocation to release')}
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
      const record = await api('GET', '/api/stock/' + encodeURIComponent(this.recordId));
      await resolveProductsAndClients([record]);
      this.record = record;
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
      ${r ? html`<h1>${recordLabel(r)}</h1><p>Physical: <strong>${r.physical} ${r.unit || ''}</strong>,
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
