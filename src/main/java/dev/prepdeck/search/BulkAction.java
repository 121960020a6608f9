package dev.prepdeck.search;

import dev.prepdeck.error.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a bulk edit does to every selected card; {@link #of} reads one from a form's or the API's fields. */
public sealed interface BulkAction {
    /** The action names a form button or the API sends. */
    String NAMES = "suspend, unsuspend, flag, bury, unbury, move, add-tags, remove-tags, forget, set-due or delete";

    /** The action's name in forms, the API and the undo record. */
    default String name() {
        if (this instanceof Suspend s) {
            return s.suspended() ? "suspend" : "unsuspend";
        } else if (this instanceof Bury b) {
            return b.buried() ? "bury" : "unbury";
        } else if (this instanceof Flag) {
            return "flag";
        } else if (this instanceof MoveTo) {
            return "move";
        } else if (this instanceof AddTags) {
            return "add-tags";
        } else if (this instanceof RemoveTags) {
            return "remove-tags";
        } else if (this instanceof Forget) {
            return "forget";
        } else if (this instanceof SetDue) {
            return "set-due";
        }
        return "delete";
    }

    /** Out of study until unsuspended (or back in). */
    record Suspend(boolean suspended) implements BulkAction {
    }

    /** A coloured flag from 1 to 4; 0 takes the flag off. */
    record Flag(int flag) implements BulkAction {
        public Flag {
            if (flag < 0 || flag > 4) {
                throw new InvalidInputException("flag", "flag must be 0 (none) or 1 to 4, not " + flag);
            }
        }
    }

    /** Out of study until the next study day begins (or back now). */
    record Bury(boolean buried) implements BulkAction {
    }

    record MoveTo(long deckId) implements BulkAction {
    }

    /** Tags as typed, each kept in the spelling given. */
    record AddTags(List<String> tags) implements BulkAction {
        public AddTags {
            tags = validTags(tags);
        }
    }

    /** Tags removed in any case or accents, as a tag search matches them. */
    record RemoveTags(List<String> tags) implements BulkAction {
        public RemoveTags {
            tags = validTags(tags);
        }
    }

    /** Back to new, keeping the review log (Anki's "forget"). */
    record Forget() implements BulkAction {
    }

    /**
     * Anki's "set due date" for cards already studied: due on a day {@code from} to {@code to} days from today
     * (0: today), each card on a day drawn from the range; {@code setInterval} (a {@code !} after the days) also makes
     * the interval the time since the last review plus those days. New cards stay new.
     */
    record SetDue(int from, int to, boolean setInterval) implements BulkAction {
        static final int MAX_DAYS = 36500;
        private static final Pattern DAYS = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?(!?)");

        public SetDue {
            if (from < 0 || to < from || to > MAX_DAYS) {
                throw new InvalidInputException("days", "due days must run from 0 to " + MAX_DAYS
                        + ", the smaller first, not " + from + "-" + to);
            }
        }

        /** Days as typed: {@code 0}, {@code 3}, {@code 3-7}, each with an optional {@code !}. */
        static SetDue parse(String typed) {
            String text = typed == null ? "" : typed.replace(" ", "");
            Matcher m = DAYS.matcher(text);
            if (!m.matches()) {
                throw new InvalidInputException("days", "set the due date as days from today: 0 (today), 3, or a"
                        + " range like 3-7; add ! to set the interval too (not '" + text + "')");
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            return new SetDue(from, to, !m.group(3).isEmpty());
        }
    }

    /** Gone with their review history. */
    record Delete() implements BulkAction {
    }

    /** The name of {@link Delete} in forms and JSON. */
    String DELETE = "delete";

    /**
     * The action called {@code name} with the fields it needs: {@code flag} for flag, {@code deckId} for move,
     * {@code tags} for add-tags and remove-tags, {@code days} for set-due.
     */
    static BulkAction of(String name, Long flag, Long deckId, List<String> tags, String days) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("action", "choose an action: " + NAMES);
        }
        return switch (name.strip()) {
            case "suspend" -> new Suspend(true);
            case "unsuspend" -> new Suspend(false);
            case "flag" -> new Flag(flagNumber(required(flag, "flag", "flag needs a flag number: 0 (none) or 1 to 4")));
            case "bury" -> new Bury(true);
            case "unbury" -> new Bury(false);
            case "move" -> new MoveTo(required(deckId, "deckId", "move needs the deck to move the cards to"));
            case "add-tags" -> new AddTags(tags);
            case "remove-tags" -> new RemoveTags(tags);
            case "forget" -> new Forget();
            case "set-due" -> SetDue.parse(days);
            case DELETE -> new Delete();
            default -> throw new InvalidInputException("action",
                    "unknown action '" + name.strip() + "'; use " + NAMES);
        };
    }

    /** Tags typed into one field, separated by commas as in the card form. */
    static List<String> splitTyped(String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split("[,，]")).filter(t -> !t.isBlank()).toList();
    }

    private static int flagNumber(long flag) {
        if (flag < 0 || flag > 4) {
            throw new InvalidInputException("flag", "flag must be 0 (none) or 1 to 4, not " + flag);
        }
        return (int) flag;
    }

    private static <T> T required(T value, String field, String message) {
        if (value == null) {
            throw new InvalidInputException(field, message);
        }
        return value;
    }

    private static List<String> validTags(List<String> tags) {
        List<String> clean = tags == null ? List.of()
                : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        if (clean.isEmpty()) {
            throw new InvalidInputException("tags", "type at least one tag");
        }
        for (String tag : clean) {
            if (tag.contains(",") || tag.contains("，") || tag.contains("\n") || tag.contains("\r")) {
                throw new InvalidInputException("tags", "tag '" + tag + "' must not contain commas or line breaks");
            }
        }
        return clean;
    }
}
