package app.talkingstick.conversation;

import io.vertx.core.Future;
import java.util.function.Function;

/**
 * Keeps a conversation's texts decided in the order they were sent while their screening runs side by
 * side: each decision waits for its text's screening and for the decision before it, including any
 * reading that decision waited for. One per conversation, used on the conversation's own context only.
 */
public final class InOrder {

  private Future<?> last = Future.succeededFuture();

  /** Decides on {@code screened}'s result once it is in and every earlier decision is done; never fails the chain. */
  public <T> void then(Future<T> screened, Function<T, Future<?>> decide) {
    last = last.transform(before -> screened).compose(decide::apply);
  }
}
