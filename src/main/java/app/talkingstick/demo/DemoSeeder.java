package app.talkingstick.demo;

import app.talkingstick.Services;
import app.talkingstick.auth.Account;
import app.talkingstick.auth.Principal;
import app.talkingstick.auth.Role;
import app.talkingstick.group.GroupService;
import app.talkingstick.group.GroupStore.NewGroup;
import app.talkingstick.http.ApiError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --demo}: a therapist, three clients, a group two of them have joined and an invite for
 * the third, created once and then reused; prints how to sign in.
 */
public final class DemoSeeder {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

  public static final String THERAPIST = "dr.rivera";
  public static final String THERAPIST_PASSWORD = "demo-therapist-pass";
  public static final List<String> CLIENTS = List.of("alex", "blair", "casey");
  public static final String CLIENT_PASSWORD = "demo-client-pass";
  public static final String GROUP_NAME = "Thursday Evening Circle";
  private static final List<String> PSEUDONYMS = List.of("River", "Sky");

  private final Services services;
  private final GroupService groups;

  public DemoSeeder(Vertx vertx, Services services) {
    this.services = services;
    this.groups = new GroupService(vertx, services);
  }

  public Future<Void> seed() {
    Future<Void> accounts = ensure(THERAPIST, THERAPIST_PASSWORD, "Dr. Sam Rivera", Role.THERAPIST);
    for (String client : CLIENTS) {
      accounts = accounts.compose(v -> ensure(client, CLIENT_PASSWORD, capitalise(client), Role.CLIENT));
    }
    return accounts
        .compose(v -> principal(THERAPIST))
        .compose(therapist -> demoGroup(therapist)
            .compose(groupId -> groups.createInvite(therapist, groupId, 720, 10)))
        .onSuccess(invite -> LOG.info(
            "Demo ready. Therapist: {} / {}. Clients: {} / {} (alex and blair are in '{}'; casey can join with invite code {}).",
            THERAPIST, THERAPIST_PASSWORD, String.join(", ", CLIENTS), CLIENT_PASSWORD, GROUP_NAME, invite.getString("code")))
        .mapEmpty();
  }

  private Future<UUID> demoGroup(Principal therapist) {
    return groups.listFor(therapist).compose(mine -> {
      for (Object g : mine) {
        JsonObject group = (JsonObject) g;
        if (GROUP_NAME.equals(group.getString("name"))) return Future.succeededFuture(UUID.fromString(group.getString("id")));
      }
      NewGroup group = new NewGroup(GROUP_NAME, "A weekly peer-support circle (demo).", "What helped this week",
          "raise-hand", 12, 120, 60, 0, "fifo", GroupService.DEFAULT_AGREEMENT);
      return groups.create(therapist, group)
          .map(created -> UUID.fromString(created.getString("id")))
          .compose(groupId -> joinClients(therapist, groupId).map(groupId));
    });
  }

  private Future<Void> joinClients(Principal therapist, UUID groupId) {
    return groups.createInvite(therapist, groupId, 1, PSEUDONYMS.size()).compose(invite -> {
      Future<Void> joined = Future.succeededFuture();
      for (int i = 0; i < PSEUDONYMS.size(); i++) {
        String client = CLIENTS.get(i);
        String pseudonym = PSEUDONYMS.get(i);
        joined = joined.compose(v -> principal(client))
            .compose(p -> groups.join(p, invite.getString("code"), pseudonym, true))
            .mapEmpty();
      }
      return joined;
    });
  }

  private Future<Principal> principal(String username) {
    return services.auth().accounts().byUsername(username).map(found -> {
      Account a = found.orElseThrow();
      return new Principal(a.id(), a.username(), a.role(), a.tokenGeneration(), Instant.now().plusSeconds(60));
    });
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
