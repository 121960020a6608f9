package dev.prepdeck.anki.apkg;

import dev.prepdeck.anki.AnkiFormatException;

/** Media file names must be one plain file name, as Anki's filename_is_safe requires: nothing that walks a path. */
final class MediaNames {
    private MediaNames() {
    }

    /** {@code where} is the package file (or "export"), whose media map names the file. */
    static String requireSafe(String name, Object where) {
        if (name == null || name.isEmpty()) {
            throw AnkiFormatException.worded("mediaNameEmpty", where);
        }
        if (name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")) {
            throw AnkiFormatException.worded("mediaNamePath", where, printable(name));
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw AnkiFormatException.worded("mediaNameControl", where, printable(name));
            }
        }
        if (name.length() > 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            throw AnkiFormatException.worded("mediaNameDrive", where, printable(name));
        }
        return name;
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(120).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
