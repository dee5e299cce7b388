/**
 * Conduct and crisis-safety decision core for group rooms and private channels: pure, immutable, clock-free. No
 * Vert.x types and no I/O except loading the bundled resources under {@code conduct/} from the class path.
 *
 * <p>The facilitator verticle owns all state and does the I/O. For each message it calls
 * {@link app.talkingstick.conduct.ConductPolicy#evaluate} with the member's
 * {@link app.talkingstick.conduct.MemberConduct} and {@code now}, keeps the returned state, and acts on the
 * {@link app.talkingstick.conduct.Verdict} (publish, mask, hold for staff, or refuse with a wire code) and the
 * {@link app.talkingstick.conduct.Escalation}s (warn, mute, hold everything). When the verdict carries a
 * {@link app.talkingstick.conduct.CrisisSignal} it alerts staff and sends the member the
 * {@link app.talkingstick.conduct.CrisisResources}; a message with crisis signs is never blocked.
 *
 * <p>See {@code docs/conduct.md} for the rules, defaults, limits and measured figures.
 */
package app.talkingstick.conduct;
