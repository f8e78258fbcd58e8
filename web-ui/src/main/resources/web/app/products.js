// Products: the catalogue (code, name, unit of measure) for admins and managers. Edits name the version they were
// based on; a 409 says who won and offers the current product.
import { html, nothing } from 'lit';
import { api, query } from './api.js';
import { LightElement } from './base.js';

const UNITS = [['each', 'each'], ['sheet', 'sheet'], ['metre', 'metre (3 decimals)'], ['square_metre', 'square metre (3 decimals)'],
  ['kilogram', 'kilogram (3 decimals)']];
const unitOptions = (selected) => UNITS.map(([code, label]) => html`<option value=${code} ?selected=${code === selected}>${label}</option>`);

class ProductList extends LightElement {
  static properties = { items: { state: true }, problem: { state: true }, outcome: { state: true }, editing: { state: true }, busy: { state: true } };

  constructor() {
    super();
    this.items = []; this.problem = null; this.outcome = ''; this.editing = null; this.busy = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    // Only the last read started is shown: an earlier one answering late would put older versions back in the rows.
    const read = this.reads = (this.reads || 0) + 1;
    try {
      const items = (await api('GET', '/api/stock/products' + query({ size: 200 }))).items;
      if (read === this.reads) this.items = items;
    } catch (p) {
      this.problem = p;
    }
  }

  /**
   * Runs a change, then reads the list again; the buttons stay disabled and the outcome is announced only once the
   * rows show the stored versions, so a Delete pressed right after "Saved" sends the new version, not the old one.
   */
  async run(action, outcome) {
    this.busy = true;
    let done = false;
    try {
      await action();
      done = true; this.problem = null;
    } catch (p) {
      this.outcome = '';
      if (p.code === 'VERSION_CONFLICT') p.message = `${p.message} The product was reloaded with the current version.`;
      this.problem = p;
    } finally {
      await this.load();
      if (this.editing) this.editing = this.items.find((i) => i.code === this.editing.code) || null;
      if (done) this.outcome = outcome;
      this.busy = false;
    }
    return done;
  }

  async create(e) {
    e.preventDefault();
    const f = e.target;
    const body = { code: f.code.value.trim(), name: f.name.value.trim(), unit: f.unit.value };
    if (await this.run(() => api('POST', '/api/stock/products', body), `Created ${body.code}.`)) f.reset();
  }

  async save(e) {
    e.preventDefault();
    const f = e.target;
    const p = this.editing;
    if (await this.run(() => api('PUT', '/api/stock/products/' + encodeURIComponent(p.code),
      { name: f.name.value.trim(), unit: f.unit.value, version: p.version }), `Saved ${p.code}.`)) this.editing = null;
  }

  async remove(p) {
    await this.run(() => api('DELETE', '/api/stock/products/' + encodeURIComponent(p.code) + query({ version: p.version })), `Deleted ${p.code}.`);
  }

  render() {
    const e = this.editing;
    return html`
      <h1>Products</h1>
      ${this.outcome ? html`<p class="notice" role="status">${this.outcome}</p>` : nothing}
      ${this.problem ? html`<div class="problem" role="alert">${this.problem.message}</div>` : nothing}
      <table aria-label="Products">
        <thead><tr><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Unit</th><th scope="col">Version</th><th scope="col">Actions</th></tr></thead>
        <tbody>${this.items.map((p) => html`<tr><td>${p.code}</td><td>${p.name}</td><td>${p.unit}</td><td>${p.version}</td>
          <td><button type="button" aria-label="Edit ${p.code}" @click=${() => { this.editing = p; }}>Edit</button>
          <button type="button" aria-label="Delete ${p.code}" ?disabled=${this.busy} @click=${() => this.remove(p)}>Delete</button></td></tr>`)}</tbody>
      </table>
      <div class="forms">
        <form class="record" aria-label="New product" @submit=${(ev) => this.create(ev)}>
          <h2>New product</h2>
          <label>Code <input name="code" required pattern="[A-Za-z0-9][A-Za-z0-9._\\-]*"></label>
          <label>Name <input name="name" required></label>
          <label>Unit <select name="unit">${unitOptions('each')}</select></label>
          <button type="submit" ?disabled=${this.busy}>Create product</button>
        </form>
        ${e ? html`
        <form class="record" aria-label="Edit product" @submit=${(ev) => this.save(ev)}>
          <h2>Edit ${e.code} (version ${e.version})</h2>
          <label>Name <input name="name" required .value=${e.name}></label>
          <label>Unit <select name="unit">${unitOptions(e.unit)}</select></label>
          <button type="submit" ?disabled=${this.busy}>Save product</button>
          <button type="button" @click=${() => { this.editing = null; }}>Cancel</button>
        </form>` : nothing}
      </div>`;
  }
}
customElements.define('misty-products', ProductList);
