// Admin: service accounts, the machine clients that take tokens with client credentials (a scanner station, an
// ERP link). The secret is in the answer that creates or rotates it and nowhere else, so it is shown once here
// with a warning; disabling an account or changing its roles voids the tokens it holds (auth-service).
import { html, nothing } from 'lit';
import { api } from './api.js';
import { ActionListElement } from './base.js';

const ROLES = ['employee', 'production', 'manager', 'admin'];
const problemBox = (p) => (p ? html`<div class="problem" role="alert">${p.message}</div>` : nothing);
const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');

class ServiceAccountsView extends ActionListElement {
  static properties = { accounts: { state: true } };

  constructor() {
    super();
    this.accounts = [];
  }

  async load() {
    try {
      this.accounts = await api('GET', '/api/auth/service-accounts');
    } catch (p) {
      this.problem = p;
    }
  }

  showSecret(account) {
    this.secret = { name: account.name, clientId: account.client_id, secret: account.client_secret };
  }

  create(e) {
    e.preventDefault();
    const f = e.target;
    const roles = ROLES.filter((r) => f[`role-${r}`].checked);
    this.run(() => api('POST', '/api/auth/service-accounts', { name: f.account.value.trim(), roles }), (a) => {
      f.reset();
      this.showSecret(a);
      return `Created service account ${a.name} (${a.roles.join(', ')}).`;
    });
  }

  rotate(a) {
    this.run(() => api('POST', `/api/auth/service-accounts/${a.id}/secret`), (r) => {
      this.showSecret(r);
      return `New secret for ${a.name}; the old one no longer works.`;
    });
  }

  setActive(a, active) {
    this.run(() => api('PATCH', `/api/auth/service-accounts/${a.id}`, { active, version: a.version }),
      (r) => `${r.name} is ${r.active ? 'enabled again' : 'disabled; its tokens no longer work'}.`);
  }

  render() {
    return html`
      <h2>Service accounts</h2>
      ${this.outcome ? html`<p class="notice" role="status">${this.outcome}</p>` : nothing}
      ${this.secret ? html`<div class="notice" role="status" aria-label="Secret of ${this.secret.name}">
        Client id <code>${this.secret.clientId}</code>, secret (shown only now; store it in the client's configuration):
        <code class="secret">${this.secret.secret}</code>
        <button type="button" @click=${() => { this.secret = null; }}>I have stored it</button></div>` : nothing}
      ${problemBox(this.problem)}
      <table aria-label="Service accounts">
        <thead><tr><th scope="col">Name</th><th scope="col">Client id</th><th scope="col">Roles</th><th scope="col">Active</th>
          <th scope="col">Secret rotated</th><th scope="col">Actions</th></tr></thead>
        <tbody>${this.accounts.map((a) => html`<tr>
          <td>${a.name}</td><td><code>${a.client_id}</code></td><td>${a.roles.join(', ')}</td><td>${a.active ? 'yes' : 'no'}</td>
          <td>${when(a.secret_rotated_at)}</td>
          <td><button type="button" ?disabled=${this.busy} aria-label="Rotate the secret of ${a.name}" @click=${() => this.rotate(a)}>Rotate secret</button>
            <button type="button" ?disabled=${this.busy} aria-label="${a.active ? 'Disable' : 'Enable'} ${a.name}" @click=${() => this.setActive(a, !a.active)}>${a.active ? 'Disable' : 'Enable'}</button></td></tr>`)}</tbody>
      </table>
      <form class="record" aria-label="New service account" @submit=${this.create}>
        <h3>New service account</h3>
        <label>Account name <input name="account" required maxlength="64" autocomplete="off"></label>
        <fieldset><legend>Roles</legend>
          ${ROLES.map((r) => html`<label class="inline"><input type="checkbox" name="role-${r}" ?checked=${r === 'production'}> ${r}</label>`)}
        </fieldset>
        <button type="submit" ?disabled=${this.busy}>Create service account</button>
      </form>`;
  }
}
customElements.define('misty-service-accounts', ServiceAccountsView);
