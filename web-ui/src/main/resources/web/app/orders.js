// Orders: the list (server-side filters, sorts and paging, live), placing an order for a client picked from the
// clients, and one order's detail with the saga's progress, editing based on a version (If-Match), the field-by-field
// conflict dialog and the stale-data banner, production steps (start, complete), cancelling with a reason (a
// manager's confirmation in production), and the order's change history.
import { html, nothing } from 'lit';
import { NewestLoad, api, apiFull, download, query, session } from './api.js';
import { onLive } from './live.js';
import { LightElement } from './base.js';
import { ModalFocus } from './dialogs.js';
import { nameOf, resolveNames } from './names.js';
import { productLabel, productUnit, registryByCode, resolveProducts, unitText } from './catalogue.js';
import { ClientChoices, productChoices, productNote } from './pickers.js';

const STATUSES = ['PENDING_STOCK', 'CONFIRMED', 'IN_PRODUCTION', 'COMPLETED', 'REJECTED', 'CANCELLED'];
const STATUS_TEXT = {
  PENDING_STOCK: 'Awaiting stock', CONFIRMED: 'Confirmed', IN_PRODUCTION: 'In production', COMPLETED: 'Completed',
  REJECTED: 'Rejected', CANCELLED: 'Cancelled',
};
const SORTS = { 'created_at:desc': 'Newest first', 'created_at:asc': 'Oldest first', 'due_date:asc': 'Due date, earliest first',
  'due_date:desc': 'Due date, latest first', 'order_number:asc': 'Order number, ascending', 'order_number:desc': 'Order number, descending' };
const PAGE_SIZE = 20;
/** While an edit form is open the order is also re-read this often (edits of contact or notes publish no event). */
const STALE_CHECK_MS = 10000;

const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');
const status = (s) => html`<span class="status ${s}">${STATUS_TEXT[s] || s}</span>`;
const problemBox = (p) => (p ? html`<div class="problem" role="alert">${p.message}</div>` : nothing);

/** The ids of whoever acted on an order, for {@link resolveNames}. */
const actorsOf = (o) => [o.created_by, o.updated_by, o.pending_revision && o.pending_revision.requested_by];
/** The products an order's lines (and its pending revision's) name. */
const productsOf = (o) => [...o.lines, ...(o.pending_revision ? o.pending_revision.lines : [])].map((l) => l.product_id);
/** Learns the names of an order's actors and products before it is shown; never throws. */
const inWords = (o) => Promise.all([resolveNames(actorsOf(o)), resolveProducts(productsOf(o))]);

function isOrderEvent(type, envelope) {
  return type === 'resync' || (type && type.startsWith('Order')) || (envelope && envelope.type === 'StockAllocated')
    || (envelope && envelope.type === 'StockAllocationRejected');
}

class OrderList extends LightElement {
  static properties = {
    page: { state: true }, items: { state: true }, total: { state: true },
    filters: { state: true }, problem: { state: true }, loading: { state: true }, exporting: { state: true },
  };

