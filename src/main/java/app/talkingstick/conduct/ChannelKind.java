package app.talkingstick.conduct;

/** Where a message is posted; decides which conduct checks apply. */
public enum ChannelKind {
    /** A therapist-led support group: masking, abuse checks, ladder, flood limits and crisis detection. */
    GROUP,
    /** A private client-therapist channel: flood limits and crisis detection only; the therapist decides the rest. */
    PRIVATE
}
