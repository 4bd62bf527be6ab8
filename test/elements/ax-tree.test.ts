/**
 * Self-tests of the accessibility-tree helpers (test/elements/ax-tree.ts) in
 * plain DOM, one custom element with an open shadow root included. Chromium
 * only: elsewhere they are skipped.
 */
import {expect, fixture, html} from '@open-wc/testing';
import {AX_TREE_AVAILABLE, axFind, axFindAll, axFocused, axLiveRegions, axOutline, axText, axTree} from './ax-tree.js';

/** A host whose open shadow root holds a button and a polite status. */
class AxTreeProbe extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({mode: 'open'}).innerHTML =
      '<button id="dial">Dial contact</button><div role="status" aria-live="polite"><span>Ready</span> <b>3</b> contacts</div>';
  }

  get button(): HTMLButtonElement {
    return this.shadowRoot!.querySelector('button')!;
  }

  get status(): HTMLElement {
    return this.shadowRoot!.querySelector('[role=status]')!;
  }
}
customElements.define('ax-tree-probe', AxTreeProbe);

describe('ax-tree (Chromium accessibility tree over CDP)', function () {
  beforeEach(function () {
    if (!AX_TREE_AVAILABLE) this.skip();
  });

  it('gives a button its role and name, from content or aria-label', async () => {
    await fixture(html`<div><button>Call back</button><button aria-label="Skip contact">×</button></div>`);
    const tree = await axTree();
    expect(await axFind('button', 'Call back', tree), axOutline(tree!.root)).to.exist;
    expect(await axFind('button', 'Skip contact', tree)).to.exist;
    expect(await axFind('button', '×', tree), 'aria-label replaces the content').to.be.null;
    expect((await axFindAll('button', /^(Call back|Skip contact)$/, tree)).map((node) => node.name)).to.deep.equal([
      'Call back',
      'Skip contact',
    ]);
  });

  it('leaves out what is hidden from assistive technology', async () => {
    await fixture(html`<div><div aria-hidden="true"><button>Hidden</button></div><button hidden>Gone</button><button>Shown</button></div>`);
    const tree = await axTree();
    expect(await axFind('button', 'Hidden', tree)).to.be.null;
    expect(await axFind('button', 'Gone', tree)).to.be.null;
    expect(await axFind('button', 'Shown', tree)).to.exist;
    const roles = new Set(tree!.nodes.map((node) => node.role));
    expect(roles.has('none'), 'ignored nodes are left out').to.be.false;
    expect(roles.has('InlineTextBox'), 'line boxes are left out').to.be.false;
  });

  it('reads a description from aria-describedby', async () => {
    await fixture(html`<div><p id="ax-hint">Ends the call for everyone</p><button aria-describedby="ax-hint">Hang up</button></div>`);
    const button = await axFind('button', 'Hang up');
    expect(button?.description).to.equal('Ends the call for everyone');
    expect(button?.properties.describedby).to.deep.equal(['ax-hint']);
  });

  it('reports the focused element', async () => {
    const root = await fixture<HTMLElement>(html`<div><button>First</button><input aria-label="Phone number" value="555-0100" /></div>`);
    root.querySelector('input')!.focus();
    const focused = await axFocused();
    expect(focused).to.include({role: 'textbox', name: 'Phone number', value: '555-0100', focused: true});
  });

  it('sees into an open shadow root: its button, its focus, its status', async () => {
    const host = await fixture<AxTreeProbe>(html`<ax-tree-probe></ax-tree-probe>`);
    host.button.focus();
    expect(document.activeElement, 'the document only sees the host').to.equal(host);
    const tree = await axTree();
    const button = await axFind('button', 'Dial contact', tree);
    expect(button, axOutline(tree!.root)).to.exist;
    expect(await axFocused(tree)).to.equal(button);
    const status = await axFind('status', undefined, tree);
    expect(status?.live).to.equal('polite');
    expect(axText(status!)).to.equal('Ready 3 contacts');
  });

  it('lists live regions with their politeness and current text', async () => {
    const root = await fixture<HTMLElement>(html`
      <div>
        <div id="ax-announcer" aria-live="assertive"></div>
        <div role="alert">Call dropped</div>
        <div role="status"><p>Two</p><p>contacts left</p></div>
        <span role="timer">0:05</span>
        <div>Not live</div>
      </div>
    `);
    root.querySelector('#ax-announcer')!.textContent = 'Contact offered';
    const regions = (await axLiveRegions()).map(({role, live, text}) => ({role, live, text}));
    expect(regions).to.deep.equal([
      {role: 'generic', live: 'assertive', text: 'Contact offered'},
      {role: 'alert', live: 'assertive', text: 'Call dropped'},
      {role: 'status', live: 'polite', text: 'Two contacts left'},
      {role: 'timer', live: 'off', text: '0:05'},
    ]);
  });
});
