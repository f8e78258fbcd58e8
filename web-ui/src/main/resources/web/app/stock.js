// Stock: records with filters (also: below their reorder level) and live levels (physical, allocated, available in
// the product's unit), products and clients by name, picked from the registries in the filters and forms, a
// record's ledger, receipts, allocations (INSUFFICIENT_STOCK says what is available), issues to production and
// releases of an allocation picked from the record's open ones (paged, or found by id), and, for managers, reorder
// levels and adjustments.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { NewestLoad, api, query, session } from './api.js';
import { onLive } from './live.js';
import { LightElement } from './base.js';
import { nameOf, resolveNames } from './names.js';
import { clientLabel, productLabel, registryByCode, resolveProductsAndClients } from './catalogue.js';
import { ClientChoices, productChoices, productNote, quantityRule } from './pickers.js';

const PAGE_SIZE = 50;
const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');
const problemBox = (p) => (p ? html`<div class="problem" role="alert">${p.message}</div>` : nothing);
const recordLabel = (s) => `${productLabel(s.product_id)} for ${clientLabel(s.client_id)}`;
/** Open allocations offered at once; the others are a page away, or found by id. */
const OPEN_PAGE = 50;
/** Why a product outside the registry is still accepted by the stock forms. */
const UNREGISTERED = 'Inventory still keeps stock of it, counted in whole units; add it to the registry to give it another unit.';

/** Why an allocation that is no longer open cannot be issued or released, in words. */
function closedText(a) {
  return a.status === 'CONSUMED'
    ? `Allocation ${a.id} was issued to production (${a.consumed} ${a.unit} used); there is nothing left to release.`
    : `Allocation ${a.id} is already released${a.released_by ? ` by ${nameOf(a.released_by)} at ${when(a.released_at)}` : ''}; nothing changed.`;
}

class StockList extends LightElement {
  static properties = {
    items: { state: true }, total: { state: true }, page: { state: true }, problem: { state: true }, outcome: { state: true }, busy: { state: true },
    openRecord: { state: true }, open: { state: true }, openPage: { state: true }, found: { state: true },
    registry: { state: true }, entered: { state: true },
  };

  constructor() {
    super();
    this.items = []; this.total = 0; this.page = 0; this.problem = null; this.outcome = ''; this.busy = false;
    this.loads = new NewestLoad();
    this.openRecord = ''; // the record whose open allocations the issue and release forms offer
    this.open = null; // {items, total} of that record, null while none is chosen
    this.openPage = 0; // which page of them (oldest first)
    this.found = null; // an open allocation found by its id, offered (and chosen) even when on another page
    this.filters = { client_id: '', product_id: '', below_reorder: '' };
    this.registry = null; // the product registry by code, for the product fields; null when it cannot be read
    this.clients = new ClientChoices(this, 'stock-client-choices', false); // deactivated clients keep their stock
    // What is typed in each form's product and client fields, for the notes under them and the quantity's unit.
    this.entered = Object.fromEntries(['receipts', 'allocations', 'adjustments'].map((k) => [k, { product: '', client: '' }]));
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
    this.clients.find('');
    registryByCode().then((registry) => { this.registry = registry; });
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
    const ticket = this.loads.begin();
    try {
      const r = await api('GET', '/api/stock' + query({ ...this.filters, page: this.page, size: PAGE_SIZE }));
      await resolveProductsAndClients(r.items);
      if (!this.loads.isNewest(ticket)) return; // a newer search or page answers instead
      this.items = r.items; this.total = r.total;
    } catch (p) {
      if (!this.loads.isNewest(ticket)) return;
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
      const r = await api('GET', `/api/stock/${encodeURIComponent(this.openRecord)}/allocations` + query({ page: this.openPage, size: OPEN_PAGE }));
      if (r.items.length === 0 && this.openPage > 0) { // closed meanwhile: back to the last page there is
        this.openPage = Math.max(0, Math.ceil(r.total / OPEN_PAGE) - 1);
        return this.loadOpen();
      }
      await resolveNames(r.items.map((a) => a.allocated_by));
      this.open = r;
    } catch (p) {
      this.open = null;
      this.problem = p;
    }
  }

  chooseRecord(id) {
    this.openRecord = id;
    this.openPage = 0;
    this.found = null;
    this.open = null;
    this.loadOpen();
  }

  turnOpen(delta) {
    this.openPage += delta;
    this.loadOpen();
  }

