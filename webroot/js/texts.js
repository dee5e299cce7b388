// Every refusal and error code the server uses (docs/protocol.md and the shared contract), in
// plain, kind words. People never see a code.

export const EMOJI = [
  ['❤️', 'heart'], ['👍', 'thumbs up'], ['🙏', 'thank you'], ['🤗', 'hug'],
  ['💪', 'strength'], ['👏', 'applause'], ['🌱', 'growth'], ['😊', 'smile'],
];

export const MODE_LABELS = {
  open: 'Open conversation',
  'raise-hand': 'Raise your hand to speak',
  'round-robin': 'Taking turns around the circle',
  paused: 'Paused',
};

function seconds(n) {
  return `${n} second${n === 1 ? '' : 's'}`;
}

/**
 * A kind sentence for a refused room action. error: {code, message, retryAfter};
 * ctx: {mode (effective), chosenMode, action}.
 */
export function roomRefusal(error, ctx = {}) {
  const code = error && error.code;
  switch (code) {
    case 'NOT_YOUR_TURN':
      if (ctx.mode === 'paused') {
        return ctx.chosenMode && ctx.chosenMode !== 'paused'
          ? 'The room is paused until the therapist is back. You can keep reading, and share again once they return.'
          : 'The room is paused for a moment. You can share again when the therapist opens the floor.';
      }
      if (ctx.mode === 'round-robin') {
        return "It's not your turn yet — the floor moves around the circle and will come to you.";
      }
      return "It's not your turn yet — raise your hand and the facilitator will bring you in.";
    case 'RATE_LIMITED': {
      const wait = Number(error.retryAfter) || 0;
      return wait > 0
        ? `Slow mode is on, so there is a short pause between messages. You can send again in ${seconds(wait)}.`
        : 'Slow mode is on, so there is a short pause between messages. Please wait a moment and try again.';
    }
    case 'SESSION_CLOSED':
      return ctx.action === 'end'
        ? 'There is no session running right now.'
        : "The group isn't in session right now. You can share when the next session opens.";
    case 'TOO_LONG':
      return 'That message is a little long — messages can be up to 2,000 characters. You could split it into two.';
    case 'NOT_MEMBER':
      return "You're not a member of this group any more, so you can't take part here. If that seems wrong, please talk to your therapist.";
    case 'FORBIDDEN':
      return 'Only the group’s therapist can do that.';
    case 'AGREEMENT_REQUIRED':
      return 'The group agreement has been updated. Please read it and accept it to carry on.';
    case 'UNAVAILABLE':
      return "We couldn't save that just now. Nothing was lost — we'll try again in a moment.";
    case 'MUTED':
      return "You're paused from posting for a little while. You can still read along and send reactions.";
    case 'REMOVED':
      return "You're no longer part of this group. If you'd like to talk about it, please reach out to your therapist.";
    case 'CONTENT_BLOCKED':
      return "That message wasn't shared because it goes against the group agreement. You're welcome to put it another way.";
    case 'HELD_FOR_REVIEW':
      return 'Your message is waiting for the therapist to read it before it is shared with the group.';
    case 'OFFLINE':
    case 'DISCONNECTED':
      return "You're offline for the moment. We're reconnecting — please try again in a few seconds.";
    case 'TIMEOUT':
      return 'That is taking longer than usual. Please try again in a moment.';
    case 'REJECTED':
      return "That couldn't be done from this account. If you were recently removed from the group, please talk to your therapist.";
    case 'INVALID':
      if (ctx.action === 'start' && /already/i.test(error.message || '')) return 'A session is already running.';
      if (ctx.action === 'react') return "That reaction couldn't be added. Please try again.";
      return ctx.staff && error.message
        ? `That didn't work: ${sentence(error.message)}`
        : "Something about that didn't work. Please try again.";
    default:
      return "Something didn't work just now. Please try again in a moment.";
  }
}

