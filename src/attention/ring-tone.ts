import {interval, type SchedulerLike, type Subscription} from 'rxjs';

/** A ring every this often while it rings. */
export const RING_EVERY_MS = 2_500;

/** One ring: two notes (G5, E5), twice. Times in seconds from the ring's start. */
const NOTES: readonly {readonly frequency: number; readonly at: number}[] = [
  {frequency: 784, at: 0},
  {frequency: 659, at: 0.17},
  {frequency: 784, at: 0.34},
  {frequency: 659, at: 0.51},
];
const NOTE_S = 0.15;
/** Soft edges, so that a note neither starts nor ends with a click. */
const ATTACK_S = 0.015;
const RELEASE_S = 0.05;
const PEAK = 0.2;
/** How long the ring fades when it is stopped mid-note. */
const FADE_S = 0.03;

type AudioContextClass = typeof AudioContext;

function audioContextClass(): AudioContextClass | undefined {
  const scope = globalThis as {AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass};
  return scope.AudioContext ?? scope.webkitAudioContext;
}

/**
 * A short two-tone ring made with Web Audio (no audio file), repeated every
 * `RING_EVERY_MS` on the given scheduler while it rings. Its audio context is
 * made at the first ring and suspended whenever it stops ringing (after the
 * last note's fade), closed by `dispose()`.
 *
 * Browsers start audio only in a page the agent has interacted with (a click
 * or a key press, at any time before): in a page never touched the context
 * stays suspended and nothing is heard. A ring is only played while the
 * context runs, so notes never pile up to be played at once later.
 */
export class RingTone {
  private context: AudioContext | null = null;
  private output: GainNode | null = null;
  private repeat: Subscription | null = null;
  /** A ring came while the context was not running: it plays when the context resumes. */
  private owed = false;
  private readonly notes = new Set<OscillatorNode>();

  constructor(private readonly scheduler: SchedulerLike) {}

  get ringing(): boolean {
    return this.repeat !== null;
  }

  start(): void {
    if (this.repeat || !this.audio()) return;
    this.repeat = interval(RING_EVERY_MS, this.scheduler).subscribe(() => this.ring());
    this.ring();
  }

  stop(): void {
    if (!this.repeat) return;
    this.repeat.unsubscribe();
    this.repeat = null;
    this.owed = false;
    const context = this.context!;
    if (this.notes.size === 0) {
      void context.suspend().catch(() => undefined);
      return;
    }
    // Fade out what sounds now; the context is suspended when the last note has ended.
    const now = context.currentTime;
    const gain = this.output!.gain;
    gain.cancelScheduledValues(now);
    gain.setValueAtTime(gain.value, now);
    gain.linearRampToValueAtTime(0, now + FADE_S);
    for (const note of this.notes) {
      try {
        note.stop(now + FADE_S);
      } catch {
        // Older WebKit refuses a second stop(): that note ends at its own time.
      }
    }
  }

  /** Stops ringing and closes the audio context. */
  dispose(): void {
    this.stop();
    void this.context?.close().catch(() => undefined);
    this.context = null;
    this.output = null;
    this.notes.clear();
  }

  private audio(): AudioContext | null {
    if (this.context) return this.context;
    const Context = audioContextClass();
    if (!Context) return null;
    try {
      this.context = new Context();
    } catch {
      // No audio device or too many contexts: no ring, nothing else changes.
      return null;
    }
    this.output = this.context.createGain();
    this.output.connect(this.context.destination);
    return this.context;
  }

  private ring(): void {
    const context = this.context!;
    if (context.state === 'running') {
      this.owed = false;
      this.play(context);
      return;
    }
    this.owed = true;
    context.resume().then(
      () => {
        if (this.owed && this.ringing && this.context === context && context.state === 'running') this.ring();
      },
      () => undefined,
    );
  }

  private play(context: AudioContext): void {
    const start = context.currentTime + 0.02;
    const output = this.output!;
    output.gain.cancelScheduledValues(start);
    output.gain.setValueAtTime(1, start);
    for (const {frequency, at} of NOTES) {
      const t = start + at;
      const note = context.createOscillator();
      note.type = 'sine';
      note.frequency.value = frequency;
      const envelope = context.createGain();
      envelope.gain.setValueAtTime(0, t);
      envelope.gain.linearRampToValueAtTime(PEAK, t + ATTACK_S);
      envelope.gain.setValueAtTime(PEAK, t + NOTE_S - RELEASE_S);
      envelope.gain.linearRampToValueAtTime(0, t + NOTE_S);
      note.connect(envelope).connect(output);
      note.addEventListener('ended', () => this.ended(note, envelope));
      this.notes.add(note);
      note.start(t);
      note.stop(t + NOTE_S);
    }
  }

  private ended(note: OscillatorNode, envelope: GainNode): void {
    note.disconnect();
    envelope.disconnect();
    this.notes.delete(note);
    if (this.notes.size === 0 && !this.ringing) void this.context?.suspend().catch(() => undefined);
  }
}
