// Clients: the list (search by code or name, active or not, paging), creating one, editing one based on its version
// (If-Match) with the field-by-field conflict dialog from the 409 body, deactivating and reactivating.
import { html, nothing } from 'lit';
import { api, query } from './api.js';
import { LightElement } from './base.js';
import { ModalFocus } from './dialogs.js';
import { nameOf, resolveNames } from './names.js';

const PAGE_SIZE = 20;
const FIELDS = { name: 'Name', contact: 'Main contact', billing_address: 'Billing address', delivery_address: 'Delivery address', notes: 'Notes' };
const problemBox = (p) => (p ? html`<div class="problem" role="alert">${p.message}</div>` : nothing);

/** The form's view of a client: strings; the first contact stands for the contacts the form edits. */
function editable(c) {
  const first = c.contacts[0] || {};
  return {
    name: c.name || '', billing_address: c.billing_address || '', delivery_address: c.delivery_address || '', notes: c.notes || '',
    contact: { name: first.name || '', email: first.email || '', phone: first.phone || '', role: first.role || '' },
  };
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const show = (f, v) => (f === 'contact' ? [v.name, v.email, v.phone].filter(Boolean).join(', ') || '—' : v || '—');

/** The PATCH body for the fields this user changed (the contact replaces the client's first contact). */
function patchOf(client, changes) {
  const body = {};
  for (const [f, v] of Object.entries(changes)) {
    if (f === 'contact') {
      const contact = Object.fromEntries(Object.entries(v).filter(([, x]) => x));
      body.contacts = contact.name ? [contact, ...client.contacts.slice(1)] : client.contacts.slice(1);
    } else {
      body[f] = v;
    }
  }
  return body;
}

class ClientsView extends LightElement {
  static properties = {
    items: { state: true }, total: { state: true }, page: { state: true }, filters: { state: true }, problem: { state: true },
    notice: { state: true }, editing: { state: true }, draft: { state: true }, conflict: { state: true }, busy: { state: true },
  };

  constructor() {
    super();
    this.items = []; this.total = 0; this.page = 0; this.filters = {}; this.problem = null; this.notice = '';
    this.editing = null; this.draft = null; this.conflict = null; this.busy = false;
    // Escape leaves the dialog for the edit form, the user's changes still in it.
    new ModalFocus(this, { isOpen: () => this.conflict, close: () => { this.conflict = null; } });
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    // Only the last read started is shown: an earlier one answering late would put older versions back in the rows.
    const read = this.reads = (this.reads || 0) + 1;
    try {
      const r = await api('GET', '/api/clients' + query({ ...this.filters, page: this.page, size: PAGE_SIZE }));
      if (read !== this.reads) return;
      this.items = r.items; this.total = r.total;
    } catch (p) {
      this.problem = p;
    }
  }

  search(e) {
    e.preventDefault();
    this.filters = { q: e.target.q.value.trim(), active: e.target.active.value };
    this.page = 0;
    this.load();
  }

  async create(e) {
    e.preventDefault();
    const f = e.target;
    const body = { code: f.code.value.trim(), name: f.name.value.trim() };
    if (f.contact.value.trim()) body.contacts = [{ name: f.contact.value.trim(), email: f.email.value.trim() || undefined, phone: f.phone.value.trim() || undefined }];
    for (const a of ['billing_address', 'delivery_address']) if (f[a].value.trim()) body[a] = f[a].value.trim();
    this.busy = true;
    try {
      const c = await api('POST', '/api/clients', body);
      f.reset();
      this.notice = `Created client ${c.code} (${c.name}).`; this.problem = null;
      await this.load();
    } catch (p) {
      this.problem = p;
    } finally {
      this.busy = false;
    }
  }

  edit(client) {
    this.editing = client; this.base = editable(client); this.draft = editable(client); this.notice = ''; this.problem = null;
  }

  save(e) {
    e.preventDefault();
    const changes = {};
    for (const f of Object.keys(FIELDS)) if (!same(this.base[f], this.draft[f])) changes[f] = this.draft[f];
    if (Object.keys(changes).length === 0) { this.editing = null; this.notice = 'Nothing to save: no field was changed.'; return; }
    this.send(this.editing, changes);
  }

  async send(client, changes) {
    this.busy = true;
    try {
      const saved = await api('PATCH', `/api/clients/${encodeURIComponent(client.id)}`, patchOf(client, changes), { 'If-Match': `"${client.version}"` });
      this.editing = null; this.conflict = null; this.problem = null;
      this.showStored(saved);
      this.notice = `Saved ${saved.code} (version ${saved.version}).`;
      await this.load();
    } catch (p) {
      if (p.code === 'VERSION_CONFLICT' && p.body && p.body.current_client) {
        await resolveNames([p.body.current_client.updated_by]);
        this.conflict = { current: p.body.current_client, changes };
      } else {
        this.problem = p;
      }
    } finally {
      this.busy = false;
    }
  }

  applyMine() {
    const { current, changes } = this.conflict;
    this.conflict = null;
    this.editing = current; this.base = editable(current); this.draft = { ...this.base, ...changes };
    this.send(current, changes);
  }

  discardMine() {
    this.conflict = null; this.editing = null;
    this.notice = 'Your changes were discarded; the list shows the client as now stored.';
    this.load();
  }

  /**
   * The row of a client just saved shows what the server stored, before the list is read again: the row's buttons
   * send its version, and one pressed meanwhile would otherwise send the old one and meet a 409.
   */
  showStored(client) {
    this.items = this.items.map((i) => (i.id === client.id ? client : i));
  }

  async setActive(client, active) {
    try {
      const c = await api('POST', `/api/clients/${encodeURIComponent(client.id)}/${active ? 'activate' : 'deactivate'}`, undefined, { 'If-Match': `"${client.version}"` });
      this.showStored(c);
      this.notice = `${c.code} is ${c.active ? 'active again' : 'deactivated: no new orders for it'}.`; this.problem = null;
      await this.load();
    } catch (p) {
      this.problem = p;
    }
  }

  render() {
    const pages = Math.max(1, Math.ceil(this.total / PAGE_SIZE));
    return html`
      <h1>Clients</h1>
      <form class="filters" role="search" aria-label="Search clients" @submit=${this.search}>
        <label>Code or name <input name="q"></label>
        <label>Active <select name="active"><option value="">Any</option><option value="true">Active</option><option value="false">Deactivated</option></select></label>
        <button type="submit">Search</button>
      </form>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${problemBox(this.problem)}
      <table aria-label="Clients">
        <thead><tr><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Main contact</th><th scope="col">Active</th><th scope="col">Actions</th></tr></thead>
        <tbody>${this.items.map((c) => html`<tr data-client=${c.id}>
          <td>${c.code}</td><td>${c.name}</td><td>${show('contact', editable(c).contact)}</td><td>${c.active ? 'yes' : 'no'}</td>
          <td><button type="button" @click=${() => this.edit(c)}>Edit ${c.code}</button>
            <button type="button" @click=${() => this.setActive(c, !c.active)}>${c.active ? 'Deactivate' : 'Reactivate'} ${c.code}</button></td></tr>`)}</tbody>
      </table>
      <nav class="pager" aria-label="Pages">
        <button type="button" ?disabled=${this.page === 0} @click=${() => { this.page -= 1; this.load(); }}>Previous page</button>
        <span>Page ${this.page + 1} of ${pages} (${this.total} clients)</span>
        <button type="button" ?disabled=${this.page + 1 >= pages} @click=${() => { this.page += 1; this.load(); }}>Next page</button>
      </nav>
      ${this.editing ? this.renderEdit() : this.renderCreate()}
      ${this.conflict ? this.renderConflict() : nothing}`;
  }

  renderCreate() {
    return html`
      <h2>New client</h2>
      <form class="record" aria-label="New client" @submit=${this.create}>
        <label>Code <input name="code" required maxlength="40"></label>
        <label>Name <input name="name" required maxlength="200"></label>
        <label>Contact name <input name="contact"></label>
        <label>Contact email <input name="email" type="email"></label>
        <label>Contact phone <input name="phone"></label>
        <label>Billing address <textarea name="billing_address"></textarea></label>
        <label>Delivery address <textarea name="delivery_address"></textarea></label>
        <button type="submit" ?disabled=${this.busy}>Create client</button>
      </form>`;
  }

  renderEdit() {
    const d = this.draft;
    const set = (f, v) => { this.draft = { ...this.draft, [f]: v }; };
    const setContact = (f, v) => set('contact', { ...d.contact, [f]: v });
    return html`
      <h2>Edit client ${this.editing.code}</h2>
      <form class="record" aria-label="Edit client" @submit=${this.save}>
        <label>Name <input required .value=${d.name} @input=${(e) => set('name', e.target.value)}></label>
        <label>Contact name <input .value=${d.contact.name} @input=${(e) => setContact('name', e.target.value)}></label>
        <label>Contact email <input type="email" .value=${d.contact.email} @input=${(e) => setContact('email', e.target.value)}></label>
        <label>Contact phone <input .value=${d.contact.phone} @input=${(e) => setContact('phone', e.target.value)}></label>
        <label>Billing address <textarea .value=${d.billing_address} @input=${(e) => set('billing_address', e.target.value)}></textarea></label>
        <label>Delivery address <textarea .value=${d.delivery_address} @input=${(e) => set('delivery_address', e.target.value)}></textarea></label>
        <label>Notes <textarea .value=${d.notes} @input=${(e) => set('notes', e.target.value)}></textarea></label>
        <p class="hint">Based on version ${this.editing.version}.</p>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>Save client</button>
          <button type="button" @click=${() => { this.editing = null; }}>Stop editing</button>
        </div>
      </form>`;
  }

  renderConflict() {
    const { current, changes } = this.conflict;
    const stored = editable(current);
    const fields = Object.keys(FIELDS).filter((f) => f in changes || !same(this.base[f], stored[f]));
    return html`
      <div class="dialog-backdrop">
        <div role="dialog" aria-modal="true" aria-labelledby="client-conflict-title" class="dialog">
          <h2 id="client-conflict-title">Someone else changed this client</h2>
          <p>${nameOf(current.updated_by) || 'Another user'} saved version ${current.version} after you started editing version ${this.editing.version}.</p>
          <table aria-label="Conflicting changes">
            <thead><tr><th scope="col">Field</th><th scope="col">Your change</th><th scope="col">Now stored</th></tr></thead>
            <tbody>${fields.map((f) => html`<tr data-field=${f}><th scope="row">${FIELDS[f]}</th>
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
}
customElements.define('misty-clients', ClientsView);
