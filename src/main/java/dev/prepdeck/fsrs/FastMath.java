package dev.prepdeck.fsrs;

/**
 * The pow and exp a review is first computed with. Each quantity ts-fsrs rounds to 8 decimals is then
 * checked against the bound {@link #relativeError()} and recomputed with {@link JsMath} when the bound
 * does not settle its rounding (see the guard in {@link Scheduler}), so results stay V8's bit for bit.
 * Package-private so tests can put in a perturbed pow and count the recomputations.
 */
interface FastMath {
    double pow(double x, double y);

    double exp(double x);

    /**
     * ε: JsMath's result lies within ε·r of this result r, for the positive finite results FSRS asks
     * for, with 2^-52·r to spare when ε > 0 (room for rounding r·(1 ± ε)). 0 means equal to JsMath's.
     */
    double relativeError();

    /** Told each time {@code quantity} was too close to a rounding boundary and was recomputed with JsMath. */
    default void recomputedExactly(String quantity) {
    }

    /**
     * HotSpot's intrinsics. Math.pow and Math.exp are specified to be within 1 ulp of the true value; so
     * are fdlibm's pow and exp, which JsMath follows (V8 differs from StrictMath by a last bit at most).
     * Two results within 1 ulp of the same value differ by at most 2 ulps, under 2^-50 relative; the
     * bound claimed here, 2^-48 (16 ulps of 1), leaves a factor of 4 for anything that argument missed.
     */
    FastMath HOTSPOT = new FastMath() {
        @Override
        public double pow(double x, double y) {
            return Math.pow(x, y);
        }

        @Override
        public double exp(double x) {
            return Math.exp(x);
        }

        @Override
        public double relativeError() {
            return 0x1p-48;
        }
    };

    /** JsMath itself: no error, so the guard never recomputes. The reference the fast path is tested against. */
    FastMath EXACT = new FastMath() {
        @Override
        public double pow(double x, double y) {
            return JsMath.pow(x, y);
        }

        @Override
        public double exp(double x) {
            return JsMath.exp(x);
        }

        @Override
        public double relativeError() {
            return 0;
        }
    };
}
