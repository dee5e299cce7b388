package app.talkingstick.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A conversation's decisions in the order its texts came, whatever order their screening finishes in. */
class InOrderTest {

  private final InOrder inOrder = new InOrder();
  private final List<String> decided = new ArrayList<>();

  private Future<?> decide(String text) {
    decided.add(text);
    return Future.succeededFuture();
  }

  @Test
  void aTextScreenedLaterIsStillDecidedFirst() {
    Promise<String> first = Promise.promise();
    Promise<String> second = Promise.promise();
    inOrder.then(first.future(), this::decide);
    inOrder.then(second.future(), this::decide);
    second.complete("second");
    assertEquals(List.of(), decided, "the second waits for the first");
    first.complete("first");
    assertEquals(List.of("first", "second"), decided);
  }

  @Test
  void aDecisionThatWaitsForAReadingHoldsBackTheNext() {
    Promise<Void> reading = Promise.promise();
    inOrder.then(Future.succeededFuture("first"), text -> reading.future().onSuccess(v -> decided.add(text)));
    inOrder.then(Future.succeededFuture("second"), this::decide);
    assertEquals(List.of(), decided);
    reading.complete();
    assertEquals(List.of("first", "second"), decided);
  }

  @Test
  void aFailedDecisionDoesNotStopTheOnesAfterIt() {
    inOrder.then(Future.succeededFuture("first"), text -> {
      throw new IllegalStateException("a bug in one decision");
    });
    inOrder.then(Future.<String>failedFuture("screening failed"), this::decide);
    inOrder.then(Future.succeededFuture("third"), this::decide);
    assertEquals(List.of("third"), decided);
  }
}
