package dev.prepdeck.notes;

import dev.prepdeck.notes.NotesImport.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The images a notes file shows, in the order the reader meets them. Each stands in the text as a marker (two
 * private-use characters around its number) that no markup conversion touches, until {@link ImagePlacement}
 * puts the image, or the text to show in its place, where the marker is.
 */
final class Figures {
    static final Pattern MARKER = Pattern.compile("\uE002(\\d+)\uE003");

    /**
     * One image and what the card shows when its file cannot be found.
     *
     * @param fallback Markdown in place of a missing image: its alt text, or a short "(figure: name)" note
     */
    record Figure(ImageReference reference, String fallback) {
    }

    private final List<Figure> all = new ArrayList<>();

    /** Records the image, notes its number in {@code into} (the block that shows it) and returns its marker. */
    String add(ImageReference reference, String fallback, List<Integer> into) {
        all.add(new Figure(reference, fallback));
        into.add(all.size() - 1);
        return marker(all.size() - 1);
    }

    List<Figure> all() {
        return List.copyOf(all);
    }

    static String marker(int index) {
        return "\uE002" + index + "\uE003";
    }

    /**
     * What a missing image leaves in the card: "(figure: its alt text)", or its file name when it has no alt
     * text or its caption is shown below it anyway.
     */
    static String fallback(String alt, String target) {
        String name = target.substring(target.lastIndexOf('/') + 1);
        return "(figure: " + (alt.isBlank() ? name : alt.strip().replaceAll("\\s+", " ")) + ")";
    }
}
