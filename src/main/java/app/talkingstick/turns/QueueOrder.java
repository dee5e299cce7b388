package app.talkingstick.turns;

/** Order of the raise-hand queue. */
public enum QueueOrder {
    /** First raised, first served. */
    FIFO("fifo"),
    /** Least accumulated floor time this session first; ties go to whoever raised earlier. */
    EQUITY("equity");

    private final String wireName;

    QueueOrder(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException for an unknown wire name */
    public static QueueOrder fromWire(String wireName) {
        for (QueueOrder order : values()) {
            if (order.wireName.equals(wireName)) {
                return order;
            }
        }
        throw new IllegalArgumentException("unknown queue order: " + wireName);
    }
}
