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
        String fast = fromJavaDigits(value);
        return fast != null ? fast : searched(value);
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
