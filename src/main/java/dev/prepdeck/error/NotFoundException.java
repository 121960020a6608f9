package dev.prepdeck.error;

/** A deck or card id that does not exist; the web layer answers 404. */
public final class NotFoundException extends RuntimeException {
    private final String what;
    private final String id;

    public NotFoundException(String what, long id) {
        this(what, Long.toString(id));
    }

    /** For an id as written in a URL, which may not even be a number. */
    public NotFoundException(String what, String id) {
        this(what, id, "no " + what + " with id " + id);
    }

    private NotFoundException(String what, String id, String message) {
        super(message);
        this.what = what;
        this.id = id;
    }

    /** For a thing looked up by its name (an account on the command line): "no account named bob". */
    public static NotFoundException named(String what, String name) {
        return new NotFoundException(what, name, "no " + what + " named " + name);
    }

    /** What kind of thing was asked for: "deck", "card". */
    public String what() {
        return what;
    }

    public String id() {
        return id;
    }
}
