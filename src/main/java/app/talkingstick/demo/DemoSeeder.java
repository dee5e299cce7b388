package app.talkingstick.demo;

import app.talkingstick.Services;
import app.talkingstick.auth.Role;
import app.talkingstick.http.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code --demo}: a therapist and three clients to sign in with, created once, then listed on start. */
public final class DemoSeeder {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

  public static final String THERAPIST = "dr.rivera";
  public static final String THERAPIST_PASSWORD = "demo-therapist-pass";
  public static final List<String> CLIENTS = List.of("alex", "blair", "casey");
  public static final String CLIENT_PASSWORD = "demo-client-pass";

  private final Services services;

  public DemoSeeder(Services services) {
    this.services = services;
  }

  public Future<Void> seed() {
    Future<Void> all = ensure(THERAPIST, THERAPIST_PASSWORD, "Dr. Sam Rivera", Role.THERAPIST);
    for (String client : CLIENTS) {
      all = all.compose(v -> ensure(client, CLIENT_PASSWORD, capitalise(client), Role.CLIENT));
    }
    return all.onSuccess(v -> LOG.info(
        "Demo accounts ready. Therapist: {} / {}. Clients: {} / {}",
        THERAPIST, THERAPIST_PASSWORD, String.join(", ", CLIENTS), CLIENT_PASSWORD));
  }

  private Future<Void> ensure(String username, String password, String displayName, Role role) {
    JsonObject body = new JsonObject().put("username", username).put("password", password).put("displayName", displayName);
    return services.auth().createAccount(body, role).<Void>mapEmpty()
        .recover(err -> err instanceof ApiError api && api.status() == 409 ? Future.succeededFuture() : Future.failedFuture(err));
  }

  private static String capitalise(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
