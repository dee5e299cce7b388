package app.talkingstick.bench;

import java.util.Arrays;

/** A growable array of primitive longs (no boxing on the hot path). */
final class LongList {
  private long[] values;
  private int size;

  LongList(int capacity) {
    values = new long[Math.max(4, capacity)];
  }

  void add(long v) {
    if (size == values.length) values = Arrays.copyOf(values, size * 2);
    values[size++] = v;
  }

  /** Sets index i (0-based), growing and filling with 0 as needed. */
  void set(int i, long v) {
    if (i >= values.length) values = Arrays.copyOf(values, Math.max(i + 1, values.length * 2));
    values[i] = v;
    if (i >= size) size = i + 1;
  }

  long get(int i) {
    return i < size ? values[i] : 0;
  }

  int size() {
    return size;
  }

  long[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
