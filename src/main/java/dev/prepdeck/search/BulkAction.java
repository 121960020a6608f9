package dev.prepdeck.search;

import dev.prepdeck.web.Messages;
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
                throw Messages.invalid("flag", "browse.error.flag", String.valueOf(flag));
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
                throw Messages.invalid("days", "browse.error.dueRange", String.valueOf(MAX_DAYS), String.valueOf(from),
                        String.valueOf(to));
            }
        }

        /** Days as typed: {@code 0}, {@code 3}, {@code 3-7}, each with an optional {@code !}. */
        static SetDue parse(String typed) {
            String text = typed == null ? "" : typed.replace(" ", "");
            Matcher m = DAYS.matcher(text);
            if (!m.matches()) {
                throw Messages.invalid("days", "browse.error.dueTyped", text);
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
            throw Messages.invalid("action", "browse.error.chooseAction", String.valueOf(NAMES));
        }
        return switch (name.strip()) {
            case "suspend" -> new Suspend(true);
            case "unsuspend" -> new Suspend(false);
            case "flag" -> new Flag(flagNumber(required(flag, "flag", "browse.error.flagNeeded")));
            case "bury" -> new Bury(true);
            case "unbury" -> new Bury(false);
            case "move" -> new MoveTo(required(deckId, "deckId", "browse.error.moveNeeded"));
            case "add-tags" -> new AddTags(tags);
            case "remove-tags" -> new RemoveTags(tags);
            case "forget" -> new Forget();
            case "set-due" -> SetDue.parse(days);
            case DELETE -> new Delete();
            default -> throw Messages.invalid("action", "browse.error.unknownAction", name.strip(), String.valueOf(NAMES));
        };
    }

    /** Tags typed into one field, separated by commas as in the card form. */
    static List<String> splitTyped(String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split("[,，]")).filter(t -> !t.isBlank()).toList();
    }

    private static int flagNumber(long flag) {
        if (flag < 0 || flag > 4) {
            throw Messages.invalid("flag", "browse.error.flag", String.valueOf(flag));
        }
        return (int) flag;
    }

    /** The value, else the problem {@code key} (a sentence of the bundles) about {@code field}. */
    private static <T> T required(T value, String field, String key) {
        if (value == null) {
            throw Messages.invalid(field, key);
        }
        return value;
    }

    private static List<String> validTags(List<String> tags) {
        List<String> clean = tags == null ? List.of()
                : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        if (clean.isEmpty()) {
            throw Messages.invalid("tags", "browse.error.noTags");
        }
        for (String tag : clean) {
            if (tag.contains(",") || tag.contains("，") || tag.contains("\n") || tag.contains("\r")) {
                throw Messages.invalid("tags", "browse.error.tagComma", tag);
            }
        }
        return clean;
    }
}
