package dev.prepdeck.study;

import dev.prepdeck.review.Learner;
import dev.prepdeck.search.BulkAction;
import dev.prepdeck.search.BulkEdit;
import dev.prepdeck.search.CardSelection;
import dev.prepdeck.web.SignedIn;
import dev.prepdeck.web.Flash;
import dev.prepdeck.web.Messages;
import dev.prepdeck.web.Params;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * Bury, suspend and flag one card from the study page or its card page (buttons, and Anki's keys through keys.js).
 * Each is a one-card bulk edit, so Browse's undo takes it back.
 */
public final class CardMarksController {
    private final BulkEdit bulk;

    public CardMarksController(BulkEdit bulk) {
        this.bulk = bulk;
    }

    public void bury(Context ctx) {
        mark(ctx, new BulkAction.Bury(true), "study.marks.buried");
    }

    /** Suspends the card, or with {@code suspended=0} lifts the suspension. */
    public void suspend(Context ctx) {
        boolean suspend = !"0".equals(ctx.formParam("suspended"));
        mark(ctx, new BulkAction.Suspend(suspend), suspend ? "study.marks.suspended" : "study.marks.unsuspended");
    }

    /** Sets the flag the button names; the page offers 0 on the button of the flag the card has, so a key toggles it. */
    public void flag(Context ctx) {
        int flag = Params.requiredFormInt(ctx, "flag", "flag", 0, 4);
        mark(ctx, new BulkAction.Flag(flag), flag == 0 ? "study.marks.unflagged" : "study.marks.flagged");
    }

    private void mark(Context ctx, BulkAction action, String message) {
        long cardId = Params.pathId(ctx, "cardId");
        bulk.apply(SignedIn.learner(ctx), CardSelection.of(List.of(cardId)), action);
        Flash.show(ctx, Messages.text(ctx, message));
        ctx.redirect(back(ctx, cardId), HttpStatus.SEE_OTHER);
    }

    /** Back to the study page the form came from, or to the card's page; never to another site. */
    private static String back(Context ctx, long cardId) {
        String back = Params.formText(ctx, "back");
        boolean ours = back.startsWith("/study") && !back.startsWith("//") && back.matches("[A-Za-z0-9/?=&_-]*");
        return ours ? back : "/cards/" + cardId;
    }
}
