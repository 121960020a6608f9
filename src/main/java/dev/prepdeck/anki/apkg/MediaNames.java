package dev.prepdeck.anki.apkg;

import dev.prepdeck.anki.AnkiFormatException;

/** Media file names must be one plain file name, as Anki's filename_is_safe requires: nothing that walks a path. */
final class MediaNames {
    private MediaNames() {
    }

    static String requireSafe(String name, String where) {
        if (name == null || name.isEmpty()) {
            throw new AnkiFormatException(where + ": a media file has an empty name");
        }
        if (name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")) {
            throw new AnkiFormatException(where + ": unsafe media file name \"" + printable(name)
                    + "\" (a path, not a file name)");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new AnkiFormatException(where + ": unsafe media file name \"" + printable(name)
                        + "\" (control character)");
            }
        }
        if (name.length() > 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            throw new AnkiFormatException(where + ": unsafe media file name \"" + printable(name)
                    + "\" (a drive path, not a file name)");
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
