package dev.prepdeck.fsrs;

/**
 * Math.pow and Math.exp with V8's results, bit for bit. V8 computes exp (and log) with fdlibm, as
 * StrictMath does, except that exp(1) is exactly Math.E. Its pow is the fdlibm/FreeBSD algorithm
 * too, but its results differ from StrictMath.pow in the last bit for a few percent of inputs, and
 * ts-fsrs rounds stabilities to 8 decimals, so one bit can flip a rounding and, through the fuzz
 * seed, a whole interval. pow is therefore re-implemented here, following the same steps as V8.
 */
final class JsMath {
    private static final double TWO53 = 9007199254740992.0;
    // log2 split points and tails for the two reduction intervals (base 1.0 and 1.5)
    private static final double DP_H1 = 5.84962487220764160156e-01;
    private static final double DP_L1 = 1.35003920212974897128e-08;
    // polynomial for (3/2)(log(x) - 2s - 2/3 s^3)
    private static final double L1 = 5.99999999999994648725e-01;
    private static final double L2 = 4.28571428578550184252e-01;
    private static final double L3 = 3.33333329818377432918e-01;
    private static final double L4 = 2.72728123808534006489e-01;
    private static final double L5 = 2.30660745775561754067e-01;
    private static final double L6 = 2.06975017800338417784e-01;
    // polynomial for exp on the reduced range
    private static final double P1 = 1.66666666666666019037e-01;
    private static final double P2 = -2.77777777770155933842e-03;
    private static final double P3 = 6.61375632143793436117e-05;
    private static final double P4 = -1.65339022054652515390e-06;
    private static final double P5 = 4.13813679705723846039e-08;
    private static final double LG2 = 6.93147180559945286227e-01;
    private static final double LG2_H = 6.93147182464599609375e-01;
    private static final double LG2_L = -1.90465429995776804525e-09;
    private static final double OVT = 8.0085662595372944372e-17;
    private static final double CP = 9.61796693925975554329e-01;
    private static final double CP_H = 9.61796700954437255859e-01;
    private static final double CP_L = -7.02846165095275826516e-09;

    private JsMath() {
    }

    static double exp(double x) {
        return x == 1.0 ? Math.E : StrictMath.exp(x);
    }

    static double log(double x) {
        return StrictMath.log(x);
    }

    static double pow(double x, double y) {
        // Special operands (and bases FSRS never uses) behave as in StrictMath, which shares fdlibm's rules.
        if (!(x > 0) || x == Double.POSITIVE_INFINITY || !Double.isFinite(y) || Math.abs(y) > 0x1p31) {
            return StrictMath.pow(x, y);
        }
        if (y == 0) {
            return 1.0;
        }
        if (y == 1) {
            return x;
        }
        if (y == -1) {
            return 1.0 / x;
        }
        if (y == 2) {
            return x * x;
        }
        if (y == 0.5) {
            return Math.sqrt(x);
        }
        if (x == 1) {
            return 1.0;
        }

        // log2(x) as t1 + t2, t1 with its low 32 bits cleared
        double ax = x;
        int high = high(ax);
        int exponent = 0;
        if (high < 0x00100000) {
            ax *= TWO53;
            exponent -= 53;
            high = high(ax);
        }
        exponent += (high >> 20) - 0x3ff;
        int mantissa = high & 0x000fffff;
        high = mantissa | 0x3ff00000;
        boolean threeHalves;
        if (mantissa <= 0x3988E) {
            threeHalves = false;
        } else if (mantissa < 0xBB67A) {
            threeHalves = true;
        } else {
            threeHalves = false;
            exponent += 1;
            high -= 0x00100000;
        }
        ax = withHigh(ax, high);
        double base = threeHalves ? 1.5 : 1.0;
        double dpHigh = threeHalves ? DP_H1 : 0.0;
        double dpLow = threeHalves ? DP_L1 : 0.0;

        double u = ax - base;
        double v = 1.0 / (ax + base);
        double ss = u * v;
        double sHigh = clearLow(ss);
        double tHigh = fromHigh(((high >> 1) | 0x20000000) + 0x00080000 + ((threeHalves ? 1 : 0) << 18));
        double tLow = ax - (tHigh - base);
        double sLow = v * ((u - sHigh * tHigh) - sHigh * tLow);
        double s2 = ss * ss;
        double r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
        r += sLow * (sHigh + ss);
        s2 = sHigh * sHigh;
        tHigh = clearLow(3.0 + s2 + r);
        tLow = r - ((tHigh - 3.0) - s2);
        u = sHigh * tHigh;
        v = sLow * tHigh + tLow * ss;
        double pHigh = clearLow(u + v);
        double pLow = v - (pHigh - u);
        double zHigh = CP_H * pHigh;
        double zLow = CP_L * pHigh + pLow * CP + dpLow;
        double n = exponent;
        double t1 = clearLow(((zHigh + zLow) + dpHigh) + n);
        double t2 = zLow - (((t1 - n) - dpHigh) - zHigh);

        // y * log2(x) as pHigh + pLow
        double y1 = clearLow(y);
        pLow = (y - y1) * t1 + y * t2;
        pHigh = y1 * t1;
        double z = pLow + pHigh;
        int zHighWord = high(z);
        int zLowWord = (int) Double.doubleToRawLongBits(z);
        if (zHighWord >= 0x40900000) {
            if (((zHighWord - 0x40900000) | zLowWord) != 0 || pLow + OVT > z - pHigh) {
                return Double.POSITIVE_INFINITY;
            }
        } else if ((zHighWord & 0x7fffffff) >= 0x4090cc00) {
            if (((zHighWord - 0xc090cc00) | zLowWord) != 0 || pLow <= z - pHigh) {
                return 0.0;
            }
        }

        // 2^(pHigh + pLow): split off the nearest integer power
        int magnitude = zHighWord & 0x7fffffff;
        int k = (magnitude >> 20) - 0x3ff;
        int power = 0;
        if (magnitude > 0x3fe00000) {
            power = zHighWord + (0x00100000 >> (k + 1));
            k = ((power & 0x7fffffff) >> 20) - 0x3ff;
            double whole = fromHigh(power & ~(0x000fffff >> k));
            power = ((power & 0x000fffff) | 0x00100000) >> (20 - k);
            if (zHighWord < 0) {
                power = -power;
            }
            pHigh -= whole;
        }
        double t = clearLow(pLow + pHigh);
        u = t * LG2_H;
        v = (pLow - (t - pHigh)) * LG2 + t * LG2_L;
        z = u + v;
        double w = v - (z - u);
        t = z * z;
        t1 = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        r = (z * t1) / ((t1 - 2.0) - (w + z * w));
        z = 1.0 - (r - z);
        int scaledHigh = high(z) + (power << 20);
        if ((scaledHigh >> 20) <= 0) {
            return Math.scalb(z, power);
        }
        return withHigh(z, scaledHigh);
    }

    private static int high(double d) {
        return (int) (Double.doubleToRawLongBits(d) >>> 32);
    }

    private static double fromHigh(int high) {
        return Double.longBitsToDouble((long) high << 32);
    }

    private static double withHigh(double d, int high) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(d) & 0xFFFFFFFFL) | ((long) high << 32));
    }

    private static double clearLow(double d) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(d) & 0xFFFFFFFF00000000L);
    }
}
