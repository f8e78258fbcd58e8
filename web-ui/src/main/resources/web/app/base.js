import { LitElement } from 'lit';

/** Light DOM everywhere: one stylesheet, and labels and controls stay plain for assistive tech and tests. */
export class LightElement extends LitElement {
  createRenderRoot() { return this; }
}
