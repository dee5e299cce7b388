package app.talkingstick.safety;

import app.talkingstick.Services;
import app.talkingstick.audit.AuditLog;
import app.talkingstick.conduct.CrisisResources;
import app.talkingstick.conduct.CrisisSignal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a client's words show signs of a crisis, in a room or a channel, whether or not
 * the conversation shared them: an escalation is opened (and committed) with the text sealed on it,
 * every therapist who should know gets the alert on their inbox at once, and the author privately
 * gets crisis resources. The escalation stays until a therapist acknowledges it; if nobody does in
 * time, {@link EscalationWatchVerticle} sends it again to more people.
 */
public final class SafetyNet {

  private static final Logger LOG = LoggerFactory.getLogger(SafetyNet.class);

  /**
   * A crisis noticed in a conversation.
   *
   * @param origin where, and whose words
   * @param text the words as written (what the therapists read)
   * @param shared whether the conversation showed them to its members
   * @param therapists who gets the alert on their inbox at once
   * @param where the alert's own fields locating it ({@code groupId, groupName, seq, memberId, pseudonym} or
   *     {@code channelId, seq, from})
   */
  public record Crisis(CrisisSignal signal, EscalationStore.Origin origin, String text, boolean shared,
                       List<UUID> therapists, JsonObject where) {}

  private final Services services;
  private final EscalationStore escalations;
  private final CrisisResources resources;

  public SafetyNet(Services services) {
    this.services = services;
    this.escalations = new EscalationStore(services.pool(), services.channelCipher());
    this.resources = CrisisResources.bundled();
  }

  /**
   * Raises the alert. Completes, never failed, once the escalation is committed (or could not be), with
   * the alert as the therapists got it ({@code escalationId} is missing when the escalation could not
   * be recorded: they are alerted all the same).
   */
  public Future<JsonObject> raise(Crisis crisis) {
    services.inbox().deliver(crisis.origin().accountId(), resourcesEvent(crisis));
    String category = wire(crisis.signal().category());
    String severity = wire(crisis.signal().severity());
    JsonObject alert = crisis.where().copy().put("type", "crisis").put("category", category).put("severity", severity)
        .put("text", crisis.text()).put("shared", crisis.shared()).put("reminder", false);
    Future<EscalationStore.Opened> opened;
    try {
      opened = escalations.open(crisis.origin(), category, severity, crisis.shared(), crisis.text());
    } catch (RuntimeException e) {
      opened = Future.failedFuture(e);
    }
    return opened.transform(result -> {
      if (result.succeeded()) {
        alert.put("escalationId", result.result().id().toString()).put("openedAt", result.result().at().toString());
        audit(crisis, result.result().id());
      } else {
        LOG.error("Escalation not recorded ({}); the therapists are alerted anyway", result.cause().getClass().getSimpleName());
        alert.put("openedAt", java.time.Instant.now().toString());
      }
      crisis.therapists().forEach(id -> services.inbox().deliver(id, alert));
      return Future.succeededFuture(alert);
    });
  }

  /**
   * A check-in: the learned layer saw something worth a quiet word, not an alarm. The therapists get
   * {@code check-in} on their inboxes (no sound, no escalation); the author is shown nothing. Returns the event.
   */
  public JsonObject checkIn(CrisisSignal signal, UUID groupId, UUID memberId, String text, List<UUID> therapists,
                            JsonObject where) {
    JsonObject flag = where.copy().put("type", "check-in").put("category", wire(signal.category()))
        .put("severity", wire(signal.severity())).put("text", text);
    therapists.forEach(id -> services.inbox().deliver(id, flag));
    AuditLog.Entry entry = AuditLog.Entry.of(groupId, null, "check-in-flagged").about(memberId)
        .with("category", wire(signal.category()));
    if (where.getValue("seq") != null) entry = entry.with("seq", where.getValue("seq"));
    if (where.getString("channelId") != null) entry = entry.with("channelId", where.getString("channelId"));
    AuditLog.record(services.pool(), entry)
        .onFailure(err -> LOG.error("Audit of a check-in not written: {}", err.getClass().getSimpleName()));
    return flag;
  }

  private void audit(Crisis crisis, UUID escalationId) {
    AuditLog.Entry entry = AuditLog.Entry.of(crisis.origin().groupId(), null, "crisis-detected")
        .about(crisis.origin().memberId())
        .with("category", wire(crisis.signal().category()))
        .with("severity", wire(crisis.signal().severity()))
        .with("shared", crisis.shared())
        .with("escalationId", escalationId.toString());
    if (crisis.origin().seq() != null) entry = entry.with("seq", crisis.origin().seq());
    if (crisis.origin().channelId() != null) entry = entry.with("channelId", crisis.origin().channelId().toString());
    AuditLog.record(services.pool(), entry)
        .onFailure(err -> LOG.error("Audit of an escalation not written: {}", err.getClass().getSimpleName()));
  }

  /** The support card for the author: {@code {text, links:[{label, url}]}}. */
  public JsonObject support(CrisisSignal signal) {
    JsonArray links = new JsonArray();
    resources.links().forEach(l -> links.add(new JsonObject().put("label", l.label()).put("url", l.url())));
    return new JsonObject().put("text", resources.textFor(signal.category())).put("links", links);
  }

  /** The same card on the author's inbox, for their other windows, with where it was written. */
  private JsonObject resourcesEvent(Crisis crisis) {
    JsonObject event = support(crisis.signal()).put("type", "crisis-resources").put("seq", crisis.origin().seq());
    if (crisis.origin().groupId() != null) event.put("groupId", crisis.origin().groupId().toString());
    if (crisis.origin().channelId() != null) event.put("channelId", crisis.origin().channelId().toString());
    return event;
  }

  static String wire(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
