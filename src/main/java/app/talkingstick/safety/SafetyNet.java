package app.talkingstick.safety;

import app.talkingstick.Services;
import app.talkingstick.audit.AuditLog;
import app.talkingstick.conduct.CrisisDetector;
import app.talkingstick.conduct.CrisisResources;
import app.talkingstick.conduct.CrisisSignal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a stored message shows signs of a crisis, in a room or a channel: the staff
 * are alerted at once, the author privately gets crisis resources, and an escalation is opened
 * that stays until a therapist acknowledges it. The message itself is never held back.
 */
public final class SafetyNet {

  private static final Logger LOG = LoggerFactory.getLogger(SafetyNet.class);

  private final Services services;
  private final EscalationStore escalations;
  private final CrisisResources resources;
  private static final CrisisDetector DETECTOR = CrisisDetector.defaults();

  public SafetyNet(Services services) {
    this.services = services;
    this.escalations = new EscalationStore(services.pool());
    this.resources = CrisisResources.bundled();
  }

  /**
   * @param alert the staff event's own fields (seq, who, text); completed here with type,
   *     category, severity and escalationId, then handed to {@code alertStaff}
   */
  public void raise(CrisisSignal signal, EscalationStore.Origin origin, JsonObject alert, Consumer<JsonObject> alertStaff) {
    services.inbox().deliver(origin.accountId(), resourcesFor(signal));
    alert.put("type", "crisis").put("category", signal.category().name().toLowerCase())
        .put("severity", signal.severity().name().toLowerCase());
    escalations.open(origin, signal.category().name().toLowerCase(), signal.severity().name().toLowerCase())
        .onComplete(opened -> {
          if (opened.succeeded()) alert.put("escalationId", opened.result().toString());
          else LOG.error("Escalation not recorded ({}); staff are alerted anyway", opened.cause().getClass().getSimpleName());
          alertStaff.accept(alert);
          if (opened.succeeded() && origin.groupId() != null) audit(origin, signal, opened.result());
        });
  }

  private void audit(EscalationStore.Origin origin, CrisisSignal signal, UUID escalationId) {
    AuditLog.record(services.pool(), AuditLog.Entry.of(origin.groupId(), null, "crisis-detected")
            .about(origin.memberId())
            .with("category", signal.category().name().toLowerCase())
            .with("severity", signal.severity().name().toLowerCase())
            .with("seq", origin.seq())
            .with("escalationId", escalationId.toString()))
        .onFailure(err -> LOG.error("Audit of an escalation not written: {}", err.getClass().getSimpleName()));
  }

  /** Crisis detection for a place without the rest of the conduct policy (a therapy channel). */
  public java.util.Optional<CrisisSignal> detect(String text) {
    return DETECTOR.detect(text);
  }

  public JsonObject resourcesFor(CrisisSignal signal) {
    JsonArray links = new JsonArray();
    resources.links().forEach(l -> links.add(new JsonObject().put("label", l.label()).put("url", l.url())));
    return new JsonObject().put("type", "crisis-resources").put("text", resources.textFor(signal.category())).put("links", links);
  }
}
