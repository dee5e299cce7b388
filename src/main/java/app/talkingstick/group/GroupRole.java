package app.talkingstick.group;

import java.util.Locale;

/** A person's role inside one group: its therapists run it, its clients take part. */
public enum GroupRole {
  THERAPIST, CLIENT;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static GroupRole fromWire(String value) {
    return GroupRole.valueOf(value.toUpperCase(Locale.ROOT));
  }

  public boolean isStaff() {
    return this == THERAPIST;
  }
}
