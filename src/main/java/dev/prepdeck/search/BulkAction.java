package dev.prepdeck.search;

import dev.prepdeck.error.InvalidInputException;
import java.util.Arrays;
import java.util.List;

/** What a bulk edit does to every selected card; {@link #of} reads one from a form's or the API's fields. */
public sealed interface BulkAction {
    /** The action names a form button or the API sends. */
    String NAMES = "suspend, unsuspend, flag, bury, unbury, move, add-tags, remove-tags, forget or delete";

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

    /** Gone with their review history. */
    record Delete() implements BulkAction {
    }

    /** The name of {@link Delete} in forms and JSON. */
    String DELETE = "delete";

    /**
     * The action called {@code name} with the fields it needs: {@code flag} for flag, {@code deckId} for move,
     * {@code tags} for add-tags and remove-tags.
     */
    static BulkAction of(String name, Long flag, Long deckId, List<String> tags) {
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
