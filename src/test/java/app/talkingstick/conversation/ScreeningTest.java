package app.talkingstick.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.conduct.CrisisDetector;
import app.talkingstick.conduct.Glance;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The screening lanes: each conversation's order (kept by the conversation, {@link InOrder}), batches under
 * load, one text at a time when quiet, failures; texts answered before their crisis reading where the glance
 * leaves nothing else, and a text the glance cannot decide on read ahead of those readings, holding back only
 * its own conversation.
 */
class ScreeningTest {

  private Vertx vertx;
  private WorkerExecutor workers;
  private WorkerExecutor readers;
  private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

  /** Stands in for the learned layer: sends each text back as its "finding", so an answer shows whose text it was. */
  private final Function<List<Glance>, List<Screened>> echo = glances -> {
    batchSizes.add(glances.size());
    sleep(2); // an encoder run takes a few milliseconds; texts arriving meanwhile wait for the next
    return glances.stream().map(g -> found(g.text())).toList();
  };

  private static Screened found(String text) {
    return new Screened(Optional.empty(), Optional.of(text), false);
  }

  /** A glance that settles a text up to its crisis reading, what is known of it showing whose text it is. */
  private static Glance crisisToRead(String text) {
    return new Glance(text, Glance.Stage.CRISIS_TO_READ, new Screened(Optional.empty(), Optional.of(text), true),
        Optional.empty(), null);
  }

  private Screening screening(Function<String, Glance> glance, Function<List<Glance>, List<Screened>> read, int lanes) {
    return new Screening(glance, read, CrisisDetector.defaults(), workers, readers, lanes);
  }

  private Screening screening(Function<List<Glance>, List<Screened>> read, int lanes) {
    return screening(Glance::toRead, read, lanes);
  }

