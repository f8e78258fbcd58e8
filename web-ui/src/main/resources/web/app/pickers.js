// The registry pickers the forms share (new order, order edit, stock filters and movements): a client by code or
// name (order-service's clients matching what is typed) and a product by code with its name and unit (the product
// registry). Neither refuses what it does not know: an order or a stock record may name an id the registries lack
// (stock from before the registry, a client created elsewhere), so an unknown one is explained, and the service
// decides.
import { html, nothing } from 'lit';
import { api, query } from './api.js';
import { clientLabel, rememberClients, resolveClients, unitText } from './catalogue.js';

/** How long typing pauses before the clients matching it are asked for. */
const TYPING_PAUSE_MS = 200;

/**
 * The clients offered for one form's client field (a datalist of ids labelled "CODE — name"), re-read as the user
 * types. What was typed may be an id, a code or the offered label; {@link idOf} turns it into the id to send.
 */
export class ClientChoices {
  /**
   * @param host the Lit element to re-render when the choices change
   * @param listId the datalist's id (unique on the page)
   * @param activeOnly whether only active clients are offered (new orders; stock is kept for deactivated ones too)
   */
  constructor(host, listId, activeOnly) {
    this.host = host; this.listId = listId; this.activeOnly = activeOnly;
    this.items = [];
    this.timer = null;
    this.pending = null; // what was typed and is being looked up (no verdict on it yet)
  }

  /** The active (or all) clients whose code starts with, or whose name holds, {@code text}. */
  async find(text) {
    try {
      this.items = (await api('GET', '/api/clients' + query({ q: text.trim(), active: this.activeOnly ? 'true' : '', size: 50 }))).items;
      rememberClients(this.items); // named by clientLabel from now on, also once other clients are offered
    } catch {
      this.items = [];
    }
    this.itemsFor = text.trim();
    this.host.requestUpdate();
  }

  /** Call on every input: offers the clients matching it and learns the name of a typed id, after a pause in typing. */
  typed(text) {
    clearTimeout(this.timer);
    if (this.match(text)) return;
    this.pending = text.trim();
    this.timer = setTimeout(async () => {
      await Promise.all([this.find(text), resolveClients([text.trim()])]);
      if (this.pending === text.trim()) this.pending = null;
      this.host.requestUpdate();
    }, TYPING_PAUSE_MS);
  }

  match(text) {
    const t = (text || '').trim();
    return t ? this.items.find((c) => c.id === t || c.code === t || `${c.code} — ${c.name}` === t) : undefined;
  }

  /** The client id to send for what was typed: the picked or named client's, else the text as typed. */
  idOf(text) {
    const c = this.match(text);
    return c ? c.id : (text || '').trim();
  }

  datalist() {
    return html`<datalist id=${this.listId}>${this.items.map((c) => html`<option value=${c.id}>${c.code} — ${c.name}</option>`)}</datalist>`;
  }

  /** Under the field: the client's name, or why an id nobody knows is still sent. */
  note(text) {
    const t = (text || '').trim();
    if (!t || t === this.pending) return '';
    const c = this.match(t);
    if (c) return `${c.name} (${c.code})`;
    const label = clientLabel(t);
    if (label !== t) return label;
    const n = this.itemsFor === t ? this.items.length : 0;
    if (n) return `${n === 1 ? '1 client matches' : `${n} clients match`} "${t}": pick one from the list.`;
    return `${t} is not a client order-service knows: it is used as typed. Pick a client from the list to be sure.`;
  }
}

/** The product registry as a datalist: code, with name and unit. */
export function productChoices(registry, listId) {
  return registry ? html`<datalist id=${listId}>${[...registry.values()].map((p) => html`<option value=${p.code}>${p.name} (${unitText(p)})</option>`)}</datalist>` : nothing;
}

/**
 * Under a product field: the product's name, or, for a code the registry does not hold, why it is still accepted.
 * {@code stored}: the codes the record already had (an order's lines), explained as removed from the registry.
 */
export function productNote(code, registry, { stored = [], unknown } = {}) {
  const c = (code || '').trim();
  if (!registry || !c) return '';
  if (registry.has(c)) return registry.get(c).name;
  if (stored.includes(c)) {
    return `${c} is not in the product registry any more (removed, or never added). Pick a current product, or keep it if stock of it is still held (counted in whole units).`;
  }
  return `${c} is not in the product registry. ${unknown}`;
}

/**
 * How a quantity of the product is counted, for the quantity field's description: "sheets, whole numbers",
 * "kilograms, up to 3 decimals"; a code outside the registry is counted in whole units. Not enforced by the field
 * (step="any"): inventory refuses more decimals than the unit allows and its reason is shown.
 */
export function quantityRule(product) {
  if (!product) return 'units, whole numbers';
  return `${unitText(product)}, ${product.decimals ? `up to ${product.decimals} decimals` : 'whole numbers'}`;
}
