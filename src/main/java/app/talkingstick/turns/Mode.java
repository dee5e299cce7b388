package app.talkingstick.turns;

/** How a room decides who may speak. */
public enum Mode {
    OPEN("open"),
    RAISE_HAND("raise-hand"),
    ROUND_ROBIN("round-robin"),
    PAUSED("paused");

    private final String wireName;

    Mode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException for an unknown wire name */
    public static Mode fromWire(String wireName) {
        for (Mode mode : values()) {
            if (mode.wireName.equals(wireName)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode: " + wireName);
    }
}