  @BeforeEach
  void start() {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    workers = vertx.createSharedWorkerExecutor("screening-test", 2);
    readers = vertx.createSharedWorkerExecutor("screening-test-readers", 2);
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void eachConversationDecidesInTheOrderItSentWithItsOwnTextsAnswersOnItsOwnEventLoop() throws Exception {
    // every third text is answered before its crisis reading, the others after theirs: the order holds across both
    Screening screening = screening(t -> t.endsWith("0") || t.endsWith("3") || t.endsWith("6") ? crisisToRead(t) : Glance.toRead(t),
        echo, 2);
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
    waitUntil(() -> batchSizes.stream().mapToInt(Integer::intValue).sum() >= 360); // the crisis readings follow the answers
    sleep(50);
    assertEquals(360, batchSizes.stream().mapToInt(Integer::intValue).sum(), "every text read once");
  }

  @Test
  void aQuietServerScreensEachTextAsItComes() {
    Screening screening = screening(echo, 2);
    for (int i = 0; i < 5; i++) {
      assertEquals(Optional.of("text " + i), screening.screen("text " + i, true).await().screened().learnedAbuse());
    }
    assertEquals(List.of(1, 1, 1, 1, 1), batchSizes);
  }

  @Test
  void aTextTheGlanceLeavesOnlyItsCrisisToIsAnsweredBeforeItsReadingWhichFollows() throws Exception {
    CountDownLatch encoders = new CountDownLatch(1);
    Screening screening = screening(ScreeningTest::crisisToRead, glances -> {
      await(encoders);
      return echo.apply(glances);
    }, 1);
    Screening.Answer answer = screening.screen("on the roof now", true).toCompletionStage().toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
    assertEquals(Optional.of("on the roof now"), answer.screened().learnedAbuse(), "answered from the glance");
    assertFalse(answer.crisisReading().isComplete(), "while the encoders are still reading it");
    encoders.countDown();
    Screened read = answer.crisisReading().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertEquals(found("on the roof now"), read, "the reading follows");
  }

  @Test
  void aTextTheGlanceCannotDecideOnHoldsBackOnlyItsOwnConversationsLaterTexts() throws Exception {
    CountDownLatch encoders = new CountDownLatch(1);
    Screening screening = screening(t -> t.startsWith("calm") ? Glance.settled(t, Screened.NOTHING) : Glance.toRead(t),
        glances -> {
          await(encoders);
          return echo.apply(glances);
        }, 1);
    List<String> decided = new CopyOnWriteArrayList<>();
    InOrder conversation = new InOrder();
    Future<Screening.Answer> unsure = screening.screen("you people", true);
    conversation.then(unsure, a -> record(decided, "unsure"));
    Future<Screening.Answer> calm = screening.screen("calm evening", true);
    conversation.then(calm, a -> record(decided, "calm"));
    Future<Screening.Answer> elsewhere = screening.screen("calm morning", true);
    elsewhere.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    calm.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertFalse(unsure.isComplete(), "settled texts are answered while the unsure one is still being read");
    assertTrue(decided.isEmpty(), "but its own conversation decides nothing before it: " + decided);
    encoders.countDown();
    unsure.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    waitUntil(() -> decided.size() == 2);
    assertEquals(List.of("unsure", "calm"), decided);
    assertTrue(calm.result().crisisReading().isComplete(), "a settled text has nothing more to read");
    assertEquals(List.of(1), batchSizes, "only the unsure text went to the encoders");
  }

  /** A screening on one lane whose first encoder run waits for {@code encoders}, each run's texts in {@code runs}. */
  private record Blocked(Screening screening, List<Future<Screening.Answer>> early) {}

  /** Twelve texts whose crisis readings wait behind an encoder run held until {@code encoders} counts down. */
  private Blocked withCrisisReadingsWaiting(Function<String, Glance> glance, CountDownLatch encoders, List<List<String>> runs)
      throws Exception {
    Screening screening = screening(glance, glances -> {
      runs.add(glances.stream().map(Glance::text).toList());
      if (runs.size() == 1) await(encoders);
      return echo.apply(glances);
    }, 1);
    List<Future<Screening.Answer>> early = new ArrayList<>();
    for (int i = 0; i < 12; i++) early.add(screening.screen("quiet " + i, true));
    for (Future<Screening.Answer> f : early) f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    waitUntil(() -> runs.size() == 1);
    return new Blocked(screening, early);
  }

  @Test
  void aCrisisTheRulesFoundIsAnsweredAtOnceAndReadBeforeCheckInReadingsAlreadyWaiting() throws Exception {
    CountDownLatch encoders = new CountDownLatch(1);
    List<List<String>> runs = new CopyOnWriteArrayList<>();
    String crisis = "I am going to kill myself tonight";
    Blocked blocked = withCrisisReadingsWaiting(t -> t.equals(crisis)
        ? new Glance(t, Glance.Stage.CRISIS_TO_READ, Screened.NOTHING, CrisisDetector.defaults().detect(t), null)
        : crisisToRead(t), encoders, runs);
    Screening.Answer answer = blocked.screening().screen(crisis, true).toCompletionStage().toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
    assertFalse(answer.crisisReading().isComplete(), "answered before the encoders are free, its reading to follow");
    encoders.countDown();
    answer.crisisReading().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertEquals(crisis, runs.get(1).get(0), "its reading comes before the check-in readings that waited longer: " + runs);
  }

  @Test
  void aTextAConversationWaitsForIsReadBeforeCrisisReadingsAlreadyWaiting() throws Exception {
    CountDownLatch encoders = new CountDownLatch(1);
    List<List<String>> runs = new CopyOnWriteArrayList<>();
    Blocked blocked = withCrisisReadingsWaiting(t -> t.startsWith("unsure") ? Glance.toRead(t) : crisisToRead(t), encoders, runs);
    Future<Screening.Answer> unsure = blocked.screening().screen("unsure one", true);
    sleep(100); // glanced at and queued behind the readings already waiting
    encoders.countDown();
    unsure.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    for (Future<Screening.Answer> f : blocked.early()) {
      f.result().crisisReading().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
    assertEquals("unsure one", runs.get(1).get(0), "the next run starts with the text a conversation waits for: " + runs);
    assertEquals(13, runs.stream().mapToInt(List::size).sum(), "every text read once: " + runs);
  }

  @Test
  void whenTheLearnedLayerFailsTheRulesAnswerAndTheLaneGoesOn() {
    Function<List<Glance>, List<Screened>> failing = glances -> {
      if (glances.stream().anyMatch(g -> g.text().contains("tonight"))) throw new IllegalStateException("the encoder failed");
      return echo.apply(glances);
    };
    Screening screening = screening(failing, 1);
    Screened byRules = screening.screen("I am going to kill myself tonight", true).await().screened();
    assertTrue(byRules.urgent().isPresent(), "the rules still find the crisis");
    assertTrue(byRules.learnedAbuse().isEmpty());
    assertEquals(Screened.NOTHING, screening.screen("see you all tonight", true).await().screened());
    assertEquals(Optional.of("hello again"), screening.screen("hello again", true).await().screened().learnedAbuse(),
        "the lane screens on after a failed run");
  }

  @Test
  void whenTheGlanceFailsTheRulesAnswer() {
    Screening screening = screening(t -> {
      throw new IllegalStateException("the word features failed");
    }, echo, 1);
    Screening.Answer answer = screening.screen("I am going to kill myself tonight", true).await();
    assertTrue(answer.screened().urgent().isPresent(), "the rules still find the crisis");
    assertTrue(answer.crisisReading().isComplete());
  }

  @Test
  void therapistsTextsAreNotScreened() {
    Screening screening = screening(echo, 1);
    assertEquals(Screened.NOTHING, screening.screen("you are pathetic", false).await().screened());
    assertTrue(batchSizes.isEmpty());
  }

  @Test
  void aLongTextIsScreenedOnItsFirstCharacters() {
    Screening screening = screening(echo, 1);
    String longText = "a".repeat(Screening.MAX_SCREENED + 500);
    assertEquals(Screening.MAX_SCREENED, screening.screen(longText, true).await().screened().learnedAbuse().orElseThrow().length());
    assertFalse(batchSizes.isEmpty());
  }

  /**
   * A room: screens each text that reaches it over the event bus (each message handled on a context of its own,
   * as a room's are), and decides on them in the order they came ({@link InOrder}), keeping the answers.
   */
  private static final class Conversation extends VerticleBase {
    final String name;
    final Screening screening;
    final List<String> sent = new ArrayList<>();
    final List<String> answers = new ArrayList<>();
    final Promise<List<String>> answered = Promise.promise();
    final InOrder inOrder = new InOrder();
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
      return vertx.eventBus().<String>consumer(name, msg -> inOrder.then(screening.screen(msg.body(), true), a -> {
        if (Thread.currentThread() != own) answeredOnItsOwnLoop = false;
        answers.add(a.screened().learnedAbuse().orElse("?"));
        if (answers.size() == count) answered.complete(answers);
        return Future.succeededFuture();
      })).completion();
    }
  }

  private static Future<?> record(List<String> decided, String what) {
    decided.add(what);
    return Future.succeededFuture();
  }

  private static void waitUntil(java.util.function.BooleanSupplier done) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!done.getAsBoolean() && System.nanoTime() < deadline) sleep(10);
    assertTrue(done.getAsBoolean(), "in time");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
