package app.talkingstick.conduct;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The crisis resources sent privately to a member whose message shows crisis signs (inbox event
 * {@code crisis-resources {text, links}}). Loaded from {@code conduct/crisis-resources.json}; a deployment replaces
 * the placeholder wording and links with its local services.
 *
 * <p>File format: {@code {"text": "...", "links": [{"label": "...", "url": "https://..."}],
 * "categories": {"OVERDOSE": "extra sentence", ...}}}; {@code categories} is optional.
 *
 * @param text       the general message
 * @param links      helplines and services
 * @param byCategory an extra sentence for some kinds of crisis, added after {@code text}
 */
public record CrisisResources(String text, List<Link> links, Map<CrisisSignal.Category, String> byCategory) {

    /** One link: what it is and where it goes. */
    public record Link(String label, String url) {
        public Link {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(url, "url");
            if (!url.startsWith("https://") && !url.startsWith("http://") && !url.startsWith("tel:")) {
                throw new IllegalArgumentException("a link must be http(s) or tel: " + url);
            }
        }
    }

    public static final String RESOURCE = "conduct/crisis-resources.json";

    public CrisisResources {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("crisis resources text must not be blank");
        }
        links = List.copyOf(links);
        byCategory = Map.copyOf(byCategory);
    }

    /** The bundled file {@value #RESOURCE}. */
    public static CrisisResources bundled() {
        return fromClasspath(CrisisResources.class.getClassLoader(), RESOURCE);
    }

    /** Loads {@code name} from the class path of {@code loader}. */
    public static CrisisResources fromClasspath(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("crisis resources not found on the class path: " + name);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** Reads the JSON format described on the class. */
    public static CrisisResources parse(String json) {
        if (!(MiniJson.parse(json) instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException("crisis resources must be a JSON object");
        }
        if (!(root.get("text") instanceof String text)) {
            throw new IllegalArgumentException("crisis resources need a \"text\" string");
        }
        List<Link> links = new ArrayList<>();
        Object rawLinks = root.get("links");
        if (rawLinks != null) {
            if (!(rawLinks instanceof List<?> list)) {
                throw new IllegalArgumentException("\"links\" must be a list");
            }
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> link) || !(link.get("label") instanceof String label)
                        || !(link.get("url") instanceof String url)) {
                    throw new IllegalArgumentException("each link needs a \"label\" and a \"url\" string");
                }
                links.add(new Link(label, url));
            }
        }
        Map<CrisisSignal.Category, String> byCategory = new EnumMap<>(CrisisSignal.Category.class);
        Object rawCategories = root.get("categories");
        if (rawCategories != null) {
            if (!(rawCategories instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("\"categories\" must be an object");
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                CrisisSignal.Category category;
                try {
                    category = CrisisSignal.Category.valueOf(String.valueOf(e.getKey()));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException("unknown crisis category " + e.getKey());
                }
                if (!(e.getValue() instanceof String extra)) {
                    throw new IllegalArgumentException("category text must be a string: " + e.getKey());
                }
                byCategory.put(category, extra);
            }
        }
        return new CrisisResources(text, links, byCategory);
    }

    /** The text to send for a signal of {@code category}: the general text plus the category's sentence, if any. */
    public String textFor(CrisisSignal.Category category) {
        String extra = byCategory.get(category);
        return extra == null ? text : text + "\n\n" + extra;
    }
}
