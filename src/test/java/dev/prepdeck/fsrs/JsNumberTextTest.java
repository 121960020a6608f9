package dev.prepdeck.fsrs;

import static org.assertj.core.api.Assertions.assertThat;

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
    void shortcut_through_java_digits_agrees_with_the_exact_search() {
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
}
