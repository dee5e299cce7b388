package app.talkingstick.conversation;

import app.talkingstick.conduct.CrisisDetector;
import app.talkingstick.conduct.Screened;
import app.talkingstick.conduct.SemanticLayer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one screening step that every text a client sends passes through, in a group room and in a
 * private channel alike, before anything may refuse it (not their turn, no session, paused, muted,
 * slow mode, flood, agreement, length, conduct). Both layers run ({@link SemanticLayer}: the rules and
 * the learned sentence encoder), off the event loop on a small pool of worker threads, in the order
 * each conversation sent them. What the conversation does with the result is decided after: shared
 * with the room and alerted, or, where the room would refuse the text, sent privately to the
 * therapists instead of the refusal.
 */
public final class Screening {

  private static final Logger LOG = LoggerFactory.getLogger(Screening.class);
  /** Longer texts (a refused one can be up to a socket frame) are screened on their first this many characters. */
  static final int MAX_SCREENED = 4 * SayAction.MAX_TEXT;

  private final SemanticLayer layer;
  private final CrisisDetector rules;
  private final WorkerExecutor workers;

  public Screening(SemanticLayer layer, CrisisDetector rules, WorkerExecutor workers) {
    this.layer = layer;
    this.rules = rules;
    this.workers = workers;
  }

  /** The bundled layers on a pool of one worker thread per CPU. */
  public static Screening bundled(Vertx vertx) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    return new Screening(SemanticLayer.bundled(), CrisisDetector.defaults(),
        vertx.createSharedWorkerExecutor("talkingstick-screening", threads));
  }

  /**
   * What a client wrote, screened; completes on the caller's context, in the order of the calls made
   * from it. Therapists' own messages are not screened. Never fails: should the learned layer fail,
   * the rules alone answer.
   */
  public Future<Screened> screen(String text, boolean fromClient) {
    if (!fromClient) return Future.succeededFuture(Screened.NOTHING);
    String screened = text.length() > MAX_SCREENED ? text.substring(0, MAX_SCREENED) : text;
    return workers.executeBlocking(() -> layer.screen(screened), true).recover(err -> {
      LOG.error("The learned screening layer failed ({}); the rules alone screened this message", err.getClass().getSimpleName());
      return Future.succeededFuture(Screened.byRules(rules.detect(screened)));
    });
  }
}
