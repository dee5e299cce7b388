package app.talkingstick.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which address the per-address limits count behind (and not behind) a trusted reverse proxy. */
class TrustedProxiesTest {

  private static final TrustedProxies PROXIES = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8, fd00::/8");

  @Test
  void addressesAndBlocksAreMatchedByPrefix() {
    assertTrue(PROXIES.trusts("127.0.0.1"));
    assertFalse(PROXIES.trusts("127.0.0.2"));
    assertTrue(PROXIES.trusts("10.255.1.2"));
    assertFalse(PROXIES.trusts("11.0.0.1"));
    assertTrue(PROXIES.trusts("fd12::1"));
    assertFalse(PROXIES.trusts("fe80::1"));
    assertFalse(PROXIES.trusts("unknown"));
    assertTrue(TrustedProxies.parse("192.168.4.0/22").trusts("192.168.7.255"));
    assertFalse(TrustedProxies.parse("192.168.4.0/22").trusts("192.168.8.0"));
    assertTrue(TrustedProxies.parse("0.0.0.0/0").trusts("203.0.113.9"));
  }

  @Test
  void anUntrustedPeerIsTheClientWhateverItForwards() {
    assertEquals("203.0.113.9", PROXIES.clientAddress("203.0.113.9", List.of("198.51.100.1")));
    assertEquals("127.0.0.1", TrustedProxies.NONE.clientAddress("127.0.0.1", List.of("198.51.100.1")));
  }

  @Test
  void behindATrustedPeerTheClientIsTheRightmostUntrustedEntryNeverTheForgeableLeftmost() {
    assertEquals("198.51.100.1", PROXIES.clientAddress("127.0.0.1", List.of("198.51.100.1")));
    assertEquals("198.51.100.1", PROXIES.clientAddress("127.0.0.1", List.of("6.6.6.6, 198.51.100.1")),
        "the client forged 6.6.6.6; the proxy appended what it saw");
    assertEquals("198.51.100.1", PROXIES.clientAddress("127.0.0.1", List.of("6.6.6.6, 198.51.100.1, 10.1.2.3")),
        "two trusted proxies in a row");
    assertEquals("198.51.100.1", PROXIES.clientAddress("127.0.0.1", List.of("6.6.6.6", "198.51.100.1")),
        "several header lines read as one list");
    assertEquals("198.51.100.1", PROXIES.clientAddress("127.0.0.1", List.of(" 198.51.100.1:5123 ")), "a port is dropped");
    assertEquals("2001:db8:0:0:0:0:0:1", PROXIES.clientAddress("127.0.0.1", List.of("[2001:db8::1]:443")));
  }

  @Test
  void noHeaderOrGarbageFallsBackToTheNearestTrustedHop() {
    assertEquals("127.0.0.1", PROXIES.clientAddress("127.0.0.1", List.of()));
    assertEquals("10.0.0.5", PROXIES.clientAddress("127.0.0.1", List.of("10.0.0.5")), "only trusted hops: the furthest");
    assertEquals("10.0.0.5", PROXIES.clientAddress("127.0.0.1", List.of("198.51.100.1, unknown, 10.0.0.5")));
    assertEquals("127.0.0.1", PROXIES.clientAddress("127.0.0.1", List.of("not-an-address")));
    assertEquals("127.0.0.1", PROXIES.clientAddress("127.0.0.1", List.of("example.org")), "never a name lookup");
  }

  @Test
  void badSettingsAreRefusedAtStartWithTheEntry() {
    assertTrue(TrustedProxies.parse("").isEmpty());
    assertTrue(TrustedProxies.parse(" , ").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("proxy.example.org"));
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/x"));
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.fromEnvironment(Map.of("TRUSTED_PROXIES", "127.0.0.1, nginx"), false));
    assertTrue(e.getMessage().contains("TRUSTED_PROXIES") && e.getMessage().contains("nginx"), e.getMessage());
    assertTrue(ConfigLoader.fromEnvironment(Map.of(), false).trustedProxies().isEmpty(), "none by default");
  }
}