  constructor() {
    super();
    this.page = 0; this.items = []; this.total = 0; this.filters = {};
    this.problem = null; this.loading = false; this.exporting = false; this.reloadTimer = null;
    this.loads = new NewestLoad();
    this.clients = new ClientChoices(this, 'list-client-choices', false); // orders of deactivated clients too
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
    this.stopLive = onLive((type, envelope) => {
      if (!isOrderEvent(type, envelope)) return;
      clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => this.load(), 250);
    });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stopLive();
    clearTimeout(this.reloadTimer);
  }

  async load() {
    this.loading = true;
    const ticket = this.loads.begin();
    try {
      const r = await api('GET', '/api/orders' + query({ ...this.filters, page: this.page, size: PAGE_SIZE }));
      if (!this.loads.isNewest(ticket)) return; // a newer search, sort or page answers instead
      this.items = r.items; this.total = r.total; this.problem = null;
    } catch (p) {
      if (!this.loads.isNewest(ticket)) return;
      this.problem = p;
    } finally {
      if (this.loads.isNewest(ticket)) this.loading = false;
    }
  }

  search(e) {
    e.preventDefault();
    const f = e.target;
    const [sort, direction] = f.sort.value.split(':');
    this.filters = {
      status: f.status.value, client_id: this.clients.idOf(f.client.value), order_number_prefix: f.number.value.trim(),
      due_from: f.due_from.value, due_to: f.due_to.value, created_from: f.created_from.value, created_to: f.created_to.value,
      q: f.text.value.trim(), sort, direction,
    };
    this.page = 0;
    this.load();
  }

  turn(delta) { this.page += delta; this.load(); }

  /** The selection the list shows (every page of it) as CSV, fetched with the user's token and saved as a file. */
  async exportCsv() {
    this.exporting = true;
    try {
      const csv = await download('/api/orders/export.csv' + query(this.filters), 'text/csv, application/problem+json');
      const link = document.createElement('a');
      link.href = URL.createObjectURL(csv);
      link.download = `orders-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      this.problem = null;
    } catch (p) {
      this.problem = p;
    } finally {
      this.exporting = false;
    }
  }

  render() {
    const pages = Math.max(1, Math.ceil(this.total / PAGE_SIZE));
    return html`
      <div class="title-row"><h1>Orders</h1><a class="button" href="#/orders/new">New order</a></div>
      <form class="filters" role="search" aria-label="Search orders" @submit=${this.search}>
        <label>Status <select name="status"><option value="">Any</option>${STATUSES.map((s) => html`<option value=${s}>${STATUS_TEXT[s]}</option>`)}</select></label>
        <label>Client <input name="client" list="list-client-choices" autocomplete="off" placeholder="code or name"
          @input=${(e) => this.clients.typed(e.target.value)}></label>
        ${this.clients.datalist()}
        <label>Order number <input name="number" placeholder="ORD-0001…"></label>
        <label>Due from <input name="due_from" type="date"></label>
        <label>Due to <input name="due_to" type="date"></label>
        <label>Created from <input name="created_from" type="date"></label>
        <label>Created to <input name="created_to" type="date"></label>
        <label>Contact or notes <input name="text"></label>
        <label>Sort <select name="sort">${Object.entries(SORTS).map(([v, t]) => html`<option value=${v}>${t}</option>`)}</select></label>
        <button type="submit">Search</button>
      </form>
      ${problemBox(this.problem)}
      <table aria-label="Orders" aria-busy=${this.loading ? 'true' : 'false'}>
        <thead><tr><th scope="col">Order</th><th scope="col">Client</th><th scope="col">Status</th><th scope="col">Lines</th><th scope="col">Due</th><th scope="col">Updated</th></tr></thead>
        <tbody>
          ${this.items.map((o) => html`<tr data-order=${o.id}>
            <td><a href="#/orders/${o.id}">${o.order_number}</a></td><td>${o.client_name || o.client_id}</td><td>${status(o.status)}</td>
            <td>${o.lines.map((l) => `${l.product_id} × ${l.quantity}`).join(', ')}</td><td>${o.due_date || ''}</td><td>${when(o.updated_at)}</td></tr>`)}
        </tbody>
      </table>
      ${this.items.length === 0 && !this.loading ? html`<p>No orders match.</p>` : nothing}
      <nav class="pager" aria-label="Pages">
        <button type="button" ?disabled=${this.page === 0} @click=${() => this.turn(-1)}>Previous page</button>
        <span>Page ${this.page + 1} of ${pages} (${this.total} orders)</span>
        <button type="button" ?disabled=${this.page + 1 >= pages} @click=${() => this.turn(1)}>Next page</button>
        <button type="button" ?disabled=${this.exporting} @click=${this.exportCsv}>Export these orders as CSV</button>
      </nav>`;
  }
}
customElements.define('misty-orders', OrderList);

/** The editable fields of an order, as the form holds them (strings, lines as {product_id, quantity, notes}). */
function editable(order) {
  return {
    contact_name: order.contact_name || '', contact_email: order.contact_email || '', contact_phone: order.contact_phone || '',
    due_date: order.due_date || '', notes: order.notes || '',
    // A pending revision holds the lines the order is being changed to: those are what the user works on.
    lines: (order.pending_revision ? order.pending_revision.lines : order.lines)
      .map((l) => ({ product_id: l.product_id, quantity: Number(l.quantity), notes: l.notes || '' })),
  };
}
const FIELD_LABELS = { contact_name: 'Contact name', contact_email: 'Contact email', contact_phone: 'Contact phone', due_date: 'Due date', notes: 'Notes', lines: 'Lines' };
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
/** A field's value in words; a line names its product and unit ("Gold foil (FOIL-1) × 20 sheets") once resolved. */
const show = (field, value) => (field === 'lines'
  ? value.map((l) => `${productLabel(l.product_id)} × ${l.quantity} ${productUnit(l.product_id)}${l.notes ? ' (' + l.notes + ')' : ''}`).join(', ')
  : value || '—');

/** Only the fields this user changed relative to the version the edit started from. */
function changedFields(base, draft) {
  const changes = {};
  for (const field of Object.keys(FIELD_LABELS)) if (!same(base[field], draft[field])) changes[field] = draft[field];
  if (changes.due_date === '') delete changes.due_date; // an empty date cannot be sent; clearing one needs a PUT
  return changes;
}

/**
 * The lines of an order. A line's product is picked from the product registry ({@code registry}: code → product,
 * null until read); its quantity shows the product's unit. A code not in the registry is explained: one the order
 * already had ({@code stored}) was removed from the registry, any other is unknown to it. Such a line is not refused
 * here: inventory keeps stock of products outside the registry too (in whole units), and the saga decides.
 */
function linesForm(lines, onChange, registry, stored = []) {
  const update = (i, field, value) => { const copy = lines.map((l) => ({ ...l })); copy[i][field] = value; onChange(copy); };
  const code = (l) => l.product_id.trim();
  return html`
    <fieldset><legend>Lines</legend>
      ${productChoices(registry, 'product-choices')}
      ${lines.map((l, i) => html`<div class="line">
        <label>Line ${i + 1} product <input required list="product-choices" autocomplete="off" .value=${l.product_id}
          aria-describedby="line-${i}-product-note" @input=${(e) => update(i, 'product_id', e.target.value)}></label>
        <label>Line ${i + 1} quantity <span class="with-unit"><input type="number" min="1" required .value=${String(l.quantity)}
          aria-describedby="line-${i}-unit" @input=${(e) => update(i, 'quantity', Number(e.target.value))}>
          <span class="unit" id="line-${i}-unit">${registry ? unitText(registry.get(code(l))) : ''}</span></span></label>
        <label>Line ${i + 1} notes <input .value=${l.notes} @input=${(e) => update(i, 'notes', e.target.value)}></label>
        ${lines.length > 1 ? html`<button type="button" @click=${() => onChange(lines.filter((_, j) => j !== i))}>Remove line ${i + 1}</button>` : nothing}
        <p class="hint line-note" id="line-${i}-product-note" role="status">${productNote(l.product_id, registry,
          { stored, unknown: 'Pick a product from the list; an order for an unknown code is only confirmed if stock of it exists.' })}</p>
      </div>`)}
      <button type="button" @click=${() => onChange([...lines, { product_id: '', quantity: 1, notes: '' }])}>Add line</button>
    </fieldset>`;
}

function contactFields(draft, set) {
  return html`
    <label>Contact name <input .value=${draft.contact_name} @input=${(e) => set('contact_name', e.target.value)}></label>
    <label>Contact email <input type="email" .value=${draft.contact_email} @input=${(e) => set('contact_email', e.target.value)}></label>
    <label>Contact phone <input .value=${draft.contact_phone} @input=${(e) => set('contact_phone', e.target.value)}></label>
    <label>Due date <input type="date" .value=${draft.due_date} @input=${(e) => set('due_date', e.target.value)}></label>
    <label>Notes <textarea .value=${draft.notes} @input=${(e) => set('notes', e.target.value)}></textarea></label>`;
}

class OrderNew extends LightElement {
  static properties = {
    draft: { state: true }, client: { state: true }, problem: { state: true }, busy: { state: true }, registry: { state: true },
  };

  constructor() {
    super();
    this.client = ''; this.registry = null;
    this.clients = new ClientChoices(this, 'client-choices', true); // no new orders for a deactivated client
    this.draft = { contact_name: '', contact_email: '', contact_phone: '', due_date: '', notes: '', lines: [{ product_id: '', quantity: 1, notes: '' }] };
    this.problem = null; this.busy = false;
  }

  async connectedCallback() {
    super.connectedCallback();
    this.clients.find('');
    this.registry = await registryByCode();
  }

  pickClient(e) {
    this.client = e.target.value;
    this.clients.typed(this.client);
  }

  async place(e) {
    e.preventDefault();
    this.busy = true;
    const body = { client_id: this.clients.idOf(this.client), lines: this.draft.lines };
    for (const f of ['contact_name', 'contact_email', 'contact_phone', 'due_date', 'notes']) if (this.draft[f]) body[f] = this.draft[f];
    try {
      const order = await api('POST', '/api/orders', body);
      location.hash = '#/orders/' + order.id;
    } catch (p) {
      this.problem = p;
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`
      <h1>New order</h1>
      <form class="record" aria-label="New order" @submit=${this.place}>
        <label>Client <input required list="client-choices" autocomplete="off" .value=${this.client} @input=${this.pickClient}
          aria-describedby="client-note"></label>
        ${this.clients.datalist()}
        <p class="hint" id="client-note" role="status">${this.clients.note(this.client)}</p>
        ${contactFields(this.draft, (f, v) => { this.draft = { ...this.draft, [f]: v }; })}
        ${linesForm(this.draft.lines, (lines) => { this.draft = { ...this.draft, lines }; }, this.registry)}
        ${problemBox(this.problem)}
        <button type="submit" ?disabled=${this.busy}>Place order</button>
      </form>`;
  }
}
customElements.define('misty-order-new', OrderNew);

class OrderDetail extends LightElement {
  static properties = {
    orderId: {}, order: { state: true }, problem: { state: true }, editing: { state: true }, draft: { state: true },
    conflict: { state: true }, stale: { state: true }, cancelling: { state: true }, busy: { state: true }, notice: { state: true },
    history: { state: true }, registry: { state: true },
  };

  constructor() {
    super();
    this.order = null; this.problem = null; this.editing = false; this.base = null; this.draft = null;
    this.conflict = null; this.stale = null; this.cancelling = false; this.busy = false; this.notice = '';
    this.registry = null; // the product registry, read when an edit starts
    // Escape leaves the conflict dialog for the edit form (the user's changes still in it), or keeps the order.
    new ModalFocus(this, { isOpen: () => this.conflict, close: () => { this.conflict = null; }, selector: '[aria-labelledby=conflict-title]' });
    new ModalFocus(this, { isOpen: () => this.cancelling, close: () => { this.cancelling = false; }, selector: '[aria-labelledby=cancel-title]' });
  }

  connectedCallback() {
    super.connectedCallback();
    this.stopLive = onLive((type, envelope) => {
      if (type === 'resync' || (envelope && envelope.aggregate_id === this.orderId) || (envelope && envelope.payload && envelope.payload.order_id === this.orderId)) {
        this.reread();
      }
    });
    this.staleTimer = setInterval(() => { if (this.editing) this.reread(); }, STALE_CHECK_MS);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stopLive();
    clearInterval(this.staleTimer);
  }

  willUpdate(changed) {
    if (changed.has('orderId')) {
      this.order = null; this.editing = false; this.conflict = null; this.stale = null; this.notice = '';
      this.load();
    }
  }

  async load() {
    try {
      const order = await api('GET', '/api/orders/' + encodeURIComponent(this.orderId));
      await inWords(order);
      this.order = order;
      this.problem = null;
    } catch (p) {
      this.problem = p;
    }
    this.loadHistory();
  }

  async loadHistory() {
    try {
      const entries = (await api('GET', `/api/orders/${encodeURIComponent(this.orderId)}/history`)).entries;
      await resolveNames(entries.map((e) => e.actor));
      this.history = entries;
    } catch (p) {
      this.history = null;
    }
  }

  /** Start production or complete: based on the version shown, so a step never lands on an order the user did not see. */
  async step(path, done) {
    this.busy = true;
    try {
      this.order = await api('POST', `/api/orders/${encodeURIComponent(this.orderId)}/${path}`, undefined, { 'If-Match': `"${this.order.version}"` });
      this.problem = null; this.notice = done;
      this.loadHistory();
    } catch (p) {
      this.problem = p;
    } finally {
      this.busy = false;
    }
  }

  /** A live event or the periodic check: update the record in place; an open edit form gets the stale banner. */
  async reread() {
    let current;
    try {
      current = await api('GET', '/api/orders/' + encodeURIComponent(this.orderId));
      await inWords(current);
    } catch (p) {
      return;
    }
    this.order = current;
    this.loadHistory();
    if (this.editing && current.version !== this.baseVersion) {
      this.stale = current;
    }
  }

  startEdit() {
    this.base = editable(this.order);
    this.baseVersion = this.order.version;
    this.draft = editable(this.order);
    this.editing = true; this.stale = null; this.problem = null; this.notice = '';
    registryByCode().then((registry) => { this.registry = registry; }); // read fresh: products come and go
  }

  async save(e) {
    e.preventDefault();
    await this.send(changedFields(this.base, this.draft), this.baseVersion);
  }

  async send(changes, version) {
    if (Object.keys(changes).length === 0) {
      this.editing = false;
      this.notice = 'Nothing to save: no field was changed.';
      return;
    }
    this.busy = true;
    try {
      const r = await apiFull('PATCH', '/api/orders/' + encodeURIComponent(this.orderId), changes, { 'If-Match': `"${version}"` });
      await inWords(r.body);
      this.order = r.body;
      this.editing = false; this.conflict = null; this.stale = null; this.problem = null;
      this.notice = `Saved (version ${r.body.version}).`;
    } catch (p) {
      if (p.code === 'VERSION_CONFLICT' && p.body.current_order) {
        await inWords(p.body.current_order);
        this.conflict = { current: p.body.current_order, changes };
      } else {
        this.problem = p;
      }
    } finally {
      this.busy = false;
    }
  }

  /** Re-sends only this user's changed fields, based on the version now stored. */
  applyMine() {
    const { current, changes } = this.conflict;
    this.order = current;
    this.base = editable(current);
    this.baseVersion = current.version;
    this.draft = { ...this.base, ...changes };
    this.conflict = null;
    this.send(changes, current.version);
  }

  discardMine() {
    this.order = this.conflict.current;
    this.conflict = null; this.editing = false; this.stale = null;
    this.notice = 'Your changes were discarded; this is the order as now stored.';
  }

  reviewStale() {
    // Keep this user's changes on top of what is now stored; the next save is based on the new version.
    const changes = changedFields(this.base, this.draft);
    this.base = editable(this.stale);
    this.baseVersion = this.stale.version;
    this.draft = { ...this.base, ...changes };
    this.stale = null;
  }

  async cancelOrder(e) {
    e.preventDefault();
    this.busy = true;
    try {
      const body = { reason: e.target.reason.value };
      if (e.target.confirm_in_production && e.target.confirm_in_production.checked) body.confirm_in_production = true;
      this.order = await api('POST', `/api/orders/${encodeURIComponent(this.orderId)}/cancel`, body, { 'If-Match': `"${this.order.version}"` });
      this.cancelling = false; this.problem = null; this.notice = 'The order is cancelled.';
    } catch (p) {
      this.problem = p;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const o = this.order;
    if (!o) return html`${problemBox(this.problem)}${this.problem ? nothing : html`<p role="status">Loading order…</p>`}`;
    const open = o.status === 'PENDING_STOCK' || o.status === 'CONFIRMED' || o.status === 'IN_PRODUCTION';
    return html`
      <p><a href="#/orders">← All orders</a></p>
      <div class="title-row"><h1>Order ${o.order_number}</h1>${status(o.status)}</div>
      ${this.renderSaga(o)}
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${problemBox(this.problem)}
      ${this.editing ? this.renderEdit() : this.renderRecord(o, open)}
      ${this.renderHistory()}
      ${this.conflict ? this.renderConflict() : nothing}
      ${this.cancelling ? this.renderCancel() : nothing}`;
  }

  renderSaga(o) {
    const done = o.status !== 'PENDING_STOCK';
    const end = o.status === 'PENDING_STOCK' ? 'Confirmed or rejected' : STATUS_TEXT[o.status];
    return html`
      <ol class="saga" aria-label="Progress">
        <li class="done">Placed by ${nameOf(o.created_by)} at ${when(o.created_at)}</li>
        <li class=${done ? 'done' : 'current'}>Stock reserved${done ? '' : ' — waiting for inventory…'}</li>
        <li class=${done ? 'done' : ''}>${end}${o.status_reason ? `: ${o.status_reason}` : ''}</li>
      </ol>
      ${o.pending_revision ? html`<p class="notice" role="status">Revision ${o.pending_revision.revision} pending (stock being re-reserved):
        ${show('lines', o.pending_revision.lines)}, requested by ${nameOf(o.pending_revision.requested_by)} at ${when(o.pending_revision.requested_at)}.</p>` : nothing}`;
  }

  renderRecord(o, open) {
    return html`
      <dl class="record" aria-label="Order details">
        <dt>Client</dt><dd>${o.client_name || o.client_id}</dd>
        ${Object.keys(FIELD_LABELS).map((f) => html`<dt>${FIELD_LABELS[f]}</dt><dd data-field=${f}>${show(f, f === 'lines' ? o.lines : o[f])}</dd>`)}
        ${o.completed_at ? html`<dt>Completed</dt><dd>${when(o.completed_at)}</dd>` : nothing}
        ${o.status === 'COMPLETED' ? html`<dt>Stock consumed</dt><dd data-field="stock_consumed_at">${o.stock_consumed_at ? when(o.stock_consumed_at) : 'not yet (inventory is issuing it)'}</dd>` : nothing}
        <dt>Version</dt><dd>${o.version}</dd>
        <dt>Last change</dt><dd>${nameOf(o.updated_by || o.created_by)} at ${when(o.updated_at || o.created_at)}</dd>
      </dl>
      ${open ? html`<div class="actions">
        <button type="button" @click=${this.startEdit}>Edit order</button>
        ${o.status === 'CONFIRMED' && !o.pending_revision ? html`<button type="button" ?disabled=${this.busy}
          @click=${() => this.step('start-production', 'The order is in production.')}>Start production</button>` : nothing}
        ${o.status === 'IN_PRODUCTION' ? html`<button type="button" ?disabled=${this.busy}
          @click=${() => this.step('complete', 'The order is completed; inventory consumes its stock.')}>Complete order</button>` : nothing}
        ${o.status !== 'IN_PRODUCTION' || session.hasRole('manager', 'admin') ? html`<button type="button" @click=${() => { this.cancelling = true; }}>Cancel order</button>` : nothing}
        </div>` : nothing}`;
  }

  renderEdit() {
    const s = this.stale;
    return html`
      ${s ? html`<div class="banner stale" role="alert">This order was changed by ${nameOf(s.updated_by) || 'someone'} at ${when(s.updated_at)} while you were editing
        (now ${STATUS_TEXT[s.status]}, version ${s.version}).
        <button type="button" @click=${this.reviewStale}>Review: keep my changes on the new version</button></div>` : nothing}
      <form class="record" aria-label="Edit order" @submit=${this.save}>
        ${contactFields(this.draft, (f, v) => { this.draft = { ...this.draft, [f]: v }; })}
        ${linesForm(this.draft.lines, (lines) => { this.draft = { ...this.draft, lines }; }, this.registry,
          this.base.lines.map((l) => l.product_id))}
        <p class="hint">Based on version ${this.baseVersion}.</p>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>Save changes</button>
          <button type="button" @click=${() => { this.editing = false; this.stale = null; }}>Stop editing</button>
        </div>
      </form>`;
  }

  renderConflict() {
    const { current, changes } = this.conflict;
    const stored = editable(current);
    const fields = Object.keys(FIELD_LABELS).filter((f) => f in changes || !same(this.base[f], stored[f]));
    return html`
      <div class="dialog-backdrop">
        <div role="dialog" aria-modal="true" aria-labelledby="conflict-title" class="dialog">
          <h2 id="conflict-title">Someone else changed this order</h2>
          <p>${nameOf(current.updated_by) || 'Another user'} saved version ${current.version} at ${when(current.updated_at)} after you started editing version ${this.baseVersion}.</p>
          <table aria-label="Conflicting changes">
            <thead><tr><th scope="col">Field</th><th scope="col">Your change</th><th scope="col">Now stored</th></tr></thead>
            <tbody>${fields.map((f) => html`<tr data-field=${f}><th scope="row">${FIELD_LABELS[f]}</th>
              <td>${f in changes ? show(f, changes[f]) : html`<span class="muted">(not changed by you)</span>`}</td>
              <td>${show(f, stored[f])}</td></tr>`)}</tbody>
          </table>
          <div class="actions">
            <button type="button" @click=${this.applyMine}>Apply my changes to the current version</button>
            <button type="button" @click=${this.discardMine}>Discard mine</button>
          </div>
        </div>
      </div>`;
  }

  renderHistory() {
    if (!this.history) return nothing;
    const changes = (e) => e.changes.map((c) => `${c.field}: ${c.old_value ?? '—'} → ${c.new_value ?? '—'}`).join('; ');
    return html`
      <h2>History</h2>
      <table aria-label="History">
        <thead><tr><th scope="col">Version</th><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Changes</th></tr></thead>
        <tbody>${this.history.map((e) => html`<tr data-version=${e.version}><td>${e.version}</td><td>${when(e.at)}</td>
          <td>${nameOf(e.actor)}</td><td>${e.kind.toLowerCase().replace('_', ' ')}</td><td>${changes(e)}</td></tr>`)}</tbody>
      </table>`;
  }

  renderCancel() {
    return html`
      <div class="dialog-backdrop">
        <form role="dialog" aria-modal="true" aria-labelledby="cancel-title" class="dialog" @submit=${this.cancelOrder}
>
          <h2 id="cancel-title">Cancel order ${this.order.order_number}</h2>
          <label>Reason <textarea name="reason" required maxlength="1000"></textarea></label>
          ${this.order.status === 'IN_PRODUCTION' ? html`<label><input type="checkbox" name="confirm_in_production" required>
            Cancel although production has started</label>` : nothing}
          <div class="actions">
            <button type="submit" ?disabled=${this.busy}>Cancel the order</button>
            <button type="button" @click=${() => { this.cancelling = false; }}>Keep the order</button>
          </div>
        </form>
      </div>`;
  }
}
customElements.define('misty-order-detail', OrderDetail);
