package dev.prepdeck.fsrs;

/**
 * Johannes Baagøe's Alea generator, in the variant ts-fsrs ships (a port of seedrandom's alea.js),
 * reduced to the one draw the fuzz needs. Arithmetic follows the JavaScript original on doubles so
 * the same seed text gives the same number.
 */
final class AleaRandom {
    private static final double TWO_POW_MINUS_32 = 2.3283064365386963e-10;
    private static final double TWO_POW_32 = 4294967296.0;

    private AleaRandom() {
    }

    /** The first number in [0, 1) that Alea yields for the given seed text. */
    static double firstDraw(String seed) {
        Mash mash = new Mash();
        double s0 = mash.next(" ");
        double s1 = mash.next(" ");
        double s2 = mash.next(" ");
        s0 -= mash.next(seed);
        if (s0 < 0) {
            s0 += 1;
        }
        s1 -= mash.next(seed);
        if (s1 < 0) {
            s1 += 1;
        }
        s2 -= mash.next(seed);
        if (s2 < 0) {
            s2 += 1;
        }
        double t = 2091639 * s0 + 1 * TWO_POW_MINUS_32;
        int c = (int) t;
        return t - c;
    }

    private static final class Mash {
        private double n = 0xefc8249dL;

        double next(String data) {
            for (int i = 0; i < data.length(); i++) {
                n += data.charAt(i);
                double h = 0.02519603282416938 * n;
                n = toUint32(h);
                h -= n;
                h *= n;
                n = toUint32(h);
                h -= n;
                n += h * TWO_POW_32;
            }
            return toUint32(n) * TWO_POW_MINUS_32;
        }

        private static double toUint32(double x) {
            return (double) (((long) x) & 0xFFFFFFFFL);
        }
    }
}
