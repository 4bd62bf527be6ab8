import {nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {CallbackRequest} from '../core/callbacks.js';
import type {CallbackView} from '../core/views.js';
import type {Messages} from '../i18n/index.js';
import type {CallbackForm} from './callback-form.js';
import {LazyPart} from './lazy-part.js';

export interface CallbackFormContext {
  readonly callback: CallbackView;
  /** The time the form starts from and checks against (epoch ms). */
  readonly now: number;
  readonly lang: string;
  readonly msg: Messages;
  /** Why this request cannot be scheduled (a key of `msg.callbackProblems`), or null. */
  readonly problem: (request: CallbackRequest) => string | null;
  readonly schedule: (request: CallbackRequest) => void;
}

/** The form's module, loaded with the first campaign that offers callbacks. */
const callbackForm = new LazyPart(() => import('./callback-form.js'));

/**
 * The "Schedule callback" form shared by `<campaign-preview>` (from the
 * preview) and `<campaign-task-card>` (after the call): keeps the form's state
 * for its host, starts afresh when the preview or call it belongs to changes
 * (`key`), and renders the form or the callback scheduled. The form loads
 * the first time one is rendered: until then it renders nothing, and the host
 * is drawn again once it is here.
 */
export class CallbackFormController implements ReactiveController {
  private form: CallbackForm | null = null;
  private followed: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    /** The preview or call the form belongs to. */
    private readonly key: () => string | null,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const key = this.key();
    if (key === this.followed) return;
    this.followed = key;
    this.form = null;
  }

  render(context: CallbackFormContext): TemplateResult | typeof nothing {
    const loaded = callbackForm.for(this.host);
    if (!loaded) return nothing;
    this.form ??= new loaded.CallbackForm(this.host);
    return this.form.render(context);
  }
}
