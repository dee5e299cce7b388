package app.talkingstick.conduct;

/**
 * Text after {@link TextNormalizer#fold folding}, with a map from every folded character back to the span of the
 * original text it came from, so that spans found in the folded text can be replaced in the original.
 */
public final class Folded {

    private final String original;
    private final String text;
    private final int[] from;
    private final int[] to;
    private final boolean[] disguised;

    Folded(String original, String text, int[] from, int[] to, boolean[] disguised) {
        this.original = original;
        this.text = text;
        this.from = from;
        this.to = to;
        this.disguised = disguised;
    }

    /** The text as the user wrote it. */
    public String original() {
        return original;
    }

    /** The folded text: lower case, look-alikes mapped to Latin, marks and invisible characters removed. */
    public String text() {
        return text;
    }

    /** Start (inclusive) in the original text of the folded range {@code [start, end)}. */
    public int originalStart(int start) {
        return start < from.length ? from[start] : original.length();
    }

    /** End (exclusive) in the original text of the folded range {@code [start, end)}. */
    public int originalEnd(int end) {
        return end == 0 ? 0 : to[end - 1];
    }

    /**
     * Whether the folded character at {@code index} came from a disguise: a look-alike letter of another script,
     * a full-width or stylised form, or a letter that had invisible characters or stacked marks attached.
     */
    public boolean disguised(int index) {
        return disguised[index];
    }

    /** Whether any character in {@code [start, end)} came from a disguise. */
    public boolean disguised(int start, int end) {
        for (int i = Math.max(0, start); i < Math.min(end, disguised.length); i++) {
            if (disguised[i]) {
                return true;
            }
        }
        return false;
    }
}
