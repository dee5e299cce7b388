package app.talkingstick.conversation;

import app.talkingstick.conduct.CrisisDetector;
import app.talkingstick.conduct.CrisisSignal;
import java.util.Optional;

/**
 * The one crisis screening step that every text a client sends passes through, in a group room and
 * in a private channel alike, before anything may refuse it (not their turn, no session, paused,
 * muted, slow mode, flood, agreement, length, conduct). What the conversation does with a signal is
 * decided after: shared with the room and alerted, or, where the room would refuse the text, sent
 * privately to the therapists instead of the refusal. Thread-safe and stateless.
 */
public final class Screening {

  /** Longer texts (a refused one can be up to a socket frame) are screened on their first this many characters. */
  static final int MAX_SCREENED = 4 * SayAction.MAX_TEXT;

  private final CrisisDetector detector;

  public Screening(CrisisDetector detector) {
    this.detector = detector;
  }

  public static Screening defaults() {
    return new Screening(CrisisDetector.defaults());
  }

  /** Signs of a crisis in what a client wrote; therapists' own messages are not screened. */
  public Optional<CrisisSignal> screen(String text, boolean fromClient) {
    if (!fromClient) return Optional.empty();
    return detector.detect(text.length() > MAX_SCREENED ? text.substring(0, MAX_SCREENED) : text);
  }
}
