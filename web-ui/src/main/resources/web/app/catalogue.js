// Products (inventory-service's registry) and clients (order-service) in words: stock records and order lines hold
// their ids. Both are looked up through lookup.js (one read per id: neither service has a read of many ids) and
// kept for the page's life; the product picker reads the whole registry and fills the same cache.
import { api, query } from './api.js';
import { Lookup, eachById } from './lookup.js';

const products = new Lookup(eachById((code) => api('GET', '/api/stock/products/' + encodeURIComponent(code))), 20);
const clients = new Lookup(eachById((id) => api('GET', '/api/clients/' + encodeURIComponent(id))), 20);

/** Learns the products and clients named by these stock records (or anything with product_id/client_id). */
export function resolveProductsAndClients(records) {
  return Promise.all([resolveProducts(records.map((r) => r.product_id)), resolveClients(records.map((r) => r.client_id))]);
}

/** Learns the products of these codes (an order's lines). */
export function resolveProducts(codes) {
  return products.resolve(codes);
}

/** Learns the clients of these ids (what was typed in a client field). */
export function resolveClients(ids) {
  return clients.resolve(ids);
}

/** "Cyan ink (INK-1)" for a product in the registry, else its code as stored. */
export function productLabel(code) {
  const p = products.get(code);
  return p ? `${p.name} (${code})` : code || '';
}

/** The unit a quantity of the product with this code is counted in ("sheets"; "units" outside the registry). */
export function productUnit(code) {
  return unitText(products.get(code));
}

/** Keeps clients read elsewhere (the pickers' matches), so they are named without being asked for again. */
export function rememberClients(list) {
  for (const c of list) clients.remember(c.id, c);
}

/** "Acme Print (ACME)" for a client order-service knows, else the id as stored. */
export function clientLabel(id) {
  const c = clients.get(id);
  return c ? `${c.name} (${c.code})` : id || '';
}

/** Pages of the registry read for the picker; more than this many products are not offered (typed instead). */
const MAX_PAGES = 5;
const PAGE = 200; // inventory-service's largest page

/** The whole product registry (up to 1,000 products), read fresh, by code; every product also fills the cache. */
async function productRegistry() {
  const all = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const r = await api('GET', '/api/stock/products' + query({ page, size: PAGE }));
    all.push(...r.items);
    if (all.length >= r.total || r.items.length < PAGE) break;
  }
  for (const p of all) products.remember(p.code, p);
  return all;
}

/** The product registry by code, for the pickers; null (no picker, no notes) when it cannot be read. */
export async function registryByCode() {
  try {
    return new Map((await productRegistry()).map((p) => [p.code, p]));
  } catch {
    return null;
  }
}

const UNIT_TEXT = { each: 'each', sheet: 'sheets', metre: 'metres', square_metre: 'square metres', kilogram: 'kilograms' };

/** The unit a quantity of {@code product} is counted in; a product not in the registry is counted in whole units. */
export function unitText(product) {
  return product ? UNIT_TEXT[product.unit] || product.unit : 'units';
}
