package dev.prepdeck.settings;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The one way the app reads and changes a learner's settings. */
public final class SettingsService {
    /** Region names of the tz database (Europe/Berlin, Asia/Shanghai, Etc/GMT+12 ...) and UTC, sorted. */
    private static final List<String> ZONE_NAMES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("SystemV/") || z.equals("UTC"))
            .sorted()
            .toList();

    private final Jdbi jdbi;
    private final SettingsRepository settings;

    public SettingsService(Jdbi jdbi, SettingsRepository settings) {
        this.jdbi = jdbi;
        this.settings = settings;
    }

    public Settings of(long learnerId) {
        return jdbi.withHandle(h -> settings.read(h, learnerId));
    }

    /**
     * Changes the named settings (by their form and JSON names) and returns them all as stored; a value that is not
     * allowed changes nothing and is reported in {@code locale}.
     */
    public Settings change(long learnerId, Map<String, String> changes, Locale locale) {
        return jdbi.inTransaction(h -> {
            Settings next = SettingsInput.apply(settings.read(h, learnerId), changes, locale);
            settings.write(h, learnerId, next);
            return next;
        });
    }

    /** The zones the settings page offers. */
    public List<String> zoneNames() {
        return ZONE_NAMES;
    }
}
