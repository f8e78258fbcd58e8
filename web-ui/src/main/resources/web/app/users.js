// Admin: users (create, change role, deactivate, reset password with the temporary password shown once), a page
// at a time by username, and the service accounts below them.
import { html, nothing } from 'lit';
import { api, query, session } from './api.js';
import { ActionListElement } from './base.js';
import './service-accounts.js';

const PAGE_SIZE = 50;

const ROLES = ['employee', 'production', 'manager', 'admin'];
const problemBox = (p) => (p ? html`<div class="problem" role="alert">${p.message}</div>` : nothing);

class UsersView extends ActionListElement {
  static properties = { users: { state: true }, offset: { state: true }, hasMore: { state: true } };

  constructor() {
    super();
    this.users = []; this.offset = 0; this.hasMore = false;
  }

  async load() {
    try {
      // One more than a page tells whether a next page exists without counting every user.
      const r = await api('GET', '/api/auth/users' + query({ offset: this.offset, limit: PAGE_SIZE + 1 }));
      this.hasMore = r.length > PAGE_SIZE;
      this.users = r.slice(0, PAGE_SIZE);
    } catch (p) {
      this.problem = p;
    }
  }

  create(e) {
    e.preventDefault();
    const f = e.target;
    const body = { username: f.username.value.trim(), password: f.password.value, role: f.role.value, full_name: f.fullname.value || undefined };
    this.run(() => api('POST', '/api/auth/users', body), (u) => { f.reset(); return `Created ${u.username} (${u.role}).`; });
  }

  changeRole(u, role) {
    this.run(() => api('PATCH', `/api/auth/users/${u.id}`, { role, version: u.version }), (r) => `${r.username} is now ${r.role}.`);
  }

  setActive(u, active) {
    this.run(() => api('PATCH', `/api/auth/users/${u.id}`, { active, version: u.version }),
      (r) => `${r.username} is ${r.active ? 'active again' : 'deactivated; their sessions are ended'}.`);
  }

  resetPassword(u) {
    this.run(() => api('POST', `/api/auth/users/${u.id}/password-reset`, {}), (r) => {
      this.secret = { username: u.username, password: r.temporary_password };
      return `Password of ${u.username} reset; all their sessions are ended.`;
    });
  }

  turnPage(offset) {
    this.offset = Math.max(0, offset);
    this.load();
  }

  render() {
    const me = session.user;
    return html`
      <h1>Users</h1>
      ${this.outcome ? html`<p class="notice" role="status">${this.outcome}</p>` : nothing}
      ${this.secret ? html`<div class="notice" role="status">Temporary password for ${this.secret.username} (shown only now):
        <code>${this.secret.password}</code> <button type="button" @click=${() => { this.secret = null; }}>Done</button></div>` : nothing}
      ${problemBox(this.problem)}
      <table aria-label="Users">
        <thead><tr><th scope="col">Username</th><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Active</th><th scope="col">Actions</th></tr></thead>
        <tbody>${this.users.map((u) => html`<tr>
          <td>${u.username}</td><td>${u.full_name || ''}</td>
          <td><select aria-label="Role of ${u.username}" ?disabled=${this.busy || u.id === me.id} @change=${(e) => this.changeRole(u, e.target.value)}>
            ${ROLES.map((r) => html`<option value=${r} ?selected=${r === u.role}>${r}</option>`)}</select></td>
          <td>${u.active ? 'yes' : 'no'}${u.password_reset_required ? html` <span class="status needs-action"
            title="Imported from the original system with a password this suite cannot check: they cannot sign in until you reset it">needs a password reset</span>` : nothing}</td>
          <td>${u.id === me.id ? html`<span class="muted">you</span>` : html`
            <button type="button" ?disabled=${this.busy} aria-label="${u.active ? 'Deactivate' : 'Activate'} ${u.username}" @click=${() => this.setActive(u, !u.active)}>${u.active ? 'Deactivate' : 'Activate'}</button>
            <button type="button" ?disabled=${this.busy} aria-label="Reset password of ${u.username}" @click=${() => this.resetPassword(u)}>Reset password</button>`}</td></tr>`)}</tbody>
      </table>
      <nav class="pager" aria-label="Pages of users">
        <span>${this.users.length === 0 ? 'No users' : `Users ${this.offset + 1}–${this.offset + this.users.length}`}</span>
        <button type="button" ?disabled=${this.offset === 0} @click=${() => this.turnPage(this.offset - PAGE_SIZE)}>Previous page</button>
        <button type="button" ?disabled=${!this.hasMore} @click=${() => this.turnPage(this.offset + PAGE_SIZE)}>Next page</button>
      </nav>
      <form class="record" aria-label="New user" @submit=${this.create}>
        <h2>New user</h2>
        <label>New username <input name="username" required autocomplete="off"></label>
        <label>Full name <input name="fullname"></label>
        <label>Role <select name="role" aria-label="Role of the new user">${ROLES.map((r) => html`<option value=${r}>${r}</option>`)}</select></label>
        <label>Initial password <input name="password" type="password" required minlength="12" autocomplete="new-password"></label>
        <button type="submit" ?disabled=${this.busy}>Create user</button>
      </form>
      <misty-service-accounts></misty-service-accounts>`;
  }
}
customElements.define('misty-users', UsersView);
