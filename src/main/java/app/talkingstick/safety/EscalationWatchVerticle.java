package app.talkingstick.safety;

import app.talkingstick.Services;
import app.talkingstick.audit.AuditLog;
import app.talkingstick.config.Config;
import app.talkingstick.store.DatabaseErrors;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure an alert is not left unseen: an escalation still open {@code ESCALATION_ACK_SECONDS}
 * after it was raised is sent again, to its therapists and now also to the other therapists who know
 * the client and to the admins, and e-mailed to those of them with an address when SMTP is set. Each
 * escalation is claimed in the database for its reminder, so with several servers it goes out once.
 */
public final class EscalationWatchVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(EscalationWatchVerticle.class);

  private final Services services;
  private final Duration deadline;
  private EscalationStore escalations;
  private AlertMail mail;
  private boolean checking;

  public EscalationWatchVerticle(Services services) {
    this.services = services;
    this.deadline = services.config().alerts().ackWithin();
  }

  @Override
  public Future<?> start() {
    escalations = new EscalationStore(services.pool(), services.channelCipher());
    Config.Alerts alerts = services.config().alerts();
    mail = alerts.smtp().map(smtp -> new AlertMail(vertx, smtp, alerts.publicUrl())).orElse(null);
    long every = Math.max(500, Math.min(deadline.toMillis() / 4, 15_000));
    vertx.setPeriodic(every, id -> check());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return mail == null ? Future.succeededFuture() : mail.close();
  }

  private void check() {
    if (checking) return;
    checking = true;
    escalations.claimOverdue(deadline)
        .compose(ids -> Future.join(ids.stream().map(this::remind).toList()))
        .onFailure(err -> LOG.warn("Overdue escalations not checked: {}", DatabaseErrors.describe(err)))
        .onComplete(done -> checking = false);
  }

  private Future<Void> remind(UUID escalationId) {
    return escalations.byId(escalationId).compose(found -> {
      if (found.isEmpty()) return Future.succeededFuture();
      JsonObject escalation = found.get();
      UUID groupId = uuid(escalation.getString("groupId"));
      UUID channelId = uuid(escalation.getString("channelId"));
      return escalations.recipients(groupId, channelId, true).compose(people -> {
        deliver(escalation, people);
        audit(escalation, groupId, people.size());
        return emails(escalation, people);
      });
    });
  }

  /** Therapists get the alert again as it was; admins only that one is waiting and where. */
  private void deliver(JsonObject escalation, List<EscalationStore.Recipient> people) {
    JsonObject full = AlertEvents.reminder(escalation, false);
    JsonObject bare = AlertEvents.reminder(escalation, true);
    people.forEach(p -> services.inbox().deliver(p.accountId(), p.admin() ? bare : full));
  }

  private Future<Void> emails(JsonObject escalation, List<EscalationStore.Recipient> people) {
    if (mail == null) return Future.succeededFuture();
    String groupName = escalation.getString("groupName");
    String where = groupName != null ? "the group “" + groupName + "”" : "a private conversation";
    Duration waiting = Duration.between(Instant.parse(escalation.getString("openedAt")), Instant.now());
    List<Future<Void>> sent = people.stream().filter(p -> p.email().isPresent())
        .map(p -> mail.send(p.email().get(), where, waiting)
            .onFailure(err -> LOG.warn("Escalation {}: a reminder e-mail was not sent: {}", escalation.getString("id"),
                err.getClass().getSimpleName())))
        .toList();
    return Future.join(sent).mapEmpty();
  }

  private void audit(JsonObject escalation, UUID groupId, int people) {
    AuditLog.Entry entry = AuditLog.Entry.of(groupId, null, "escalation-reminded")
        .with("escalationId", escalation.getString("id")).with("recipients", people);
    if (escalation.getString("memberId") != null) entry = entry.about(UUID.fromString(escalation.getString("memberId")));
    AuditLog.record(services.pool(), entry)
        .onFailure(err -> LOG.error("Audit of a reminder not written: {}", err.getClass().getSimpleName()));
  }

  private static UUID uuid(String id) {
    return id == null ? null : UUID.fromString(id);
  }
}
