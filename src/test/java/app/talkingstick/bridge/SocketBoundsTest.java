package app.talkingstick.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.http.AddressConnections;
import org.junit.jupiter.api.Test;

/** The pure decisions behind the socket bounds: the frame rate, the write budget and the per-address cap. */
class SocketBoundsTest {

  @Test
  void theFrameRateAllowsItsBurstThenItsRate() {
    FrameRate rate = new FrameRate(50, 100, 0);
    for (int i = 0; i < 100; i++) assertTrue(rate.tryTake(0), "frame " + i + " of the burst");
    assertFalse(rate.tryTake(0));
    assertTrue(rate.tryTake(20_000_000), "one frame more after 20 ms at 50 a second");
    assertFalse(rate.tryTake(20_000_000));
    for (int i = 0; i < 100; i++) assertTrue(rate.tryTake(60_000_000_000L), "a full burst again after a quiet minute");
    assertFalse(rate.tryTake(60_000_000_000L));
  }

  @Test
  void theWriteBudgetBoundsEachSocketAndAllTogether() {
    WriteBudget budget = new WriteBudget(10_000, 20_000);
    assertTrue(budget.admits(0, 9_000));
    assertFalse(budget.admits(9_000, 2_000), "past the socket's share");
    budget.charge(19_500);
    assertTrue(budget.admits(0, 1_000), "a socket that keeps up still gets its frame past the total");
    assertFalse(budget.admits(500, 1_000), "one with a backlog does not");
    budget.release(19_500);
    assertTrue(budget.admits(500, 1_000));
    assertEquals(0, budget.queued());
  }

  @Test
  void anAddressHoldsAtMostItsCapAndZeroTurnsItOff() {
    AddressConnections capped = new AddressConnections(2);
    assertTrue(capped.tryOpen("10.0.0.1"));
    assertTrue(capped.tryOpen("10.0.0.1"));
    assertFalse(capped.tryOpen("10.0.0.1"));
    assertTrue(capped.tryOpen("10.0.0.2"), "other addresses are counted apart");
    capped.closed("10.0.0.1");
    assertTrue(capped.tryOpen("10.0.0.1"));
    AddressConnections off = new AddressConnections(0);
    for (int i = 0; i < 1_000; i++) assertTrue(off.tryOpen("10.0.0.1"));
  }
}
