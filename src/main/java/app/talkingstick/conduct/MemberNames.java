package app.talkingstick.conduct;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * A room's member pseudonyms, unchangeable, with the forms the personal-details check compares a handle against
 * worked out once. A room passes the same names with every message until its members change; working the forms out
 * per message cost a fold of every name, and a cache on the thread did not help a loop that serves many rooms in turn.
 */
public final class MemberNames extends AbstractSet<String> {

    private final Set<String> names;
    private final Set<String> lowered;

    private MemberNames(Set<String> names) {
        this.names = names;
        this.lowered = lowered(names);
    }

    public static MemberNames of(Collection<String> names) {
        return new MemberNames(Set.copyOf(names));
    }

    /** Folded, in lower case, without a leading "@": how a handle in a message reads when it names a member. */
    static Set<String> lowered(Set<String> names) {
        if (names instanceof MemberNames prepared) {
            return prepared.lowered;
        }
        Set<String> out = new HashSet<>();
        for (String n : names) {
            String name = TextNormalizer.fold(n).text().toLowerCase(Locale.ROOT);
            out.add(name.startsWith("@") ? name.substring(1) : name);
        }
        return Set.copyOf(out);
    }

    @Override
    public Iterator<String> iterator() {
        return names.iterator();
    }

    @Override
    public int size() {
        return names.size();
    }

    @Override
    public boolean contains(Object o) {
        return names.contains(o);
    }
}
