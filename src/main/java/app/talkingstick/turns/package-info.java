/**
 * Turn-taking decision core for one live room: pure, immutable, clock-free.
 *
 * <p>{@link app.talkingstick.turns.TurnState} is the state; each event method takes {@code now} and returns a
 * {@link app.talkingstick.turns.Decision} (next state, {@link app.talkingstick.turns.Effect effects}, optional
 * {@link app.talkingstick.turns.Refusal}, {@code nextDeadline()} for the tick timer).
 *
 * <p>Rules beyond the obvious:
 * <ul>
 *   <li>No staff present: the effective mode is PAUSED; the chosen mode is kept and restored when staff return.</li>
 *   <li>A pause (automatic or chosen) interrupts the floor holder, who resumes first: at the front of the raise-hand
 *       queue, or again holding the stick when the round resumes. Choosing ROUND_ROBIN always starts a new round.</li>
 *   <li>The raise-hand queue is kept through ROUND_ROBIN and PAUSED (hands cannot be raised there, only lowered) and
 *       cleared on switching to OPEN. Going offline drops a raised hand.</li>
 *   <li>Slow mode applies to clients in OPEN mode only; a member's interval is the larger of the room's and their
 *       own override.</li>
 * </ul>
 */
package app.talkingstick.turns;
