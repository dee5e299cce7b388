package app.talkingstick.config;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code TRUSTED_PROXIES}: the reverse proxies whose {@code X-Forwarded-For} the server believes, as addresses or
 * CIDR blocks (IPv4 or IPv6, literals only: no host names). A pure decision: {@link #clientAddress} takes the TCP peer
 * and the header's values and says which address the per-address limits count.
 *
 * <p>Each proxy appends the address it received the request from, so the header reads left to right from the
 * client towards this server, and everything left of what the nearest trusted proxy appended is what the client
 * itself sent: it may be forged. The client address is therefore the rightmost entry that is not itself a trusted
 * proxy, never the leftmost.
 */
public final class TrustedProxies {

  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private record Block(byte[] network, int prefix, String text) {
    boolean contains(byte[] address) {
      if (address.length != network.length) return false;
      int full = prefix / 8;
      for (int i = 0; i < full; i++) if (address[i] != network[i]) return false;
      int rest = prefix % 8;
      if (rest == 0) return true;
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /**
   * Parses a comma-separated list such as {@code 127.0.0.1, 10.0.0.0/8, ::1, fd00::/8}; blank is none.
   *
   * @throws IllegalArgumentException naming the first entry that is not an address or a CIDR block
   */
  public static TrustedProxies parse(String list) {
    if (list == null || list.isBlank()) return NONE;
    List<Block> blocks = new ArrayList<>();
    for (String raw : list.split(",")) {
      String entry = raw.trim();
      if (entry.isEmpty()) continue;
      int slash = entry.indexOf('/');
      byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash));
      if (address == null) throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block");
      int prefix = address.length * 8;
      if (slash >= 0) {
        String bits = entry.substring(slash + 1);
        if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > address.length * 8) {
          throw new IllegalArgumentException("'" + entry + "' has a bad prefix length");
        }
        prefix = Integer.parseInt(bits);
      }
      blocks.add(new Block(address, prefix, entry));
    }
    return new TrustedProxies(blocks);
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /** Whether {@code address} (a literal) is one of the trusted proxies; false for anything that is not an address. */
  public boolean trusts(String address) {
    byte[] bytes = literal(address);
    if (bytes == null) return false;
    for (Block block : blocks) if (block.contains(bytes)) return true;
    return false;
  }

  /**
   * The address the per-address limits count for a request from TCP peer {@code peer} carrying the
   * {@code X-Forwarded-For} values {@code forwardedFor} (every header line, in order; empty if none): the peer unless
   * it is trusted; else the rightmost forwarded entry that is not trusted; if every entry is trusted, the leftmost.
   * An entry that is not an address where the walk stops (a proxy wrote "unknown") gives the nearest trusted hop
   * instead, so a client cannot pick its own bucket with garbage.
   */
  public String clientAddress(String peer, List<String> forwardedFor) {
    if (blocks.isEmpty() || !trusts(peer)) return peer;
    List<String> entries = new ArrayList<>();
    for (String line : forwardedFor) {
      for (String part : line.split(",")) {
        if (!part.isBlank()) entries.add(part.trim());
      }
    }
    String nearestTrusted = peer;
    for (int i = entries.size() - 1; i >= 0; i--) {
      String entry = withoutPort(entries.get(i));
      byte[] bytes = literal(entry);
      if (bytes == null) return nearestTrusted;
      String canonical = canonical(bytes);
      if (!trusts(canonical)) return canonical;
      nearestTrusted = canonical;
    }
    return nearestTrusted;
  }

  /** {@code 203.0.113.7:5678} and {@code [2001:db8::1]:5678} (some proxies add the port) lose the port. */
  private static String withoutPort(String entry) {
    if (entry.startsWith("[")) {
      int close = entry.indexOf(']');
      return close > 0 ? entry.substring(1, close) : entry;
    }
    int colon = entry.indexOf(':');
    if (colon > 0 && colon == entry.lastIndexOf(':') && entry.indexOf('.') > 0) return entry.substring(0, colon);
    return entry;
  }

  /** The bytes of an IP literal, or null (no name lookups, ever). */
  private static byte[] literal(String text) {
    if (text == null || text.isEmpty()) return null;
    return NetUtil.createByteArrayFromIpAddressString(text);
  }

  private static String canonical(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // only for a wrong length, which a parsed literal never has
    }
  }

  @Override
  public String toString() {
    return blocks.stream().map(Block::text).toList().toString();
  }
}
