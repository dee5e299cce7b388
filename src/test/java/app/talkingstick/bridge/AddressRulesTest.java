package app.talkingstick.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.auth.Principal;
import app.talkingstick.auth.Role;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Receive decisions: made once per address a rule covers, never remembered for one-off reply addresses. */
class AddressRulesTest {

  private final SocketSession socket = new SocketSession(
      new Principal(UUID.randomUUID(), "member", Role.CLIENT, 0, Instant.now().plusSeconds(600)));

  @Test
  void aRuleIsAskedOncePerAddressAndRepliesAreNeitherFilteredNorRemembered() {
    AtomicInteger asked = new AtomicInteger();
    AddressRules rules = new AddressRules().filterReceive("group\\.([^.]+)\\.out", (s, m) -> {
      asked.incrementAndGet();
      return !m.group(1).equals("closed");
    });
    for (int i = 0; i < 1_000; i++) {
      assertTrue(rules.mayReceive(socket, UUID.randomUUID().toString()), "a reply address passes");
    }
    assertEquals(0, socket.rememberedReceiveDecisions(), "a thousand replies leave nothing behind");
    assertTrue(rules.mayReceive(socket, "group.open.out"));
    assertTrue(rules.mayReceive(socket, "group.open.out"));
    assertFalse(rules.mayReceive(socket, "group.closed.out"));
    assertEquals(2, asked.get(), "each covered address decided once");
    assertEquals(2, socket.rememberedReceiveDecisions());
    socket.forgetReceiveDecisions();
    assertTrue(rules.mayReceive(socket, "group.open.out"));
    assertEquals(3, asked.get(), "decided again after the inputs changed");
  }
}
