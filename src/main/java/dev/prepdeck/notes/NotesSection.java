package dev.prepdeck.notes;

import java.util.ArrayList;
import java.util.List;

/** A titled section of a notes file: its own blocks, then its sub-sections. Mutable only while a reader builds it. */
final class NotesSection {
    final String title;
    final int level;
    final int line;
    final List<Block> blocks = new ArrayList<>();
    final List<NotesSection> children = new ArrayList<>();

    NotesSection(String title, int level, int line) {
        this.title = title;
        this.level = level;
        this.line = line;
    }
}
