import type {Messages} from './messages.js';

const ACTION = {skip: 'التخطي', accept: 'القبول', remove: 'الإزالة'} as const;

const plural = new Intl.PluralRules('ar');

/** "n seconds" with Arabic's plural forms (3–10 take ثوانٍ). */
function arabicSeconds(seconds: number, formatted: string): string {
  switch (plural.select(seconds)) {
    case 'one':
      return 'ثانية واحدة';
    case 'two':
      return 'ثانيتين';
    case 'few':
      return `${formatted} ثوانٍ`;
    default:
      return `${formatted} ثانية`;
  }
}

/** Arabic: the kit's right-to-left language. */
export const ar: Messages = {
  campaign: 'الحملة',
  campaignButtonReasons: {
    ready: 'اطلب جهة الاتصال التالية في الحملة',
    disconnected: 'غير متاح ما دام نظام الاتصال غير متصل',
    limit: 'غير متاح: تم بلوغ الحد الأقصى للمكالمات المتزامنة',
    'call-in-progress': 'غير متاح أثناء وجود مكالمة حملة جارية',
    'wrap-up': 'غير متاح حتى يتم تحديد نتيجة المكالمة الأخيرة',
    'contact-shown': 'جهة اتصال من الحملة في الطريق أو معروضة بالفعل',
    requesting: 'جارٍ طلب جهة اتصال…',
    'not-available': 'اجعل حالتك «متاح» لتلقي جهات اتصال الحملة',
  },
  campaignContact: 'جهة اتصال الحملة',
  reservationTitle: 'مكالمة الحجز',
  reservationText: (campaign) => `الحملة ${campaign} تحجزك لمعاينة. أجب على مكالمة الحجز لرؤية جهة الاتصال.`,
  directHint: 'معاينة مباشرة: بعد القبول ستسمع نغمة الرنين وتتصل بالعميل فور رده.',
  answer: 'أجب',
  waitingForContact: 'في انتظار جهة الاتصال التالية…',
  accept: 'قبول',
  skip: 'تخطي',
  remove: 'إزالة',
  leave: 'مغادرة الحملة',
  phoneNumbers: 'رقم الهاتف',
  details: 'تفاصيل جهة الاتصال',
  countdown: (action, time) => `${ACTION[action]} خلال ${time}`,
  countdownDue: (action) => `${ACTION[action]} الآن…`,
  countdownAnnouncement: (action, seconds, formatted) => `${ACTION[action]} خلال ${arabicSeconds(seconds, formatted)}`,
  attemptFailed: (contact, reason) => `لم تكتمل المكالمة إلى ${contact}: ${reason}.`,
  nextContact: 'جهة الاتصال التالية',
  limitTitle: 'تم بلوغ حد المكالمات',
  acceptBlockedByLimit: 'القبول غير متاح حتى يصبح إجراء المكالمات ممكنًا مرة أخرى.',
  dismiss: 'إغلاق',
  errorTitle: 'حدث خطأ ما',
  partUnavailable: 'تعذّر عرض هذا الجزء.',
  invalidEvent: 'أرسل نظام الاتصال شيئًا تعذرت قراءته',
  campaignCall: 'مكالمة حملة',
  contactIcon: 'جهة اتصال',
  elapsed: 'الوقت منذ بدء المعاينة',
  status: {
    reserved: 'محجوز',
    previewing: 'قيد المعاينة',
    dialing: 'جارٍ الاتصال',
    ringing: 'يرن',
    connected: 'متصل',
    'answering-machine': 'جهاز الرد الآلي',
    failed: 'فشلت',
    ended: 'انتهت',
  },
  cancelCall: 'إلغاء',
  cancelCallTo: (contact) => `إلغاء المكالمة مع ${contact}`,
  cancelling: 'جارٍ الإلغاء…',
  voicemailPrompt: 'تم اكتشاف جهاز رد آلي. اترك رسالتك الصوتية ثم أشر إلى أنها تمت.',
  voicemailAnnouncement: 'تم اكتشاف جهاز رد آلي. اترك رسالتك الصوتية ثم اضغط «تُركت الرسالة الصوتية».',
  voicemailLeft: 'تُركت الرسالة الصوتية',
  voicemailDone: 'تم تسجيل ترك الرسالة الصوتية.',
  failReason: (reason) => `فشلت: ${reason}`,
  cpa: {
    'live-voice': 'رد شخص',
    'answering-machine': 'جهاز رد آلي',
    fax: 'فاكس',
    busy: 'مشغول',
    'no-answer': 'لا يوجد رد',
    'invalid-number': 'رقم غير صالح',
  },
  modes: {preview: 'معاينة', standard: 'معاينة قياسية', direct: 'معاينة مباشرة'},
  contactOffered: (contact) => `جهة اتصال الحملة: ${contact}`,
  numberTypes: {mobile: 'جوال', home: 'منزل', work: 'عمل', other: 'آخر'},
  numberTried: 'تمت تجربته',
  numberForced: 'تحدد الحملة الرقم الذي سيُطلب.',
  skipReason: 'سبب التخطي',
  chooseReason: 'اختر سببًا',
  noReason: 'بدون سبب',
  skipNeedsReason: 'اختر سببًا لتخطي جهة الاتصال هذه.',
  doNotCall: 'أضفها أيضًا إلى قائمة عدم الاتصال',
  history: (count) => `المحاولات السابقة (${count})`,
  localTime: (time, zone) => `الوقت المحلي لجهة الاتصال: ${time} (${zone})`,
  outsideWindow: (start, end) => `خارج نافذة الاتصال (${start}–${end}).`,
  acceptBlockedByWindow: 'القبول غير متاح خارج نافذة الاتصال لجهة الاتصال.',
  wrapUp: 'إنهاء المكالمة',
  disposition: 'نتيجة المكالمة',
  chooseDisposition: 'اختر نتيجة المكالمة',
  dispositionNote: 'ملاحظة (اختيارية)',
  saveDisposition: 'حفظ النتيجة',
  dispositionSaved: (label) => `تم حفظ النتيجة: ${label}.`,
  wrapUpEndsIn: (time) => `ينتهي وقت الإنهاء خلال ${time}`,
  wrapUpAnnouncement: (time) => `اختر نتيجة المكالمة${time ? `: يتبقى ${time}` : ''}.`,
  wrapUpSecondsLeft: (seconds, formatted) => `يتبقى ${arabicSeconds(seconds, formatted)} لتحديد نتيجة المكالمة`,
  wrapUpOver: 'انتهى وقت إنهاء المكالمة.',
  dispositionNeeded: 'اختر نتيجة المكالمة أولًا.',
  offline: 'انقطع الاتصال بنظام الاتصال. جارٍ إعادة الاتصال… لا يمكن إرسال أي شيء حتى يعود.',
  reservationMissedTitle: 'فاتتك مكالمة الحجز',
  reservationMissed: 'توقفت مكالمة الحجز عن الرنين قبل أن تجيب. تحقّق من حالتك لتلقي المكالمة التالية.',
  scheduleCallback: 'جدولة معاودة الاتصال',
  callbackTime: (zone) => `وقت معاودة الاتصال (المنطقة الزمنية لجهة الاتصال، ${zone})`,
  callbackYourTime: (time) => `وقتك: ${time}`,
  callbackNumber: 'الرقم المطلوب',
  callbackBackToMe: 'أعدها إليّ',
  saveCallback: 'حفظ معاودة الاتصال',
  closeCallback: 'إغلاق',
  callbackScheduled: (time) => `تمت جدولة معاودة الاتصال في ${time}.`,
  callbackProblems: {
    'not-allowed': 'لا تقبل هذه الحملة معاودة الاتصال.',
    past: 'اختر وقتًا في المستقبل.',
    'outside-window': 'اختر وقتًا ضمن نافذة الاتصال لجهة الاتصال.',
    number: 'أدخل رقم هاتف صالحًا.',
    'back-to-me': 'لا تحجز هذه الحملة معاودة الاتصال لوكيل واحد.',
  },
};
