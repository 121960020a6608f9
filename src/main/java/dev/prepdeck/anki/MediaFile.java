package dev.prepdeck.anki;

import java.util.Arrays;
import java.util.Objects;

/** A media file by the name notes refer to it with (e.g. {@code <img src="name">}, {@code [sound:name]}). */
public record MediaFile(String name, byte[] content) {

    public MediaFile {
        Objects.requireNonNull(name, "name");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MediaFile m && name.equals(m.name) && Arrays.equals(content, m.content);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "MediaFile[" + name + ", " + content.length + " bytes]";
    }
}
