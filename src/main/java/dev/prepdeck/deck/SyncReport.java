package dev.prepdeck.deck;

import java.util.ArrayList;
import java.util.List;

/** What an import did to each file: the summary the CLI prints and the server logs at start. */
public final class SyncReport {
    private final List<String> lines = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private int filesChanged;
    private int filesUnchanged;
    private int cardsAdded;
    private int cardsUpdated;
    private int cardsSetAside;

    void unchanged(String file) {
        filesUnchanged++;
        lines.add(file + ": unchanged");
    }

    void imported(String file, DeckSync.FileChanges changes) {
        if (changes.any()) {
            filesChanged++;
        } else {
            filesUnchanged++;
        }
        cardsAdded += changes.added();
        cardsUpdated += changes.updated() + changes.restored();
        cardsSetAside += changes.setAside();
        lines.add(file + ": " + changes.added() + " added, " + changes.updated() + " updated, "
                + changes.restored() + " restored, " + changes.setAside() + " set aside");
    }

    void failed(String file, String message) {
        errors.add(message);
        lines.add(file + ": rejected, nothing imported from it");
    }

    void warned(String message) {
        warnings.add(message);
    }

    void mediaDeleted(int files) {
        if (files > 0) {
            lines.add("media: " + files + " file(s) no card uses any more deleted");
        }
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** One "file:line: problem" message per rejected file. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** One "file:line: problem" message per thing an imported file could not bring in (a missing image). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public String summary() {
        return filesChanged + " file(s) changed, " + filesUnchanged + " unchanged, " + errors.size()
                + " rejected; cards: " + cardsAdded + " added, " + cardsUpdated + " updated, " + cardsSetAside
                + " set aside";
    }
}
