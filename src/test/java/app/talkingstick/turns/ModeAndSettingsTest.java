package app.talkingstick.turns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModeAndSettingsTest {

    @ParameterizedTest
    @CsvSource({"open,OPEN", "raise-hand,RAISE_HAND", "round-robin,ROUND_ROBIN", "paused,PAUSED"})
    void modeWireNamesRoundTrip(String wire, Mode mode) {
        assertEquals(mode, Mode.fromWire(wire));
        assertEquals(wire, mode.wireName());
    }

    @Test
    void unknownModeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Mode.fromWire("RAISE_HAND"));
        assertThrows(IllegalArgumentException.class, () -> Mode.fromWire(null));
    }

    @Test
    void queueOrderWireNames() {
        assertEquals(QueueOrder.FIFO, QueueOrder.fromWire("fifo"));
        assertEquals(QueueOrder.EQUITY, QueueOrder.fromWire("equity"));
        assertEquals("equity", QueueOrder.EQUITY.wireName());
        assertThrows(IllegalArgumentException.class, () -> QueueOrder.fromWire("lifo"));
    }

    @Test
    void defaults() {
        RoomSettings settings = RoomSettings.defaults();
        assertEquals(new RoomSettings(0, 0, QueueOrder.FIFO, true), settings);
        assertEquals(0, settings.reminderSecondsBefore());
    }

    @ParameterizedTest
    @CsvSource({"0,0", "3,0", "8,2", "60,15", "120,30", "600,30"})
    void reminderIsAQuarterOfTheTurnAtMostThirtySeconds(int turnSeconds, int reminder) {
        assertEquals(reminder, RoomSettings.defaults().withTurnSeconds(turnSeconds).reminderSecondsBefore());
    }

    @Test
    void settingsRejectOutOfRangeValues() {
        assertThrows(IllegalArgumentException.class, () -> new RoomSettings(-1, 0, QueueOrder.FIFO, true));
        assertThrows(IllegalArgumentException.class, () -> new RoomSettings(0, 3601, QueueOrder.FIFO, true));
        assertThrows(NullPointerException.class, () -> new RoomSettings(0, 0, null, true));
        assertEquals(3600, new RoomSettings(3600, 3600, QueueOrder.FIFO, true).turnSeconds());
    }

    @Test
    void modeChangeOnlyOverridesWhatIsGiven() {
        RoomSettings base = new RoomSettings(5, 60, QueueOrder.FIFO, true);
        assertEquals(base, ModeChange.to(Mode.OPEN).applyTo(base));
        ModeChange change = ModeChange.to(Mode.RAISE_HAND).withTurnSeconds(90).withQueueOrder(QueueOrder.EQUITY)
                .withAutoAdvance(false);
        assertEquals(new RoomSettings(5, 90, QueueOrder.EQUITY, false), change.applyTo(base));
    }

    @Test
    void modeChangeCopiesTheRoundOrder() {
        List<String> order = new java.util.ArrayList<>(List.of("a", "b"));
        ModeChange change = ModeChange.to(Mode.ROUND_ROBIN).withRoundOrder(order);
        order.add("c");
        assertEquals(List.of("a", "b"), change.roundOrder());
    }
}
