package dev.prepdeck.fsrs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * JavaScript's String(number) for doubles: the shortest digits that read back as the same double
 * (the closest such digits when there is a choice), laid out by ECMAScript's Number::toString rules.
 * ts-fsrs builds its fuzz seed from such text, so matching it digit for digit is what makes fuzzed
 * intervals agree with ts-fsrs. Java 17's Double.toString is not always shortest, hence the search.
 */
final class JsNumberText {
    private JsNumberText() {
    }

    static String of(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return "0";
        }
        if (value < 0) {
            return "-" + of(-value);
        }
        String exact = exactShortest(value);
        if (exact != null) {
            return exact;
        }
        String fast = fromJavaDigits(value);
        return fast != null ? fast : searched(value);
    }

    private static final long OUT_OF_RANGE = Long.MIN_VALUE;
    private static final long[] POWERS_OF_FIVE = new long[28]; // 5^27 is the largest below 2^63

    static {
        POWERS_OF_FIVE[0] = 1;
        for (int i = 1; i < POWERS_OF_FIVE.length; i++) {
            POWERS_OF_FIVE[i] = POWERS_OF_FIVE[i - 1] * 5;
        }
    }

    /**
     * The shortest, then closest, digits by exact integer arithmetic, for positive normal doubles below
     * 2^53 whose digits end within 27 places after the point (every stability × difficulty the
     * scheduler meets); null for the rest, which take the slower paths.
     *
     * <p>A decimal reads back as the double v = c × 2^q exactly when it lies in v's rounding interval,
     * whose ends sit half-way to the neighbouring doubles (included when c is even, as round-half-even
     * then picks v). With P places after the point, the candidates are the integers s in that
     * interval scaled by 10^P = 5^P × 2^P; those products fit in 128 bits. The smallest P with a
     * candidate gives the fewest digits (a candidate ending in 0 would have been one at P - 1), and
     * among its candidates JavaScript takes the one closest to v × 10^P, the even one on a tie.
     */
    static String exactShortest(double value) {
        long bits = Double.doubleToRawLongBits(value);
        int biased = (int) (bits >>> 52);
        int q = biased - 1075;
        if (biased == 0 || biased >= 0x7ff || q > 0) {
            return null;
        }
        long c = (bits & 0xFFFFFFFFFFFFFL) | (1L << 52);
        // interval ends in units of 2^(q-2): the gap below is half as wide at a power of two
        long lower = c == 1L << 52 && biased > 1 ? 4 * c - 1 : 4 * c - 2;
        long upper = 4 * c + 2;
        boolean endsIncluded = (c & 1) == 0;
        // The interval is 2^q wide (3/4 of that below a power of two), so from this P on it spans a
        // whole number. The estimate only saves steps: a candidate at P stays one (times 10) at P + 1, so
        // walking up to the first P with one and down to the last P with one finds the smallest P.
        int places = (int) Math.ceil(-q * 0.30102999566398120) + (lower == 4 * c - 1 ? 1 : 0);
        while (true) {
            int has = hasCandidate(lower, upper, q, places, endsIncluded);
            if (has < 0) {
                return null;
            }
            if (has == 1) {
                break;
            }
            places++;
        }
        while (places > 0) {
            int has = hasCandidate(lower, upper, q, places - 1, endsIncluded);
            if (has < 0) {
                return null;
            }
            if (has == 0) {
                break;
            }
            places--;
        }
        long low = scaled(lower, places, q, true, !endsIncluded);
        long high = scaled(upper, places, q, false, !endsIncluded);
        // v × 10^P rounded half to even: floor(2 v 10^P) is odd from the half up, exactly a half if exact
        long twiceFloor = scaled(4 * c, places, q + 1, false, false);
        long twiceCeil = scaled(4 * c, places, q + 1, true, false);
        if (low == OUT_OF_RANGE || high == OUT_OF_RANGE || twiceFloor == OUT_OF_RANGE || twiceCeil == OUT_OF_RANGE) {
            return null;
        }
        long nearest = twiceFloor >> 1;
        if ((twiceFloor & 1) != 0 && (twiceFloor != twiceCeil || (nearest & 1) != 0)) {
            nearest++;
        }
        long digits = Math.min(Math.max(nearest, low), high);
        String text = Long.toString(digits);
        // at P = 0 the candidate is the one whole number in an interval at most 1 wide, so fewer digits
        // (trailing zeros) name the same number and its plain digits are JavaScript's text
        return places == 0 ? text : layout(text, text.length() - places);
    }

    /** 1 if some integer lies in the interval scaled by 10^places, 0 if none, -1 if out of range. */
    private static int hasCandidate(long lower, long upper, int q, int places, boolean endsIncluded) {
        long low = scaled(lower, places, q, true, !endsIncluded);
        long high = scaled(upper, places, q, false, !endsIncluded);
        if (low == OUT_OF_RANGE || high == OUT_OF_RANGE) {
            return -1;
        }
        return low <= high ? 1 : 0;
    }

    /**
     * units × 2^(q-2) × 10^places, rounded down (or up); {@code strict} steps an exact result one
     * further inward (for an excluded interval end). OUT_OF_RANGE when it does not fit this scheme.
     */
    private static long scaled(long units, int places, int q, boolean up, boolean strict) {
        if (places < 0 || places >= POWERS_OF_FIVE.length) {
            return OUT_OF_RANGE;
        }
        long five = POWERS_OF_FIVE[places];
        long hi = Math.multiplyHigh(units, five); // units < 2^55, five < 2^63: the product is below 2^118
        long lo = units * five;
        int shift = q - 2 + places;
        long result;
        boolean exact;
        if (shift >= 0) {
            if (hi != 0 || lo < 0 || shift > 62 || (lo >>> (63 - shift)) != 0) {
                return OUT_OF_RANGE;
            }
            result = lo << shift;
            exact = true;
        } else {
            int r = -shift;
            if (r > 64 + 62) {
                return OUT_OF_RANGE;
            }
            if (r == 64) {
                result = hi;
                exact = lo == 0;
            } else if (r > 64) {
                result = hi >>> (r - 64);
                exact = lo == 0 && (hi << (128 - r)) == 0;
            } else {
                if ((hi >>> (r - 1)) != 0) {
                    return OUT_OF_RANGE; // would not fit in 63 bits
                }
                result = (hi << (64 - r)) | (lo >>> r);
                exact = (lo << (64 - r)) == 0;
            }
            if (result < 0) {
                return OUT_OF_RANGE;
            }
        }
        if (!exact && up) {
            result++;
        } else if (exact && strict) {
            result += up ? 1 : -1;
        }
        return result;
    }

    /**
     * Java's digits, when they are provably JavaScript's: nothing one digit shorter reads back (so
     * none shorter does), and no other number of the same length reads back (so they are the
     * closest). Returns null when that cannot be shown cheaply.
     */
    private static String fromJavaDigits(double value) {
        String javaText = Double.toString(value);
        int e = javaText.indexOf('E');
        String mantissa = e < 0 ? javaText : javaText.substring(0, e);
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int n = dot + (e < 0 ? 0 : Integer.parseInt(javaText.substring(e + 1)));
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        int end = digits.length();
        while (end > start + 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        n -= start;
        digits = digits.substring(start, end);
        int length = digits.length();
        if (length >= 17) {
            return null;
        }
        long q = Long.parseLong(digits);
        int scale = n - length; // value ≈ q × 10^scale
        if (readsBack(value, q / 10, scale + 1) || readsBack(value, q / 10 + 1, scale + 1)
                || readsBack(value, q - 1, scale) || readsBack(value, q + 1, scale)) {
            return null;
        }
        return layout(digits, n);
    }

    private static boolean readsBack(double value, long digits, int scale) {
        return digits > 0 && Double.parseDouble(digits + "E" + scale) == value;
    }

    /** The exact search: for each length, the closest decimals below and above the binary value. */
    static String searched(double value) {
        BigDecimal exact = new BigDecimal(value);
        // Double.toString always reads back, so the shortest length is at most its digit count;
        // and a length that reads back stays readable when one more digit is allowed.
        BigDecimal best = closestReadingBack(exact, value, significantDigits(Double.toString(value)));
        for (int length = best.precision() - 1; length >= 1; length--) {
            BigDecimal shorter = closestReadingBack(exact, value, length);
            if (shorter == null) {
                break;
            }
            best = shorter;
        }
        best = best.stripTrailingZeros();
        String digits = best.unscaledValue().toString();
        return layout(digits, digits.length() - best.scale());
    }

    private static BigDecimal closestReadingBack(BigDecimal exact, double value, int length) {
        BigDecimal down = exact.round(new MathContext(length, RoundingMode.FLOOR));
        BigDecimal up = exact.round(new MathContext(length, RoundingMode.CEILING));
        boolean downOk = Double.parseDouble(down.toString()) == value;
        boolean upOk = Double.parseDouble(up.toString()) == value;
        if (downOk && upOk) {
            int cmp = exact.subtract(down).compareTo(up.subtract(exact));
            if (cmp != 0) {
                return cmp < 0 ? down : up;
            }
            return down.unscaledValue().testBit(0) ? up : down;
        }
        return downOk ? down : upOk ? up : null;
    }

    private static int significantDigits(String javaText) {
        int e = javaText.indexOf('E');
        String mantissa = e < 0 ? javaText : javaText.substring(0, e);
        String digits = mantissa.replace(".", "").replaceFirst("^0+", "").replaceFirst("0+$", "");
        return Math.max(1, digits.length());
    }

    /** ECMAScript Number::toString layout for value = 0.digits × 10^n. */
    private static String layout(String digits, int n) {
        int k = digits.length();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String head = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return head + "e" + (exponent >= 0 ? "+" : "-") + Math.abs(exponent);
    }
}
