package app.talkingstick.auth;

import java.util.Locale;

public enum Role {
  CLIENT, THERAPIST, ADMIN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromWire(String value) {
    return Role.valueOf(value.toUpperCase(Locale.ROOT));
  }
}
