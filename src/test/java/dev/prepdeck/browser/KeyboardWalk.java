package dev.prepdeck.browser;

/** Scripts for walking a page with Tab: which controls exist, and how the focused one is drawn. */
final class KeyboardWalk {
    private KeyboardWalk() {
    }

    static final String DESCRIBE = """
            (function (e) {
              var text = (e.getAttribute('aria-label') || e.textContent || e.value || '').replace(/\\s+/g, ' ').trim();
              return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + text.slice(0, 40) + '"';
            })""";

    private static final String CONTROLS = """
            function controls() {
              return Array.from(document.querySelectorAll(
                  'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])'))
                .filter(function (e) { return !e.disabled && e.checkVisibility({ visibilityProperty: true }); })
                .filter(oneStopPerRadioGroup);
            }
            // Tab stops once in a group of radio buttons (on the checked one, else the first); arrows move inside.
            function oneStopPerRadioGroup(e) {
              if (e.type !== 'radio' || !e.name) { return true; }
              var group = Array.from((e.form || document).querySelectorAll('input[type=radio]'))
                .filter(function (r) { return r.name === e.name; });
              var checked = group.find(function (r) { return r.checked; });
              return e === (checked || group[0]);
            }
            """;

    static final String MARK_CONTROLS = CONTROLS + """
            document.querySelectorAll('[data-walk]').forEach(function (e) { e.removeAttribute('data-walk'); });
            var all = controls();
            all.forEach(function (e, i) { e.setAttribute('data-walk', String(i)); });
            return all.length;
            """;

    static final String LIST_CONTROLS = "var describe = " + DESCRIBE + ";" + """
            return Array.from(document.querySelectorAll('[data-walk]')).map(describe);
            """;

    /** The focused control's mark, its outline, and the outline's contrast with the background around it. */
    static final String DESCRIBE_FOCUS = "var describe = " + DESCRIBE + ";" + """
            var e = document.activeElement;
            if (!e || e === document.body || !e.hasAttribute('data-walk')) { return null; }
            function rgb(c) {
              var m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) { return null; }
              var p = m[1].split(/[ ,\\/]+/).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
            }
            function luminance(c) {
              return [c.r, c.g, c.b].map(function (v) { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                .reduce(function (sum, v, i) { return sum + v * [0.2126, 0.7152, 0.0722][i]; }, 0);
            }
            var behind = 'rgb(255, 255, 255)';
            for (var p = e.parentElement; p; p = p.parentElement) {
              var bg = rgb(getComputedStyle(p).backgroundColor);
              if (bg && bg.a > 0) { behind = getComputedStyle(p).backgroundColor; break; }
            }
            var s = getComputedStyle(e);
            var width = s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth);
            var a = luminance(rgb(s.outlineColor)), b = luminance(rgb(behind));
            return { mark: Number(e.getAttribute('data-walk')), who: describe(e), width: width,
                     outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor, background: behind,
                     contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
            """;
}
