package app.talkingstick;

import app.talkingstick.conduct.ChannelKind;
import app.talkingstick.conduct.ConductPolicy;
import app.talkingstick.conduct.CrisisSignal;
import app.talkingstick.conduct.Flag;
import app.talkingstick.conduct.Screened;
import app.talkingstick.conduct.SemanticLayer;
import app.talkingstick.conduct.Verdict;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * {@code java -jar talkingstick.jar screen [--kind group|channel]}: reads lines on standard input and
 * prints, for each, one JSON object with what the conduct policy would do with it as a client's
 * message (both screening layers, the word lists, personal details; each line as the member's first
 * message, so no flood limits): {@code action}, {@code code}, {@code crisis} ({@code {kind, severity,
 * tier}} or null) and {@code reasons}. No server and no database: operators try a policy change on
 * their own lines before deploying it.
 */
final class ScreenCommand {

  private ScreenCommand() {}

  static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws IOException {
    ChannelKind kind = ChannelKind.GROUP;
    for (int i = 1; i < args.length; i++) {
      if ("--kind".equals(args[i]) && i + 1 < args.length) {
        String value = args[++i].toLowerCase(Locale.ROOT);
        if (!value.equals("group") && !value.equals("channel")) return usage(err);
        kind = value.equals("group") ? ChannelKind.GROUP : ChannelKind.PRIVATE;
      } else {
        return usage(err);
      }
    }
    SemanticLayer layer = SemanticLayer.bundled();
    ConductPolicy policy = ConductPolicy.defaults();
    Instant now = Instant.now();
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      Screened screened = layer.screen(line);
      Verdict verdict = policy.evaluate(kind, line, policy.newMember(now), now, Set.of(), screened).verdict();
      out.println(json(verdict, screened).encode());
    }
    out.flush();
    return 0;
  }

  static JsonObject json(Verdict verdict, Screened screened) {
    JsonArray reasons = new JsonArray();
    if (!verdict.reasonId().isEmpty()) reasons.add(verdict.reasonId());
    for (Flag flag : verdict.flags()) if (!reasons.contains(flag.reason())) reasons.add(flag.reason());
    screened.checkIn().ifPresent(c -> reasons.add("check-in:" + c.label()));
    return new JsonObject()
        .put("action", verdict.action().name().toLowerCase(Locale.ROOT))
        .put("code", verdict.code().orElse(null))
        .put("crisis", screened.crisis().map(ScreenCommand::crisis).orElse(null))
        .put("reasons", reasons);
  }

  private static JsonObject crisis(CrisisSignal signal) {
    return new JsonObject().put("kind", signal.category().name().toLowerCase(Locale.ROOT))
        .put("severity", signal.severity().name().toLowerCase(Locale.ROOT))
        .put("tier", signal.urgent() ? "urgent" : "check-in");
  }

  private static int usage(PrintStream err) {
    err.println("usage: java -jar talkingstick.jar screen [--kind group|channel] < lines.txt");
    return 2;
  }
}
