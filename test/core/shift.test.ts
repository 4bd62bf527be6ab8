/**
 * A short agent's shift (one virtual hour, a few hundred contacts) through the
 * reference server, the WebSocket adapter and the store, with dropped
 * connections, reloads and two server restarts (bench/shift.ts; `npm run
 * soak` runs the 8-hour one with the budgets).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {runShift} from '../../bench/shift.js';

describe('an agent shift (one virtual hour)', () => {
  it('resumes from snapshots after every interruption: the same views as a twin, no command lost or run twice, bounded resumes and journal', async () => {
    const figures = await runShift({hours: 1, seed: 7});
    console.log(`shift: ${JSON.stringify({...figures, divergences: figures.divergences.length})}`);
    assert.ok(figures.shift_contacts >= 300, `${figures.shift_contacts} contacts`);
    assert.ok(figures.interruptions.drops + figures.interruptions.reloads >= 2, 'interrupted');
    assert.equal(figures.interruptions.server_restarts, 2);
    assert.deepEqual(figures.divergences, []);
    assert.equal(figures.commands_lost, 0, 'no command lost');
    assert.equal(figures.commands_duplicated, 0, 'no command run twice');
    assert.ok(figures.resume_bytes_max <= 8_192, `${figures.resume_bytes_max} bytes to resume`);
    assert.ok(figures.journal_bytes_max <= 65_536, `${figures.journal_bytes_max} bytes of journal`);
  });
});
