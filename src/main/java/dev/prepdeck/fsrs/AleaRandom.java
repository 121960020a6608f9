package dev.prepdeck.fsrs;

/**
 * Johannes Baagøe's Alea generator, in the variant ts-fsrs ships (a port of seedrandom's alea.js),
 * reduced to the one draw the fuzz needs. Arithmetic follows the JavaScript original on doubles so
 * the same seed text gives the same number.
 */
final class AleaRandom {
    private static final double TWO_POW_MINUS_32 = 2.3283064365386963e-10;
    private static final double TWO_POW_32 = 4294967296.0;
    private static final double MASH_START = 0xefc8249dL;
    // Alea first mashes " " three times, whatever the seed: the results and the mash's state after them
    private static final double S0;
    private static final double S1;
    private static final double S2;
    private static final double MASH_AFTER_SPACES;

    static {
        Mash mash = new Mash(MASH_START);
        S0 = mash.next(" ");
        S1 = mash.next(" ");
        S2 = mash.next(" ");
        MASH_AFTER_SPACES = mash.n;
    }

    private AleaRandom() {
    }

    /** The first number in [0, 1) that Alea yields for the given seed text. */
    static double firstDraw(CharSequence seed) {
        Mash mash = new Mash(MASH_AFTER_SPACES);
        double s0 = S0 - mash.next(seed);
        if (s0 < 0) {
            s0 += 1;
        }
        // Only s0 shapes the first draw, but s1 and s2 still advance the mash state, as in alea.js; the
        // state is not read again, so their mashes are skipped.
        double t = 2091639 * s0 + 1 * TWO_POW_MINUS_32;
        int c = (int) t;
        return t - c;
    }

    private static final class Mash {
        private double n;

        Mash(double n) {
            this.n = n;
        }

        double next(CharSequence data) {
            double n = this.n;
            for (int i = 0; i < data.length(); i++) {
                // n < 2^33 + 2^16 here, so h < 2.2e8: alea.js's ">>> 0" is a plain floor for h and for
                // h × n below, and floor is cheaper than a round trip through a 64-bit integer.
                n += data.charAt(i);
                double h = 0.02519603282416938 * n;
                n = Math.floor(h);
                h -= n;
                h *= n;
                n = Math.floor(h);
                h -= n;
                n += h * TWO_POW_32;
            }
            this.n = n;
            return toUint32(n) * TWO_POW_MINUS_32;
        }

        private static double toUint32(double x) {
            return (double) (((long) x) & 0xFFFFFFFFL);
        }
    }
}
