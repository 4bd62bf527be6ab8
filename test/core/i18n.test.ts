import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {formatDuration, isolate, isolateLtr, messagesFor, reasonText, registerMessages} from '../../src/i18n/index.js';
import {en} from '../../src/i18n/en.js';

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

  it('finds a language by tag, then by language, then falls back to English', () => {
    assert.equal(messagesFor('pt-BR').accept, 'Aceitar');
    assert.equal(messagesFor('pt-PT').accept, 'Aceitar');
    assert.equal(messagesFor('AR').accept, 'قبول');
    assert.equal(messagesFor('xx').accept, 'Accept');
    assert.equal(messagesFor(undefined).accept, 'Accept');
  });

  it("announces seconds with each language's plural forms", () => {
    assert.equal(messagesFor('ar').countdownAnnouncement('skip', 10, '10'), 'التخطي خلال 10 ثوانٍ');
    assert.equal(messagesFor('ar').countdownAnnouncement('skip', 30, '30'), 'التخطي خلال 30 ثانية');
    assert.equal(messagesFor('en').countdownAnnouncement('accept', 1, '1'), 'Accepting in 1 second');
    assert.equal(messagesFor('pt-BR').countdownAnnouncement('remove', 5, '5'), 'Removendo em 5 segundos');
  });

  it('lets a host register a language', () => {
    registerMessages('es', {...en, accept: 'Aceptar'});
    assert.equal(messagesFor('es-MX').accept, 'Aceptar');
  });

  it('translates known failure reasons and shows others as sent, even prototype names, isolated for a sentence', () => {
    assert.equal(reasonText(messagesFor('pt-BR'), 'busy'), isolate('ocupado'));
    assert.equal(reasonText(en, 'network-error'), isolate('network-error'));
    assert.equal(reasonText(en, 'constructor'), isolate('constructor'));
  });
});
