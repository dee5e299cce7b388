package app.talkingstick.bench;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * The text every generated message carries, the same for every peer:
 * {@code ~B~<room>~<sender>~<seq>~<intendedNanos>~ } followed by padding up to the configured size.
 * {@code intendedNanos} is the scheduled send time ({@link System#nanoTime()} of this JVM minus
 * the run's epoch), so a receiver in the same JVM computes latency from the intended time, not
 * from when the send actually happened (no coordinated omission).
 *
 * <p>Receivers find the marker in the raw frame bytes, whatever the peer wraps around it (a bridge
 * frame, a Socket.IO event, a bare text frame), so no peer pays for a full JSON parse in the
 * generator and every peer is read by the same code.
 */
public final class Payload {
  private Payload() {}

  static final byte[] MARKER = {'~', 'B', '~'};
  private static final String PADDING = " thanks for listening, this group helps me a lot";

  /** A decoded payload; {@code valid} is false when the bytes after the marker do not parse. */
  public static final class Parsed {
    public int room;
    public int sender;
    public long seq;
    public long intended;
    public boolean valid;
  }

  /** The payload text, padded with ordinary words to at least {@code size} characters. */
  public static String encode(int room, int sender, long seq, long intended, int size) {
    StringBuilder b = new StringBuilder(Math.max(size, 48));
    b.append("~B~").append(room).append('~').append(sender).append('~').append(seq).append('~').append(intended).append('~');
    while (b.length() < size) {
      int take = Math.min(PADDING.length(), size - b.length());
      b.append(PADDING, 0, take);
    }
    return b.toString();
  }

  private static final String[] FELT = {"calm", "restless", "hopeful", "tired", "proud", "nervous", "grateful",
      "distracted", "peaceful", "busy", "curious", "sleepy", "cheerful", "unsettled", "relaxed", "thoughtful"};
  private static final String[] DID = {"walked", "slept early", "cooked a stew", "called my sister", "read a novel",
      "rested", "painted", "listened to music", "breathed slowly", "wrote in my journal", "stretched", "baked bread",
      "watered the plants", "tidied the cupboards", "played chess", "fixed a bicycle"};
  private static final String[] WITH = {"on my own", "with a friend", "with my dog", "with family", "with a neighbour",
      "with my partner", "with a colleague", "with my kids", "with my cat", "with my sponsor", "with my mum",
      "with my dad", "with an old classmate", "with my cousin", "with the choir", "with my flatmate"};
  private static final String[] WHERE = {"at home", "in the park", "by the river", "in town", "at work", "in the garden",
      "at the library", "on the bus", "at the gym", "at the beach", "in the kitchen", "on the balcony",
      "near the market", "up the hill", "at the allotment", "in the museum"};

  private static final String[] WHEN = {"this morning", "after lunch", "late last night", "before work",
      "on sunday", "at dawn", "around teatime", "during the storm", "after the meeting", "before bed",
      "on my day off", "at the weekend", "yesterday evening", "first thing", "over the holiday", "mid-afternoon"};
  private static final String[] THEN = {"it helped", "I noticed my breathing", "the time flew", "I felt lighter",
      "nothing much happened", "I smiled twice", "I thought of summer", "it rained on us", "the kettle whistled",
      "a robin sang", "I made a plan", "I wrote a list", "I said thank you", "the sun came out", "I stayed present",
      "I hummed a tune"};

  /** Per part, the step of its choice per message and per block of 16 messages (see {@link #sentence}). */
  private static final int[] STEP = {7, 5, 11, 15, 3, 1};
  private static final int[] BLOCK_STEP = {15, 14, 8, 5, 9, 4};

  /**
   * The {@code n}-th ordinary sentence of one member, six parts each picked from 16: any two of the
   * member's sentences fewer than 49 apart differ in at least four parts (checked by a test), so the
   * room's repeat check (nearly identical messages among a member's recent ones) has nothing to catch
   * and the room's conduct policy still reads what people write.
   */
  public static String sentence(long n) {
    int[] p = sentenceParts(n);
    return WHEN[p[0]] + " I felt " + FELT[p[1]] + " and " + DID[p[2]] + " " + WITH[p[3]] + " " + WHERE[p[4]] + ", "
        + THEN[p[5]] + ". ";
  }

  /**
   * Where a member's sentences start: spread over the 256 sentences, so that at any moment the members
   * are saying different ones. Started together, every member would say sentence 0, then 1, and so on,
   * in the same few seconds; one of them that the server's learned screening must read in full (about
   * one sentence in eleven) then arrives 2,000 times at once, a burst no chat room makes.
   */
  public static long firstSentence(int room, int member) {
    return (room * 101L + member * 37L) & 255;
  }

  static int[] sentenceParts(long n) {
    int[] parts = new int[6];
    for (int k = 0; k < 6; k++) {
      parts[k] = (int) ((n * STEP[k] + (n >>> 4) * BLOCK_STEP[k]) & 15);
    }
    return parts;
  }

  /** The marker part of an encoded payload: {@code ~B~room~sender~seq~intended~}. */
  public static String header(String encoded) {
    int fields = 0;
    for (int i = 3; i < encoded.length(); i++) {
      if (encoded.charAt(i) == '~' && ++fields == 4) return encoded.substring(0, i + 1);
    }
    return encoded;
  }

  /** Index of the marker in the buffer, or -1. Uses Netty's vectorised byte search when it can. */
  public static int indexOf(Buffer buf) {
    if (buf instanceof BufferInternal internal) {
      ByteBuf b = internal.getByteBuf();
      int base = b.readerIndex();
      int end = b.writerIndex();
      int from = base;
      while (from < end) {
        int i = b.indexOf(from, end, (byte) '~');
        if (i < 0) return -1;
        if (i + 2 < end && b.getByte(i + 1) == 'B' && b.getByte(i + 2) == '~') return i - base;
        from = i + 1;
      }
      return -1;
    }
    int n = buf.length() - MARKER.length;
    for (int i = 0; i <= n; i++) {
      if (buf.getByte(i) == '~' && buf.getByte(i + 1) == 'B' && buf.getByte(i + 2) == '~') return i;
    }
    return -1;
  }

  /** Parses the fields after the marker at {@code at} into {@code out}; returns {@code out.valid}. */
  public static boolean parse(Buffer buf, int at, Parsed out) {
    out.valid = false;
    int i = at + MARKER.length;
    int len = buf.length();
    long[] v = new long[4];
    for (int f = 0; f < 4; f++) {
      long x = 0;
      int digits = 0;
      while (i < len) {
        byte c = buf.getByte(i);
        if (c >= '0' && c <= '9') {
          x = x * 10 + (c - '0');
          digits++;
          i++;
        } else {
          break;
        }
      }
      if (digits == 0 || digits > 18 || i >= len || buf.getByte(i) != '~') return false;
      v[f] = x;
      i++;
    }
    if (v[0] > Integer.MAX_VALUE || v[1] > Integer.MAX_VALUE) return false;
    out.room = (int) v[0];
    out.sender = (int) v[1];
    out.seq = v[2];
    out.intended = v[3];
    out.valid = true;
    return true;
  }
}
