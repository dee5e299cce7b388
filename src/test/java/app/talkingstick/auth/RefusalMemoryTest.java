package app.talkingstick.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RefusalMemoryTest {

  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong(42 * SECOND);
  private final RefusalMemory memory = new RefusalMemory(now::get, Duration.ofSeconds(2), 3);

  @Test
  void anUnknownSubjectIsLeftToTheDatabase() {
    assertEquals(Optional.empty(), memory.refusal("user:robin"));
  }

  @Test
  void aRefusalIsRepeatedWithTheSecondsLeftInItsWindow() {
    memory.remember("user:robin", 900);
    assertEquals(Optional.of(900), memory.refusal("user:robin"));
    now.addAndGet(SECOND / 2);
    assertEquals(Optional.of(900), memory.refusal("user:robin"), "rounded up");
    now.addAndGet(SECOND);
    assertEquals(Optional.of(899), memory.refusal("user:robin"));
    assertEquals(Optional.empty(), memory.refusal("user:other"));
  }

  @Test
  void theDatabaseIsAskedAgainAfterTheRecheckHorizon() {
    memory.remember("addr:127.0.0.1", 900);
    now.addAndGet(2 * SECOND - 1);
    assertEquals(Optional.of(899), memory.refusal("addr:127.0.0.1"));
    now.addAndGet(1);
    assertEquals(Optional.empty(), memory.refusal("addr:127.0.0.1"));
    assertEquals(0, memory.size(), "the stale entry is dropped");
  }

  @Test
  void nothingIsRefusedFromMemoryOnceTheWindowHasClosed() {
    memory.remember("user:robin", 1);
    assertEquals(Optional.of(1), memory.refusal("user:robin"));
    now.addAndGet(SECOND);
    assertEquals(Optional.empty(), memory.refusal("user:robin"), "the window closed before the recheck horizon");
  }

  @Test
  void aSlotGivenBackIsForgottenAtOnce() {
    memory.remember("user:robin", 900);
    memory.forget("user:robin");
    assertEquals(Optional.empty(), memory.refusal("user:robin"));
  }

  @Test
  void aFreshRefusalReplacesAnOlderOne() {
    memory.remember("user:robin", 900);
    now.addAndGet(SECOND + SECOND / 2);
    memory.remember("user:robin", 10);
    now.addAndGet(SECOND);
    assertEquals(Optional.of(9), memory.refusal("user:robin"), "trusted for 2 s from the second refusal");
  }

  @Test
  void theMemoryIsBoundedAndMakesRoomFromExpiredEntries() {
    memory.remember("a", 900);
    memory.remember("b", 900);
    memory.remember("c", 900);
    memory.remember("d", 900);
    assertEquals(3, memory.size());
    assertEquals(Optional.empty(), memory.refusal("d"), "not remembered while full: the database answers it");
    memory.remember("a", 900);
    assertEquals(Optional.of(900), memory.refusal("a"), "a subject already held is refreshed");
    now.addAndGet(3 * SECOND);
    memory.remember("d", 900);
    assertEquals(1, memory.size(), "the expired ones made room");
    assertEquals(Optional.of(900), memory.refusal("d"));
  }

  @Test
  void nonsenseIsIgnoredOrRefused() {
    memory.remember("user:robin", 0);
    assertEquals(Optional.empty(), memory.refusal("user:robin"));
    assertThrows(IllegalArgumentException.class, () -> new RefusalMemory(now::get, Duration.ofSeconds(-1), 3));
  }
}
