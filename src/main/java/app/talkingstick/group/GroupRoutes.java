package app.talkingstick.group;

import app.talkingstick.Services;
import app.talkingstick.http.Authenticated;
import io.vertx.ext.web.Router;

/** {@code /api/groups/*}. */
public final class GroupRoutes {

  private final Services services;
  private final Authenticated authenticated;

  public GroupRoutes(Services services, Authenticated authenticated) {
    this.services = services;
    this.authenticated = authenticated;
  }

  public void mount(Router router) {
    // filled in by the group HTTP work
  }
}
