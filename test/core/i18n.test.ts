import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  formatDuration,
  isolate,
  isolateLtr,
  loadMessages,
  loadedMessages,
  messagesFor,
  reasonText,
  registerMessages,
} from '../../src/i18n/index.js';
import {en} from '../../src/i18n/en.js';
import {alertMessages} from '../../src/attention/alert-text.js';

describe('localization', () => {
  it('formats durations as m:ss then h:mm:ss, never negative', () => {
    assert.equal(formatDuration(0), '0:00');
    assert.equal(formatDuration(65_400), '1:05');
    assert.equal(formatDuration(3_725_000), '1:02:05');
    assert.equal(formatDuration(-5_000), '0:00');
    assert.equal(formatDuration(Number.NaN), '0:00');
    assert.equal(formatDuration(11_200, 'ceil'), '0:12', 'countdowns round up');
  });

  it('keeps times left to right inside right-to-left text', () => {
    assert.equal(isolateLtr('0:12'), '\u20660:12\u2069');
  });

  it('isolates dialer text inside a sentence: an override it leaves open ends with it', () => {
    assert.equal(isolate('\u202EEve'), '\u2068\u202EEve\u2069');
    assert.equal(
      en.attemptFailed(isolate('\u202EEve'), isolate('busy')),
      'The call to \u2068\u202EEve\u2069 did not go through: \u2068busy\u2069.',
    );
  });

  it('an alert has its words loaded first: once loaded, and at once when they are here', async () => {
    assert.equal(loadedMessages('pt-BR'), undefined, 'not loaded before anything asks for it');
    const said: string[] = [];
    alertMessages('pt-BR').subscribe((msg) => said.push(msg.alertReservationBody));
    assert.equal(said.length, 0, 'nothing said before the words are here');
    await loadMessages('pt-BR');
    await new Promise((resolve) => setTimeout(resolve));
    assert.deepEqual(said, [messagesFor('pt-BR').alertReservationBody]);
    assert.notEqual(said[0], en.alertReservationBody);
    alertMessages('pt-BR').subscribe((msg) => said.push(msg.alertReservationBody));
    assert.equal(said.length, 2, 'at once when loaded');
    alertMessages('en').subscribe((msg) => said.push(msg.alertReservationBody));
    assert.equal(said[2], en.alertReservationBody, 'English at once');
  });

  it('has English at once, and loads Arabic when first asked for, once for all who ask', async () => {
    assert.equal(loadedMessages('en')?.accept, 'Accept');
    assert.equal(loadedMessages('ar'), undefined, 'not loaded before anything asks for it');
    assert.equal(loadedMessages('ar-EG'), undefined);
    const loading = loadMessages('ar');
    assert.equal(loadMessages('ar'), loading, 'one load for all who ask');
    assert.equal(messagesFor('ar').accept, 'Accept', 'English until loaded');
    assert.equal((await loading).accept, 'قبول');
    assert.equal(messagesFor('ar').accept, 'قبول', 'synchronous once loaded');
    assert.equal(messagesFor('ar-EG').accept, 'قبول', 'and for its regions');
    assert.equal((await loadMessages('xx')).accept, 'Accept', 'an unknown language resolves with English');
  });

  it('messagesFor starts loading a language it does not have yet, for the next call', async () => {
    assert.equal(loadedMessages('pt-PT'), undefined);
    assert.equal(messagesFor('pt-PT').accept, 'Accept');
    // Nothing else asks for it: the call above did.
    for (let wait = 0; wait < 200 && !loadedMessages('pt-PT'); wait++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(messagesFor('pt-PT').accept, 'Aceitar');
  });

  it('finds a language by tag, then by language, then falls back to English', async () => {
    await Promise.all(['pt-BR', 'pt-PT', 'ar'].map(loadMessages));
    assert.equal(messagesFor('pt-BR').accept, 'Aceitar');
    assert.equal(messagesFor('pt-PT').accept, 'Aceitar');
    assert.equal(messagesFor('AR').accept, 'قبول');
    assert.equal(messagesFor('xx').accept, 'Accept');
    assert.equal(messagesFor(undefined).accept, 'Accept');
  });

  it("announces seconds with each language's plural forms", async () => {
    await Promise.all(['pt-BR', 'ar'].map(loadMessages));
    assert.equal(messagesFor('ar').countdownAnnouncement('skip', 10, '10'), 'التخطي خلال 10 ثوانٍ');
    assert.equal(messagesFor('ar').countdownAnnouncement('skip', 30, '30'), 'التخطي خلال 30 ثانية');
    assert.equal(messagesFor('en').countdownAnnouncement('accept', 1, '1'), 'Accepting in 1 second');
    assert.equal(messagesFor('pt-BR').countdownAnnouncement('remove', 5, '5'), 'Removendo em 5 segundos');
  });

  it('lets a host register a language', () => {
    registerMessages('es', {...en, accept: 'Aceptar'});
    assert.equal(messagesFor('es-MX').accept, 'Aceptar');
  });

  it("a host's own catalog for a language the kit ships wins, whether registered before the kit's loads or after", async () => {
    registerMessages('ar-EG', {...en, accept: 'Host ar-EG'});
    const loading = loadMessages('ar-EG');
    assert.equal(messagesFor('ar-EG').accept, 'Host ar-EG', 'registered: at hand at once');
    assert.equal((await loading).accept, 'Host ar-EG');
    registerMessages('ar', {...en, accept: 'Host ar'});
    assert.equal((await loadMessages('ar')).accept, 'Host ar');
    assert.equal(messagesFor('ar-SA').accept, 'Host ar');
  });

  it('translates known failure reasons and shows others as sent, even prototype names, isolated for a sentence', async () => {
    await loadMessages('pt-BR');
    assert.equal(reasonText(messagesFor('pt-BR'), 'busy'), isolate('ocupado'));
    assert.equal(reasonText(en, 'network-error'), isolate('network-error'));
    assert.equal(reasonText(en, 'constructor'), isolate('constructor'));
  });
});
