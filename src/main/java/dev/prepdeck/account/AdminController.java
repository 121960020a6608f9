package dev.prepdeck.account;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.web.Flash;
import dev.prepdeck.web.Messages;
import dev.prepdeck.web.Params;
import dev.prepdeck.web.SignedIn;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/** The admin page: every account, with disable, enable and a password reset. AccessControl lets admins in only. */
public final class AdminController {
    /** Letters and digits that are hard to confuse when read off a screen (no 0/O, 1/l/I). */
    private static final String READABLE = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int RESET_LENGTH = 16;

    private final Accounts accounts;
    private final SecureRandom random = new SecureRandom();

    public AdminController(Accounts accounts) {
        this.accounts = accounts;
    }

    public void page(Context ctx) {
        render(ctx, null, null);
    }

    private void render(Context ctx, String resetName, String resetPassword) {
        Map<String, Object> model = new HashMap<>();
        model.put("navSection", "admin");
        model.put("accounts", accounts.list());
        model.put("me", SignedIn.of(ctx).learnerId());
        model.put("local", SignedIn.of(ctx).how() == SignedIn.How.LOCAL);
        model.put("resetName", resetName);
        model.put("resetPassword", resetPassword);
        ctx.render("account/admin.html", model);
    }

    public void disable(Context ctx) {
        setDisabled(ctx, true);
    }

    public void enable(Context ctx) {
        setDisabled(ctx, false);
    }

    private void setDisabled(Context ctx, boolean disabled) {
        long id = Params.pathId(ctx, "learnerId");
        String name = nameOf(id);
        try {
            accounts.setDisabled(id, disabled);
        } catch (InvalidInputException e) {
            // the one refusal: the last admin who can sign in stays enabled
            throw new InvalidInputException("account", Messages.text(ctx, "admin.lastAdmin", name));
        }
        Flash.show(ctx, Messages.text(ctx, disabled ? "admin.disabled" : "admin.enabled", name));
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    private String nameOf(long learnerId) {
        return accounts.list().stream().filter(a -> a.learnerId() == learnerId).findFirst()
                .orElseThrow(() -> new NotFoundException("account", learnerId)).name();
    }

    /** A new random password, shown once on this answer for the admin to pass on; the account's sessions end. */
    public void resetPassword(Context ctx) {
        long id = Params.pathId(ctx, "learnerId");
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < RESET_LENGTH; i++) {
            password.append(READABLE.charAt(random.nextInt(READABLE.length())));
        }
        String name = nameOf(id);
        accounts.resetPassword(id, password.toString());
        ctx.header("Cache-Control", "no-store");
        render(ctx, name, password.toString());
    }
}
