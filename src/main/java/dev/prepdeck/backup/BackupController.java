package dev.prepdeck.backup;

import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.web.Flash;
import dev.prepdeck.web.Messages;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Backups page: the backups in the folder with their time, reason and size, "Back up now", a download of each,
 * and a restore after a confirmation; and {@link #first}, which writes an automatic backup before a risky request.
 */
public final class BackupController {
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Backups backups;

    public BackupController(Backups backups) {
        this.backups = backups;
    }

    /** A backup as the page lists it. */
    public record Row(String name, String time, String reasonKey, String size) {
    }

    public void page(Context ctx) {
        render(ctx, null);
    }

    public void backUpNow(Context ctx) {
        if (!backups.automatic()) {
            render(ctx.status(HttpStatus.CONFLICT), Messages.text(ctx, "backup.operators"));
            return;
        }
        try {
            Backup written = backups.write(Reason.MANUAL);
            Flash.show(ctx, Messages.text(ctx, "backup.written", written.name()));
            ctx.redirect("/backups", HttpStatus.SEE_OTHER);
        } catch (BackupException e) {
            render(ctx.status(HttpStatus.INTERNAL_SERVER_ERROR), Messages.text(ctx, "backup.failed", e.getMessage()));
        }
    }

    public void download(Context ctx) {
        Backup backup = named(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"" + backup.name() + "\"");
        ctx.contentType("application/vnd.sqlite3");
        try {
            ctx.result(Files.newInputStream(backup.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void confirmRestore(Context ctx) {
        Backup backup = named(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("backup", row(ctx, backup));
        ctx.render("backup/restore.html", model);
    }

    public void restore(Context ctx) {
        Backup backup = named(ctx);
        try {
            Backups.Restored restored = backups.restore(backup.file());
            Flash.show(ctx, Messages.text(ctx, "backup.restored", shownTime(backup), restored.keptCopy().name()));
            ctx.redirect("/backups", HttpStatus.SEE_OTHER);
        } catch (BackupException e) {
            render(ctx.status(HttpStatus.INTERNAL_SERVER_ERROR),
                    Messages.text(ctx, "backup.restore-failed", e.getMessage()));
        }
    }

    /**
     * {@code handler} after an automatic backup for {@code reason}, when {@code risky} says the request will change
     * data that way. When the backup cannot be written the request is refused with that reason and changes nothing.
     */
    public Handler first(Reason reason, Predicate<Context> risky, Handler handler) {
        return ctx -> {
            if (risky.test(ctx)) {
                try {
                    backups.before(reason);
                } catch (BackupException e) {
                    refuse(ctx, Messages.text(ctx, "backup.first-failed", e.getMessage()));
                    return;
                }
            }
            handler.handle(ctx);
        };
    }

    /** As {@link #first(Reason, Predicate, Handler)} for a request that is always risky. */
    public Handler first(Reason reason, Handler handler) {
        return first(reason, ctx -> true, handler);
    }

    private static void refuse(Context ctx, String message) {
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
        if (ctx.path().startsWith("/api/")) {
            ctx.json(Map.of("error", message));
        } else {
            ctx.render("error.html", Map.of("status", HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                    "heading", HttpStatus.SERVICE_UNAVAILABLE.getMessage(), "message", message));
        }
    }

    private Backup named(Context ctx) {
        String name = ctx.pathParam("name");
        return backups.find(name).orElseThrow(() -> new NotFoundException("backup", name));
    }

    private void render(Context ctx, String error) {
        List<Row> rows;
        try {
            rows = backups.automatic() ? backups.list().stream().map(b -> row(ctx, b)).toList() : List.of();
        } catch (BackupException e) {
            rows = List.of();
            error = error != null ? error : e.getMessage();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("backups", rows);
        model.put("folder", backups.automatic() ? backups.folder().toString() : "");
        // PostgreSQL: no folder and no button, but whose backups they are and how to keep one's own data
        model.put("operators", !backups.automatic());
        model.put("error", error);
        ctx.render("backup/list.html", model);
    }

    private Row row(Context ctx, Backup backup) {
        return new Row(backup.name(), shownTime(backup), "backup.reason." + backup.reason().code(), size(ctx, backup.size()));
    }

    private String shownTime(Backup backup) {
        ZoneId zone = backups.zone();
        return SHOWN_TIME.format(backup.time().atZone(zone));
    }

    private static String size(Context ctx, long bytes) {
        return bytes < 1024 * 1024 ? Messages.text(ctx, "backup.size.kb", Math.max(1, Math.round(bytes / 1024.0)))
                : Messages.text(ctx, "backup.size.mb", bytes / (1024.0 * 1024.0));
    }
}
