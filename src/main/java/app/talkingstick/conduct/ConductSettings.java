package app.talkingstick.conduct;

import java.util.Objects;

/** All conduct settings of one room or channel. */
public record ConductSettings(FloodSettings flood, LadderSettings ladder) {

    public ConductSettings {
        Objects.requireNonNull(flood, "flood");
        Objects.requireNonNull(ladder, "ladder");
    }

    public static ConductSettings defaults() {
        return new ConductSettings(FloodSettings.defaults(), LadderSettings.defaults());
    }

    public ConductSettings withFlood(FloodSettings value) {
        return new ConductSettings(value, ladder);
    }

    public ConductSettings withLadder(LadderSettings value) {
        return new ConductSettings(flood, value);
    }
}
