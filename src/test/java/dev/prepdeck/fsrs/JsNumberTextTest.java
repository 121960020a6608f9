package dev.prepdeck.fsrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsNumberTextTest {
    @Test
    void prints_doubles_as_javascript_string_does() {
        // right-hand sides printed by Node 20's String(x)
        assertThat(JsNumberText.of(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(JsNumberText.of(1e21)).isEqualTo("1e+21");
        assertThat(JsNumberText.of(1e-7)).isEqualTo("1e-7");
        assertThat(JsNumberText.of(123456789012345680000.0)).isEqualTo("123456789012345680000");
        assertThat(JsNumberText.of(5e-324)).isEqualTo("5e-324");
        assertThat(JsNumberText.of(2.82879384806159E17)).isEqualTo("282879384806159000");
        assertThat(JsNumberText.of(1e23)).isEqualTo("1e+23");
        assertThat(JsNumberText.of(12.5)).isEqualTo("12.5");
        assertThat(JsNumberText.of(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(JsNumberText.of(1.5e-323)).isEqualTo("1.5e-323");
        assertThat(JsNumberText.of(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        assertThat(JsNumberText.of(4.35)).isEqualTo("4.35");
        assertThat(JsNumberText.of(0.000001)).isEqualTo("0.000001");
        assertThat(JsNumberText.of(1234.5678e-10)).isEqualTo("1.2345678e-7");
        assertThat(JsNumberText.of(0)).isEqualTo("0");
        assertThat(JsNumberText.of(10)).isEqualTo("10");
    }

    @Test
    void javascript_text_agrees_with_the_exact_search() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            double product = (1 + random.nextDouble() * 9) * (0.001 + random.nextDouble() * 36500);
            double rounded = Math.round(product * 1e8) / 1e8;
            double any = Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL);
            for (double value : new double[] {product, rounded, any}) {
                assertThat(JsNumberText.of(value)).as("%s", value).isEqualTo(JsNumberText.searched(value));
            }
        }
    }

    @Test
    void exact_integer_path_agrees_with_the_exact_search() {
        SplittableRandom random = new SplittableRandom(20260301);
        List<Double> values = new ArrayList<>(List.of(0.5, 0.1, 0.2, 0.3, 1.0, 2.0, 4.35, 1.0 / 3, 1e-7, 1e-10,
                123456.789, 9007199254740991.0, 4503599627370496.0, 4503599627370495.5, 0.000001, 100.0, 1000.0));
        for (int e = -12; e <= 15; e++) {
            double power = Double.parseDouble("1e" + e);
            values.addAll(List.of(power, Math.nextUp(power), Math.nextDown(power)));
        }
        for (int e = -40; e <= 52; e++) {
            double power = Math.scalb(1.0, e);
            values.addAll(List.of(power, Math.nextUp(power), Math.nextDown(power)));
        }
        for (int i = 0; i < 30_000; i++) {
            double d = Math.round((1 + random.nextDouble() * 9) * 1e8) / 1e8;
            double s = Math.round((0.001 + random.nextDouble() * 36500) * 1e8) / 1e8;
            values.add(d * s);
            values.add(Math.scalb(1 + random.nextDouble(), random.nextInt(-40, 53)));
        }
        int taken = 0;
        for (double value : values) {
            String exact = JsNumberText.exactShortest(value);
            if (exact != null) {
                taken++;
                assertThat(exact).as("%s", value).isEqualTo(JsNumberText.searched(value));
            }
        }
        // the scheduler's seeds (stability x difficulty) must all take this path
        assertThat(taken).isGreaterThanOrEqualTo(30_000);
        assertThat(JsNumberText.exactShortest(1 * 0.001)).isNotNull();
        assertThat(JsNumberText.exactShortest(10 * 36500.0)).isNotNull();
    }
}
