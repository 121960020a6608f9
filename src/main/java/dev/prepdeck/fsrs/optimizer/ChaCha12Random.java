package dev.prepdeck.fsrs.optimizer;

/**
 * The random numbers fsrs-rs shuffles its batches with, so that the same seed visits the batches in the same
 * order here: Rust rand 0.10's {@code StdRng} (ChaCha with 12 rounds, a 64-bit block counter, four blocks
 * per refill) seeded by {@code seed_from_u64} (a PCG32 stream fills the 256-bit key), and its slice shuffle
 * (Fisher-Yates that draws several small indices from one bounded 32-bit sample).
 */
final class ChaCha12Random {
    private static final int[] SIGMA = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};
    private static final int BLOCKS_PER_REFILL = 4;

    private final int[] key = new int[8];
    private final int[] buffer = new int[16 * BLOCKS_PER_REFILL];
    private final int[] working = new int[16];
    private long blockCounter;
    private int next = buffer.length;

    ChaCha12Random(long seed) {
        long state = seed;
        for (int i = 0; i < key.length; i++) {
            state = state * 6364136223846793005L + 0xA17654E46FBE17F3L;
            int xorShifted = (int) (((state >>> 18) ^ state) >>> 27);
            int rotation = (int) (state >>> 59);
            key[i] = Integer.rotateRight(xorShifted, rotation);
        }
    }

    /** The next 32 random bits, as an unsigned value. */
    long nextUnsignedInt() {
        if (next >= buffer.length) {
            refill();
        }
        return buffer[next++] & 0xFFFFFFFFL;
    }

    /** Shuffles {@code values} in place exactly as rand's {@code SliceRandom::shuffle} does. */
    void shuffle(int[] values) {
        if (values.length <= 1) {
            return;
        }
        long n = 0;
        long chunk = 0;
        int chunkRemaining = 1;
        for (int i = 0; i < values.length; i++) {
            long nextN = n + 1;
            int nextRemaining;
            if (chunkRemaining == 0) {
                long[] bound = boundAndCount(nextN);
                chunk = belowBound(bound[0]);
                nextRemaining = (int) bound[1] - 1;
            } else {
                nextRemaining = chunkRemaining - 1;
            }
            long index;
            if (nextRemaining == 0) {
                index = chunk;
            } else {
                index = chunk % nextN;
                chunk /= nextN;
            }
            chunkRemaining = nextRemaining;
            n = nextN;
            int swap = values[i];
            values[i] = values[(int) index];
            values[(int) index] = swap;
        }
    }

    /** The largest product m (m+1) (m+2) ... that fits in 32 unsigned bits, and how many factors it has. */
    private static long[] boundAndCount(long m) {
        long product = m;
        long current = m + 1;
        while (product * current <= 0xFFFFFFFFL) {
            product *= current;
            current++;
        }
        return new long[] {product, current - m};
    }

    /** A number in [0, bound) by Canon's widening-multiply method, as rand samples one bounded u32. */
    private long belowBound(long bound) {
        long product = nextUnsignedInt() * bound;
        long result = product >>> 32;
        long low = product & 0xFFFFFFFFL;
        if (low > ((-bound) & 0xFFFFFFFFL)) {
            long newHigh = (nextUnsignedInt() * bound) >>> 32;
            if (low + newHigh > 0xFFFFFFFFL) {
                result++;
            }
        }
        return result;
    }

    private void refill() {
        for (int block = 0; block < BLOCKS_PER_REFILL; block++) {
            long counter = blockCounter + block;
            int[] x = working;
            System.arraycopy(SIGMA, 0, x, 0, 4);
            System.arraycopy(key, 0, x, 4, 8);
            x[12] = (int) counter;
            x[13] = (int) (counter >>> 32);
            x[14] = 0;
            x[15] = 0;
            for (int round = 0; round < 12; round += 2) {
                quarterRound(x, 0, 4, 8, 12);
                quarterRound(x, 1, 5, 9, 13);
                quarterRound(x, 2, 6, 10, 14);
                quarterRound(x, 3, 7, 11, 15);
                quarterRound(x, 0, 5, 10, 15);
                quarterRound(x, 1, 6, 11, 12);
                quarterRound(x, 2, 7, 8, 13);
                quarterRound(x, 3, 4, 9, 14);
            }
            int offset = block * 16;
            for (int i = 0; i < 4; i++) {
                buffer[offset + i] = x[i] + SIGMA[i];
            }
            for (int i = 0; i < 8; i++) {
                buffer[offset + 4 + i] = x[4 + i] + key[i];
            }
            buffer[offset + 12] = x[12] + (int) counter;
            buffer[offset + 13] = x[13] + (int) (counter >>> 32);
            buffer[offset + 14] = x[14];
            buffer[offset + 15] = x[15];
        }
        blockCounter += BLOCKS_PER_REFILL;
        next = 0;
    }

    private static void quarterRound(int[] x, int a, int b, int c, int d) {
        x[a] += x[b];
        x[d] = Integer.rotateLeft(x[d] ^ x[a], 16);
        x[c] += x[d];
        x[b] = Integer.rotateLeft(x[b] ^ x[c], 12);
        x[a] += x[b];
        x[d] = Integer.rotateLeft(x[d] ^ x[a], 8);
        x[c] += x[d];
        x[b] = Integer.rotateLeft(x[b] ^ x[c], 7);
    }
}