  /**
   * Finds an allocation by its id (on another page, or of a record not listed): an open one of no order chooses its
   * record and is picked in the issue and release forms; any other is explained.
   */
  async findAllocation(e) {
    e.preventDefault();
    const id = e.target.allocation_id.value.trim();
    try {
      const a = await api('GET', '/api/stock/allocations/' + encodeURIComponent(id));
      await Promise.all([resolveNames([a.allocated_by, a.released_by]), resolveProductsAndClients([a])]);
      if (a.status !== 'ALLOCATED') throw { message: closedText(a) };
      if (a.order_id) throw { message: `Allocation ${a.id} belongs to order ${a.order_id}: it follows the order (cancel or complete the order).` };
      this.openRecord = a.stock_id;
      this.openPage = 0;
      this.found = a;
      this.outcome = `Allocation ${a.id}: ${a.quantity} ${a.unit} of ${recordLabel(a)}, chosen below to issue or release.`;
      this.problem = null;
      await this.loadOpen();
      this.pickFound = true; // chosen in both pickers once they list it (updated())
      this.requestUpdate();
    } catch (p) {
      this.outcome = '';
      this.problem = p.status === 404 ? { message: `No allocation ${id}: ${p.message}` } : p;
    }
  }

  updated() {
    if (!this.pickFound || !this.found) return;
    this.pickFound = false;
    this.querySelectorAll('select[name=allocation]').forEach((select) => { select.value = this.found.id; });
  }

