package app.talkingstick.bridge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event bus addresses a browser may touch, and the per-socket check for each. Features add
 * their rules here; anything without a rule is refused. {@code register} rules govern what a
 * socket may listen to, {@code send} rules what it may send; {@code receive} rules filter each
 * delivery synchronously (so a removed member stops receiving at once, in order).
 */
public final class AddressRules {

  /** Decides for one socket and one matched address; the matcher exposes the address's ids. */
  @FunctionalInterface
  public interface Check {
    Future<Boolean> allowed(SocketSession socket, Matcher address);
  }

  @FunctionalInterface
  public interface ReceiveCheck {
    boolean allowed(SocketSession socket, Matcher address);
  }

  @FunctionalInterface
  public interface Hook {
    void run(SocketSession socket, Matcher address);
  }

  private record Rule<C>(Pattern pattern, C check) {
    Matcher match(String address) {
      Matcher m = pattern.matcher(address);
      return m.matches() ? m : null;
    }
  }

  private final List<Rule<Check>> send = new ArrayList<>();
  private final List<Rule<Check>> register = new ArrayList<>();
  private final List<Rule<ReceiveCheck>> receive = new ArrayList<>();
  private final List<Rule<Hook>> registered = new ArrayList<>();
  private final List<Rule<Hook>> unregistered = new ArrayList<>();
  private final List<BiConsumer<Vertx, SocketRegistry>> attachments = new ArrayList<>();

  public AddressRules allowSend(String regex, Check check) {
    send.add(new Rule<>(Pattern.compile(regex), check));
    return this;
  }

  public AddressRules allowRegister(String regex, Check check) {
    register.add(new Rule<>(Pattern.compile(regex), check));
    return this;
  }

  public AddressRules filterReceive(String regex, ReceiveCheck check) {
    receive.add(new Rule<>(Pattern.compile(regex), check));
    return this;
  }

  public AddressRules onRegistered(String regex, Hook hook) {
    registered.add(new Rule<>(Pattern.compile(regex), hook));
    return this;
  }

  public AddressRules onUnregistered(String regex, Hook hook) {
    unregistered.add(new Rule<>(Pattern.compile(regex), hook));
    return this;
  }

  /** Runs once per HTTP verticle with its socket registry (to subscribe to events about its sockets). */
  public AddressRules onAttach(BiConsumer<Vertx, SocketRegistry> attachment) {
    attachments.add(attachment);
    return this;
  }

  void attach(Vertx vertx, SocketRegistry registry) {
    attachments.forEach(a -> a.accept(vertx, registry));
  }

  public Future<Boolean> maySend(SocketSession socket, String address) {
    return decide(send, socket, address);
  }

  public Future<Boolean> mayRegister(SocketSession socket, String address) {
    return decide(register, socket, address);
  }

  /**
   * Addresses without a receive rule pass: the bridge only delivers what was registered or replies.
   * Decisions of a rule are remembered per socket until the rule's inputs change; an address no rule
   * covers (a reply address, new for every request) is not remembered, or a busy socket's memory
   * would grow with every message it sent.
   */
  public boolean mayReceive(SocketSession socket, String address) {
    if (socket == null || address == null) return false;
    Boolean known = socket.receiveDecision(address);
    if (known != null) return known;
    for (Rule<ReceiveCheck> rule : receive) {
      Matcher m = rule.match(address);
      if (m != null) {
        boolean allowed = rule.check().allowed(socket, m);
        socket.rememberReceiveDecision(address, allowed);
        return allowed;
      }
    }
    return true;
  }

  void registered(SocketSession socket, String address) {
    run(registered, socket, address);
  }

  void unregistered(SocketSession socket, String address) {
    run(unregistered, socket, address);
  }

  private static void run(List<Rule<Hook>> hooks, SocketSession socket, String address) {
    if (socket == null || address == null) return;
    for (Rule<Hook> rule : hooks) {
      Matcher m = rule.match(address);
      if (m != null) rule.check().run(socket, m);
    }
  }

  private static Future<Boolean> decide(List<Rule<Check>> rules, SocketSession socket, String address) {
    if (socket == null || address == null) return Future.succeededFuture(false);
    for (Rule<Check> rule : rules) {
      Matcher m = rule.match(address);
      if (m != null) return rule.check().allowed(socket, m).otherwise(false);
    }
    return Future.succeededFuture(false);
  }

  /**
   * Whether some send rule's pattern matches {@code address}: the bridge's inbound permitted list (what vertx-web's
   * {@code SockJSBridgeOptions} held), checked on top of the rule's own decision.
   */
  boolean coversSend(String address) {
    return covers(send, address);
  }

  /** Whether some register rule's pattern matches {@code address}: the bridge's outbound permitted list. */
  boolean coversRegister(String address) {
    return covers(register, address);
  }

  private static boolean covers(List<Rule<Check>> rules, String address) {
    if (address == null) return false;
    for (Rule<Check> rule : rules) {
      if (rule.match(address) != null) return true;
    }
    return false;
  }
}
