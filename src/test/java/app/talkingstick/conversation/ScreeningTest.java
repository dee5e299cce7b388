package app.talkingstick.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.conduct.CrisisDetector;
import app.talkingstick.conduct.Screened;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The screening lanes: each conversation's order, batches under load, one text at a time when quiet, failures. */
class ScreeningTest {

  private Vertx vertx;
  private WorkerExecutor workers;
  private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

  /** Stands in for the learned layer: sends each text back as its "finding", so an answer shows whose text it was. */
  private final Function<List<String>, List<Screened>> echo = texts -> {
    batchSizes.add(texts.size());
    sleep(2); // an encoder run takes a few milliseconds; texts arriving meanwhile wait for the next
    return texts.stream().map(t -> new Screened(Optional.empty(), Optional.of(t), false)).toList();
  };

  @BeforeEach
  void start() {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    workers = vertx.createSharedWorkerExecutor("screening-test", 2);
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void eachConversationIsAnsweredInTheOrderItSentWithItsOwnTextsAnswersOnItsOwnEventLoop() throws Exception {
    Screening screening = new Screening(echo, CrisisDetector.defaults(), workers, 2);
    List<Conversation> conversations = IntStream.range(0, 6).mapToObj(i -> new Conversation("room" + i, screening, 60)).toList();
    for (Conversation c : conversations) vertx.deployVerticle(c).await();
    for (int i = 0; i < 60; i++) {
      for (Conversation c : conversations) vertx.eventBus().send(c.name, c.sent.get(i));
    }
    for (Conversation c : conversations) {
      List<String> answers = c.answered.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertEquals(c.sent, answers, c.name + " is answered in its own order, each answer its own text");
      assertTrue(c.answeredOnItsOwnLoop, c.name + " is answered on its own event loop");
    }
    int largest = Collections.max(batchSizes);
    assertTrue(largest > 1, "360 texts sent at once are screened several to a run, not one by one");
    assertTrue(largest <= Screening.MAX_BATCH, "no run takes more than " + Screening.MAX_BATCH + ": " + largest);
    assertEquals(360, batchSizes.stream().mapToInt(Integer::intValue).sum(), "every text screened once");
  }

  @Test
  void aQuietServerScreensEachTextAsItComes() {
    Screening screening = new Screening(echo, CrisisDetector.defaults(), workers, 2);
    for (int i = 0; i < 5; i++) {
      assertEquals(Optional.of("text " + i), screening.screen("text " + i, true).await().learnedAbuse());
    }
    assertEquals(List.of(1, 1, 1, 1, 1), batchSizes);
  }

  @Test
  void whenTheLearnedLayerFailsTheRulesAnswerAndTheLaneGoesOn() {
    Function<List<String>, List<Screened>> failing = texts -> {
      if (texts.stream().anyMatch(t -> t.contains("tonight"))) throw new IllegalStateException("the encoder failed");
      return echo.apply(texts);
    };
    Screening screening = new Screening(failing, CrisisDetector.defaults(), workers, 1);
    Screened byRules = screening.screen("I am going to kill myself tonight", true).await();
    assertTrue(byRules.urgent().isPresent(), "the rules still find the crisis");
    assertTrue(byRules.learnedAbuse().isEmpty());
    assertEquals(Screened.NOTHING, screening.screen("see you all tonight", true).await());
    assertEquals(Optional.of("hello again"), screening.screen("hello again", true).await().learnedAbuse(),
        "the lane screens on after a failed run");
  }

  @Test
  void therapistsTextsAreNotScreened() {
    Screening screening = new Screening(echo, CrisisDetector.defaults(), workers, 1);
    assertEquals(Screened.NOTHING, screening.screen("you are pathetic", false).await());
    assertTrue(batchSizes.isEmpty());
  }

  @Test
  void aLongTextIsScreenedOnItsFirstCharacters() {
    Screening screening = new Screening(echo, CrisisDetector.defaults(), workers, 1);
    String longText = "a".repeat(Screening.MAX_SCREENED + 500);
    assertEquals(Screening.MAX_SCREENED, screening.screen(longText, true).await().learnedAbuse().orElseThrow().length());
    assertFalse(batchSizes.isEmpty());
  }

  /**
   * A room: screens each text that reaches it over the event bus (each message handled on a context of its own,
   * as a room's are), and keeps the answers in the order they come.
   */
  private static final class Conversation extends VerticleBase {
    final String name;
    final Screening screening;
    final List<String> sent = new ArrayList<>();
    final List<String> answers = new ArrayList<>();
    final Promise<List<String>> answered = Promise.promise();
    volatile boolean answeredOnItsOwnLoop = true;
    final int count;

    Conversation(String name, Screening screening, int count) {
      this.name = name;
      this.screening = screening;
      this.count = count;
      for (int i = 0; i < count; i++) sent.add(name + " text " + i);
    }

    @Override
    public Future<?> start() {
      Thread own = Thread.currentThread();
      return vertx.eventBus().<String>consumer(name, msg -> screening.screen(msg.body(), true).onSuccess(s -> {
        if (Thread.currentThread() != own) answeredOnItsOwnLoop = false;
        answers.add(s.learnedAbuse().orElse("?"));
        if (answers.size() == count) answered.complete(answers);
      })).completion();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
