package app.talkingstick.turns;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A queue entry. {@code resuming}: the member's turn was interrupted by a pause, so they go first. */
record RaisedHand(String memberId, long seq, boolean resuming) {

    static List<String> inServingOrder(List<RaisedHand> hands, QueueOrder order, Map<String, SpeakingTime> speaking) {
        Comparator<RaisedHand> comparator = Comparator.comparing((RaisedHand hand) -> !hand.resuming());
        if (order == QueueOrder.EQUITY) {
            comparator = comparator.thenComparingLong(
                    hand -> speaking.getOrDefault(hand.memberId(), SpeakingTime.NONE).floorMillis());
        }
        return hands.stream()
                .sorted(comparator.thenComparingLong(RaisedHand::seq))
                .map(RaisedHand::memberId)
                .toList();
    }
}
