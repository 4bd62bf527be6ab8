/**
 * The React wrappers' events come from the `@fires` tags, through
 * custom-elements.json, into src/react/events.generated.ts (`npm run analyze`):
 * every event of the manifest is typed, the generated map is the manifest's,
 * each wrapper (rendered, in Node) takes every event of its element as a prop,
 * and no entry of the package but `campaign-preview-kit/react` brings React in.
 * The last check reads dist/: test/run-all.mjs builds before the core tests.
 */
import assert from 'node:assert/strict';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';
import {describe, it} from 'node:test';
import {createElement, type ComponentType} from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import * as wrappers from '../../src/react/index.js';
import {reactEvents} from '../../src/react/events.generated.js';
import {REACT_EVENTS_FILE, elementsOf, reactEventsSource, reactPropName} from '../support/cem-events.mjs';

const root = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));

const elements = elementsOf(manifest);
const eventsOf = (tag: string) => elements.find((el) => el.tagName === tag)?.events ?? [];

describe('React wrappers and the manifest events', () => {
  it('the manifest has the elements, and every event names its type', () => {
    assert.deepEqual(elements.map((el) => el.tagName).sort(), [
      'call-timer',
      'campaign-preview',
      'campaign-provider',
      'campaign-task-card',
    ]);
    for (const el of elements) {
      for (const event of el.events ?? []) assert.ok(event.type?.text, `<${el.tagName}> ${event.name} has no type in its @fires`);
    }
    assert.ok(eventsOf('campaign-task-card').some((event) => event.name === 'campaign-set-disposition'));
  });

  it(`${REACT_EVENTS_FILE} is what custom-elements.json gives (run npm run analyze)`, () => {
    assert.equal(readFileSync(join(root, REACT_EVENTS_FILE), 'utf8'), reactEventsSource(manifest));
  });

  it('the generated map has, for each element, each of its events under its prop, and nothing else', () => {
    assert.deepEqual(Object.keys(reactEvents).sort(), elements.map((el) => el.tagName).sort());
    for (const el of elements) {
      const expected = (el.events ?? []).map((event) => [reactPropName(event.name), event.name]);
      assert.deepEqual(Object.entries(reactEvents[el.tagName as keyof typeof reactEvents]), expected, el.tagName);
    }
  });

  it('prop names: the campaign- prefix goes, unless React has a DOM event of that name', () => {
    assert.equal(reactPropName('campaign-accept'), 'onAccept');
    assert.equal(reactPropName('campaign-cancel-call'), 'onCancelCall');
    assert.equal(reactPropName('campaign-set-disposition'), 'onSetDisposition');
    assert.equal(reactPropName('campaign-error'), 'onCampaignError');
  });

  // @lit/react takes the props of its `events` (and the element's properties) for
  // the element; any other prop React renders, here as an attribute. So each
  // event prop, given a string, must not come out in the markup.
  const rendered = Object.entries(wrappers).map(([name, component]) => {
    const markup = renderToStaticMarkup(createElement(component as ComponentType));
    return {name, component: component as ComponentType<Record<string, string>>, tag: /^<([a-z-]+)/.exec(markup)?.[1] ?? ''};
  });

  it('there is a wrapper for every element of the manifest', () => {
    assert.deepEqual(rendered.map((w) => w.tag).sort(), elements.map((el) => el.tagName).sort());
  });

  for (const {name, component, tag} of rendered) {
    it(`${name} takes every event of <${tag}> in the manifest as a prop`, () => {
      const props = Object.fromEntries(eventsOf(tag).map((event) => [reactPropName(event.name), 'probe']));
      const markup = renderToStaticMarkup(createElement(component, {...props, onNotAnEvent: 'probe'}));
      assert.match(markup, /onNotAnEvent="probe"/, 'a prop that is no event is rendered (the probe works)');
      const missed = Object.keys(props).filter((prop) => markup.includes(`${prop}=`));
      assert.deepEqual(missed, [], `${name} misses events of <${tag}>`);
    });
  }

  it('no file of dist/ but dist/react/ refers to react or @lit/react (hosts without React need neither)', () => {
    const dist = join(root, 'dist');
    assert.ok(existsSync(join(dist, 'react/index.d.ts')), 'dist/ is missing: run npm run build first');
    const files = readdirSync(dist, {recursive: true, withFileTypes: true})
      .filter((entry) => entry.isFile() && /\.(js|ts)$/.test(entry.name))
      .map((entry) => relative(dist, join(entry.parentPath, entry.name)));
    const react = /['"](react|react-dom|@lit\/react)(\/[^'"]*)?['"]|types=["']react/;
    const offenders = files.filter((file) => !file.startsWith('react/') && react.test(readFileSync(join(dist, file), 'utf8')));
    assert.deepEqual(offenders, []);
    assert.match(readFileSync(join(dist, 'react/index.js'), 'utf8'), /from '@lit\/react'/, 'the check sees an import of @lit/react');
  });
});
