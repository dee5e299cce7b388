import { h } from './dom.js';

// The standard group agreement every new group starts with (the server's default). A group's own
// agreement, when its therapist changed it, is shown from the group itself once joined.
export const STANDARD_AGREEMENT = [
  'Our group agreement',
  '',
  '1. Confidentiality: what is shared here stays here. Do not copy, screenshot or repeat what others say.',
  '2. Respect: speak kindly, listen without judging, and do not give advice unless someone asks for it.',
  '3. One voice at a time: wait for your turn and let each person finish.',
  "4. Privacy: use your pseudonym and do not share anyone's real name or contact details, your own included.",
  '5. Crisis: this group is not an emergency service. If you are in danger or thinking of harming yourself,'
    + ' contact your local emergency number or a crisis line now, and tell your therapist.',
].join('\n');


/** The agreement text as paragraphs. */
export function agreementBody(text) {
  return h('div', { class: 'agreement-text' },
    String(text || '').split(/\n+/).filter((line) => line.trim()).map((line) => h('p', { text: line })));
}