  /** Keeps what was typed in a form's product or client field (for the notes and the unit); a client is looked up. */
  enter(form, field, value) {
    this.entered = { ...this.entered, [form]: { ...this.entered[form], [field]: value } };
    if (field === 'client') this.clients.typed(value);
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

  async move(e, kind, title) {
    e.preventDefault();
    const f = e.target;
    const product = f.product.value.trim();
    const client = this.clients.idOf(f.client.value);
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
      await resolveProductsAndClients([{ product_id: product, client_id: client }]);
      this.outcome = { receipts: 'Received', allocations: 'Allocated', adjustments: 'Adjusted' }[kind]
        + ` ${quantity.replace(/^-/, '')} ${r.unit || ''} of ${productLabel(product)} for ${clientLabel(client)}`.replace('  ', ' ')
        + (level !== undefined ? `; ${level} on hand now.` : '.')
        + (kind === 'allocations' ? ` Allocation ${r.id} (to issue it to production or release it).` : '');
      this.problem = null;
      f.reset();
      this.entered = { ...this.entered, [kind]: { product: '', client: '' } };
      if (kind === 'allocations') { // offer it at once for issue or release
        this.openRecord = r.stock_id;
        this.openPage = 0;
        this.found = null;
      }
    } catch (p) {
      this.outcome = '';
      if (p.code === 'INSUFFICIENT_STOCK' || p.code === 'STOCK_BELOW_ZERO') {
        const available = p.body.available ?? await this.onHand(product, client);
        p.message = `${p.message} Available now: ${available === null ? 'none (no stock record)' : available} of ${productLabel(product)} for ${clientLabel(client)}.`;
      } else if (p.status === 400) {
        // e.g. more decimals than the product's unit allows: the service says what the unit takes
        p.message = `${title} refused (${quantity} of ${productLabel(product)}): ${p.message}`;
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
      this.forget(f.allocation.value);
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
        this.problem = { message: closedText(before) };
        return;
      }
      const r = await api('POST', path + '/release');
      this.forget(id);
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

  /** An allocation issued or released here is no longer offered, also when it was found by its id. */
  forget(id) {
    if (this.found && this.found.id === id) this.found = null;
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

  /**
   * Receive, allocate or adjust: the product picked from the registry (its unit and decimals shown by the quantity)
   * and the client by code or name; codes and ids the registries lack are explained and still sent.
   */
  movementForm(kind, title, quantityLabel, noteLabel, noteRequired = false) {
    const typed = this.entered[kind];
    const product = this.registry ? this.registry.get(typed.product.trim()) : undefined;
    return html`
      <form class="record" aria-label=${title} @submit=${(e) => this.move(e, kind, title)}>
        <h2>${title}</h2>
        ${this.productField(kind)}
        ${this.clientField(kind)}
        <label>${quantityLabel} <span class="with-unit"><input name="quantity" type="number" step="any" required
          min=${kind === 'adjustments' ? '-1000000000' : '0'} aria-describedby="${kind}-unit">
          <span class="unit" id="${kind}-unit">${this.registry && typed.product.trim() ? quantityRule(product) : ''}</span></span></label>
        ${noteLabel ? html`<label>${noteLabel} <input name="note" ?required=${noteRequired}></label>` : nothing}
        <button type="submit" ?disabled=${this.busy}>${title}</button>
      </form>`;
  }

  /** A form's product field: offers the registry, and says under it which product that is (or why it is unknown). */
  productField(form) {
    return html`<label>Product <input name="product" required list="stock-product-choices" autocomplete="off"
        aria-describedby="${form}-product-note" @input=${(e) => this.enter(form, 'product', e.target.value)}></label>
      <p class="hint" id="${form}-product-note">${productNote(this.entered[form].product, this.registry, { unknown: UNREGISTERED })}</p>`;
  }

  /** A form's client field: offers the clients matching what is typed, and names the client under it. */
  clientField(form) {
    return html`<label>Client <input name="client" required list="stock-client-choices" autocomplete="off"
        aria-describedby="${form}-client-note" @input=${(e) => this.enter(form, 'client', e.target.value)}></label>
      <p class="hint" id="${form}-client-note">${this.clients.note(this.entered[form].client)}</p>`;
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

  /** The record whose open allocations are offered (a page at a time, oldest first), or one found by its id. */
  openAllocations() {
    const chosen = this.items.find((s) => s.id === this.openRecord);
    const o = this.open;
    const pages = o ? Math.max(1, Math.ceil(o.total / OPEN_PAGE)) : 1;
    const first = this.openPage * OPEN_PAGE;
    return html`
      <form class="record" aria-label="Open allocations" @submit=${(e) => this.findAllocation(e)}>
        <h2>Open allocations</h2>
        <label>Stock record <select name="record" @change=${(e) => this.chooseRecord(e.target.value)}>
          <option value="" ?selected=${!this.openRecord}>Choose a record…</option>
          ${chosen || !this.openRecord ? nothing : html`<option value=${this.openRecord} selected>${this.found ? recordLabel(this.found) : this.openRecord}</option>`}
          ${this.items.map((s) => html`<option value=${s.id} ?selected=${s.id === this.openRecord}>${recordLabel(s)} (${s.allocated} ${s.unit || ''} allocated)</option>`)}
        </select></label>
        <p class="hint" role="status">${!this.openRecord ? 'Choose a record to issue or release one of its allocations, or find one by its id.'
          : !o ? 'Reading its allocations…'
          : o.total === 0 ? 'No open allocations: nothing to issue or release.'
          : `${o.total} open allocation${o.total === 1 ? '' : 's'}${o.total > OPEN_PAGE ? `, oldest first: ${first + 1}–${first + o.items.length} offered` : ''}.`}</p>
        ${o && o.total > OPEN_PAGE ? html`<div class="pager">
          <button type="button" ?disabled=${this.openPage === 0} @click=${() => this.turnOpen(-1)}>Older allocations</button>
          <span>Page ${this.openPage + 1} of ${pages}</span>
          <button type="button" ?disabled=${this.openPage + 1 >= pages} @click=${() => this.turnOpen(1)}>Newer allocations</button></div>` : nothing}
        <label>Allocation id <span class="with-unit"><input name="allocation_id" required autocomplete="off">
          <button type="submit">Find allocation</button></span></label>
      </form>`;
  }

  /**
   * The open allocations offered to issue or release: the page shown, and one found by its id. Options are keyed by
   * id, so a list re-read under the user (a live update) keeps their choice on the same allocation.
   */
  allocationPicker(label) {
    const items = this.open ? [...this.open.items] : [];
    if (this.found && this.found.stock_id === this.openRecord && !items.some((a) => a.id === this.found.id)) items.unshift(this.found);
    return html`<label>${label} <select name="allocation" required ?disabled=${items.length === 0}>
      <option value="">${items.length ? 'Choose an allocation…' : 'No open allocation'}</option>
      ${repeat(items, (a) => a.id, (a) => this.allocationOption(a))}</select></label>`;
  }

  render() {
    const pages = Math.max(1, Math.ceil(this.total / PAGE_SIZE));
    return html`
      <h1>Stock</h1>
      ${this.outcome ? html`<p class="notice" role="status">${this.outcome}</p>` : nothing}
      ${problemBox(this.problem)}
      ${productChoices(this.registry, 'stock-product-choices')}
      ${this.clients.datalist()}
      <form class="filters" role="search" aria-label="Search stock" @submit=${(e) => { e.preventDefault(); this.filters = { client_id: this.clients.idOf(e.target.client.value), product_id: e.target.product.value.trim(), below_reorder: e.target.low.checked ? 'true' : '' }; this.page = 0; this.load(); }}>
        <label>Product <input name="product" list="stock-product-choices" autocomplete="off" placeholder="code"></label>
        <label>Client <input name="client" list="stock-client-choices" autocomplete="off" placeholder="code or name"
          @input=${(e) => this.clients.typed(e.target.value)}></label>
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
