import {VirtualTimeScheduler} from 'rxjs';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import {SimulatedDialer, type SimulatedCampaignScript} from '../../src/adapters/simulated/simulated-dialer.js';
import type {DialerCommand} from '../../src/protocol/index.js';
import {campaign, contact} from './fixtures.js';

/** A simulated dialer and a store, both on one virtual clock. */
export function simulatedCampaign(script: Partial<SimulatedCampaignScript> = {}) {
  const scheduler = new VirtualTimeScheduler();
  const dialer = new SimulatedDialer(
    {
      campaign: campaign(),
      contacts: [contact({id: 'a', name: 'Ana'}), contact({id: 'b', name: 'Bruno'}), contact({id: 'c', name: 'Carla'})],
      latencyMs: 100,
      ringMs: 1_000,
      dialMs: 200,
      talkMs: 2_000,
      ...script,
    },
    {scheduler},
  );
  const store = createCampaignStore(dialer, {scheduler});
  const commands: DialerCommand[] = [];
  store.commands$.subscribe((c) => commands.push(c));
  return {scheduler, dialer, store, commands, advance: (ms: number) => advance(scheduler, ms), state: () => store.snapshot()};
}

/** Runs everything due in the next `ms` of `scheduler`'s virtual time. */
export function advance(scheduler: VirtualTimeScheduler, ms: number): void {
  const target = scheduler.frame + ms;
  scheduler.maxFrames = target;
  scheduler.flush();
  scheduler.frame = target;
}
