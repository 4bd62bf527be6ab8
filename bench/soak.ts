/**
 * `npm run soak`: a whole agent's shift (8 virtual hours by default; SOAK_HOURS
 * to change it) through the reference server, the WebSocket adapter and the
 * store (see shift.ts). Writes bench/soak-results.json, which `npm run bench`
 * summarises, and exits non-zero when a figure misses its budget in
 * bench/budgets.json.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {runShift} from './shift.js';

const root = new URL('..', import.meta.url).pathname;
const hours = Number(process.env.SOAK_HOURS ?? 8);
const started = Date.now();
const {divergences, interruptions, heap_by_hour, ...figures} = await runShift({hours, seed: Number(process.env.SOAK_SEED ?? 1)});
const results = {
  ...figures,
  shift_hours: hours,
  ...Object.fromEntries(Object.entries(interruptions).map(([k, v]) => [`shift_${k}`, v])),
  soak_real_seconds: Math.round((Date.now() - started) / 1000),
};
writeFileSync(
  `${root}bench/soak-results.json`,
  `${JSON.stringify({...results, heap_by_hour, divergences, date: new Date().toISOString()}, null, 2)}\n`,
);
console.log(`heap after GC, by hour: ${heap_by_hour.map((bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`).join(', ')}`);

const budgets: Record<string, {min?: number; max?: number}> = JSON.parse(readFileSync(`${root}bench/budgets.json`, 'utf8'));
let missed = 0;
for (const [name, value] of Object.entries(results)) {
  const {min, max} = budgets[name] ?? {};
  const ok = (min === undefined || value >= min) && (max === undefined || value <= max);
  if (!ok) missed += 1;
  const budget = min !== undefined ? `≥ ${min}` : max !== undefined ? `≤ ${max}` : '';
  console.log(`${name.padEnd(28)} ${String(value).padEnd(10)} ${budget.padEnd(10)} ${budget ? (ok ? 'ok' : 'MISSED') : ''}`);
}
for (const divergence of divergences) console.log(`divergence: ${divergence}`);
console.log(missed ? `${missed} budget(s) missed` : 'every budget met');
process.exit(missed ? 1 : 0);
