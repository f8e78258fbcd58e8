import { LitElement } from 'lit';

/** Light DOM everywhere: one stylesheet, and labels and controls stay plain for assistive tech and tests. */
export class LightElement extends LitElement {
  createRenderRoot() { return this; }
}

/**
 * A list the user acts on row by row (users, service accounts): {@link #run} performs an action, re-reads the
 * list (the rows' versions, before the next action can use them) and keeps the outcome or the refusal on screen;
 * only a failing {@link #load} replaces it. Subclasses implement {@code load()}.
 */
export class ActionListElement extends LightElement {
  static properties = { problem: { state: true }, outcome: { state: true }, secret: { state: true }, busy: { state: true } };

  constructor() {
    super();
    this.problem = null; this.outcome = ''; this.secret = null; this.busy = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async run(action, done) {
    this.busy = true;
    try {
      const r = await action();
      await this.load();
      this.outcome = done(r);
      this.problem = null;
    } catch (p) {
      this.problem = p;
      this.outcome = '';
    } finally {
      this.busy = false;
    }
  }
}