/** A kind sentence for an HTTP API error (an ApiError), given what the person was doing. */
export function apiProblem(err, context = '') {
  const code = err && err.code;
  switch (code) {
    case 'NETWORK':
      return "We can't reach TalkingStick right now. Please check your connection and try again.";
    case 'INVALID_CREDENTIALS':
      return "That username and password don't match. Please check them and try again.";
    case 'RATE_LIMITED': {
      const minutes = Math.max(1, Math.ceil((Number(err.retryAfter) || 60) / 60));
      return context === 'login'
        ? `There were several unsuccessful sign-in attempts, so sign-in is paused for this account for about ${minutes} minute${minutes === 1 ? '' : 's'}. Please try again then.`
        : `Please wait about ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`;
    }
    case 'USERNAME_TAKEN':
      return 'That username is already in use. Please choose another one.';
    case 'UNAUTHORIZED':
      return 'Your sign-in has expired. Please sign in again.';
    case 'FORBIDDEN':
      return err.message ? sentence(err.message) : "Your account can't do that.";
    case 'NOT_FOUND':
      return context === 'group'
        ? "We couldn't find that group. You may no longer be a member of it."
        : "We couldn't find that. It may have been removed.";
    case 'TOO_LARGE':
      return 'That is too long to send. Please shorten it and try again.';
    case 'UNAVAILABLE':
      return 'TalkingStick is having trouble saving right now. Nothing was saved — please try again in a moment.';
    case 'INVITE_INVALID':
      return "That invite code didn't work. It may have expired or already been used — your therapist can give you a new one.";
    case 'PSEUDONYM_TAKEN':
      return 'Someone in this group already uses that name. Please choose a different pseudonym.';
    case 'ALREADY_MEMBER':
      return "You're already a member of this group — you'll find it in your list of groups.";
    case 'GROUP_FULL':
      return 'This group is full at the moment. Please talk to your therapist about another group or a later place.';
    case 'REMOVED':
      return "You can't rejoin this group. If you'd like to talk about it, please reach out to your therapist.";
    case 'AGREEMENT_REQUIRED':
      return 'Please read the group agreement and tick the box to accept it before joining.';
    case 'AGREEMENT_OUTDATED':
      return 'The group agreement has just changed. Please read the new version and accept that one.';
    case 'ALREADY_CLIENT':
      return "You're already connected with this therapist.";
    case 'INVALID':
      return err.message ? `Please check this: ${sentence(err.message)}` : 'Please check what you entered and try again.';
    default:
      return 'Something went wrong on our side. Please try again in a moment.';
  }
}

/** A goal's status (the server's GOAL_STATUSES), as the therapist reads it. */
export const GOAL_STATUS_LABELS = {
  active: 'Active',
  paused: 'Paused',
  achieved: 'Achieved',
  dropped: 'Dropped',
};

/**
 * A plain sentence for a refused goals-and-notes request (/api/clients/{id}/goals, …/notes).
 * what: 'goals' or 'notes' (loading a list), 'older' (loading older notes), 'goal' (adding a
 * goal), 'change' (changing a goal), 'note' (adding a note). The texts never repeat a note.
 */
export function recordProblem(err, what = '') {
  const code = err && err.code;
  const message = (err && err.message) || '';
  const saving = what === 'goal' || what === 'change' || what === 'note';
  switch (code) {
    case 'FORBIDDEN':
      return "Only a client's own therapist can see and keep their goals and notes.";
    case 'NOT_FOUND':
      if (what === 'change' && /goal/i.test(message)) {
        return "That goal couldn't be found any more. Please reload the page to see the current goals.";
      }
      return "We couldn't find this person among your clients, so their goals and notes can't be shown.";
    case 'INVALID':
      if (/^before\b/i.test(message)) return "The older notes couldn't be loaded. Please reload the page and try again.";
      if (/control characters/i.test(message)) {
        return 'The text contains invisible control characters (perhaps from a paste). Please remove them and try again.';
      }
      if (/characters/i.test(message)) {
        return what === 'note' ? 'A note can be up to 2,000 characters. Please shorten it or split it into two notes.'
          : 'A goal can be up to 500 characters. Please shorten it.';
      }
      if (/required|send text/i.test(message)) return what === 'note' ? 'Please write the note first.' : 'Please write the goal first.';
      if (/status/i.test(message)) return "That status isn't one of the choices. Please pick Active, Paused, Achieved or Dropped.";
      return apiProblem(err);
    case 'NETWORK':
      return saving
        ? "We can't reach TalkingStick right now, so this wasn't saved. Your text is still here — please try again."
        : "We can't reach TalkingStick right now. Please check your connection and try again.";
    case 'UNAVAILABLE':
      return saving
        ? "TalkingStick couldn't save this just now. Nothing was saved and your text is still here — please try again in a moment."
        : "TalkingStick couldn't load this just now. Please try again in a moment.";
    case 'TOO_LARGE':
      return 'That is too long to save. Please shorten it and try again.';
    default:
      if (!code || /^(HTTP_|INTERNAL)/.test(code)) {
        return saving
          ? 'Something went wrong on our side and this may not have been saved. Your text is still here — please try again.'
          : 'Something went wrong on our side. Please try again in a moment.';
      }
      return apiProblem(err);
  }
}

/** "pseudonym must be 2 to 24 characters" -> "Pseudonym must be 2 to 24 characters." */
export function sentence(text) {
  const t = String(text || '').trim();
  if (!t) return t;
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
