package dev.prepdeck.check;

import dev.prepdeck.web.Messages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The Check Database page: what the check looks for, a button that checks and repairs, and what it found. */
public final class CheckController {
    private final DatabaseCheck check;
    private final Runnable backupFirst;

    /** {@code backupFirst} writes a backup before a repair, or throws saying why it could not. */
    public CheckController(DatabaseCheck check, Runnable backupFirst) {
        this.check = check;
        this.backupFirst = backupFirst;
    }

    /** A finding as the page lists it: the sentence's key and the count it names. */
    public record Line(String key, int count) {
    }

    public void page(Context ctx) {
        ctx.render("check/check.html", new HashMap<>(Map.of("ran", false)));
    }

    /** Checks; when something can be repaired, backs up and repairs it, and shows what was found. */
    public void run(Context ctx) {
        CheckReport report = check.report();
        if (report.integrityProblems().isEmpty() && !report.clean()) {
            try {
                backupFirst.run();
            } catch (RuntimeException e) {
                show(ctx.status(HttpStatus.INTERNAL_SERVER_ERROR), report,
                        () -> Messages.text(ctx, "check.backup-failed", e.getMessage()));
                return;
            }
            report = check.repair();
        }
        show(ctx, report, () -> null);
    }

    private static void show(Context ctx, CheckReport report, Supplier<String> error) {
        Map<String, Object> model = new HashMap<>();
        model.put("ran", true);
        model.put("error", error.get());
        model.put("damage", report.integrityProblems());
        List<Line> lines = report.findings().stream()
                .map(f -> new Line(f.problem().messageKey(), f.count())).toList();
        model.put("findings", lines);
        model.put("summaryKey", !report.integrityProblems().isEmpty() ? "check.damaged"
                : report.clean() ? "check.clean" : report.repaired() ? "check.repaired" : "check.not-repaired");
        ctx.render("check/check.html", model);
    }
}
