package app.talkingstick.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The per-address cap on connections. */
class AddressConnectionsTest {

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
