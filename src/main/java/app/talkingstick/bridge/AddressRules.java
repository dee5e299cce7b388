package app.talkingstick.bridge;

import app.talkingstick.auth.Principal;
import io.vertx.core.Future;
import io.vertx.ext.bridge.PermittedOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event bus addresses a browser may touch, and the per-user check for each. Features add
 * their rules here; anything without a rule is refused. {@code outbound} rules govern REGISTER
 * (what a socket may listen to), {@code inbound} rules govern SEND.
 */
public final class AddressRules {

  /** Decides for one principal and one matched address; the matcher exposes the address's ids. */
  @FunctionalInterface
  public interface Check {
    Future<Boolean> allowed(Principal who, Matcher address);
  }

  private record Rule(Pattern pattern, Check check) {}

  private final List<Rule> inbound = new ArrayList<>();
  private final List<Rule> outbound = new ArrayList<>();

  public AddressRules allowSend(String regex, Check check) {
    inbound.add(new Rule(Pattern.compile(regex), check));
    return this;
  }

  public AddressRules allowRegister(String regex, Check check) {
    outbound.add(new Rule(Pattern.compile(regex), check));
    return this;
  }

  public Future<Boolean> maySend(Principal who, String address) {
    return decide(inbound, who, address);
  }

  public Future<Boolean> mayRegister(Principal who, String address) {
    return decide(outbound, who, address);
  }

  private static Future<Boolean> decide(List<Rule> rules, Principal who, String address) {
    if (who == null || address == null) return Future.succeededFuture(false);
    for (Rule rule : rules) {
      Matcher m = rule.pattern().matcher(address);
      if (m.matches()) return rule.check().allowed(who, m).otherwise(false);
    }
    return Future.succeededFuture(false);
  }

  /** The same patterns as the bridge's own permitted lists, so the bridge refuses anything else too. */
  public List<PermittedOptions> inboundPermitted() {
    return inbound.stream().map(r -> new PermittedOptions().setAddressRegex(r.pattern().pattern())).toList();
  }

  public List<PermittedOptions> outboundPermitted() {
    return outbound.stream().map(r -> new PermittedOptions().setAddressRegex(r.pattern().pattern())).toList();
  }
}
