package dev.prepdeck.anki.apkg;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The few protobuf messages of Anki's format, read field by field with protobuf-java's wire-format reader
 * (field numbers from ankitects/anki proto/anki/import_export.proto, notetypes.proto and decks.proto).
 */
final class PackageProtos {
    private PackageProtos() {
    }

    /** PackageMetadata.version: 1 legacy anki2, 2 legacy anki21, 3 latest; 0 unknown. */
    static int metaVersion(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        int version = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == 1 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT) {
                version = in.readInt32();
            } else {
                in.skipField(tag);
            }
        }
        return version;
    }

    /** One MediaEntries.MediaEntry; its zip entry is its index in the list. */
    record MediaEntry(String name, long size, Integer legacyZipName) {
    }

    static List<MediaEntry> mediaEntries(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        List<MediaEntry> entries = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == 1) {
                entries.add(mediaEntry(in.readBytes().newCodedInput()));
            } else {
                in.skipField(tag);
            }
        }
        return entries;
    }

    private static MediaEntry mediaEntry(CodedInputStream in) throws IOException {
        String name = "";
        long size = 0;
        Integer legacyZipName = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = in.readString();
                case 2 -> size = Integer.toUnsignedLong(in.readUInt32());
                case 255 -> legacyZipName = in.readUInt32();
                default -> in.skipField(tag);
            }
        }
        return new MediaEntry(name, size, legacyZipName);
    }

    /** Notetype.Config: kind (0 normal, 1 cloze), sort field and CSS. */
    record NotetypeConfig(int kind, int sortFieldIndex, String css) {
    }

    static NotetypeConfig notetypeConfig(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        int kind = 0;
        int sortField = 0;
        String css = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> kind = in.readEnum();
                case 2 -> sortField = in.readUInt32();
                case 3 -> css = in.readString();
                default -> in.skipField(tag);
            }
        }
        return new NotetypeConfig(kind, sortField, css);
    }

    /** Notetype.Template.Config: the front and back templates. */
    record TemplateConfig(String questionFormat, String answerFormat) {
    }

    static TemplateConfig templateConfig(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        String question = "";
        String answer = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> question = in.readString();
                case 2 -> answer = in.readString();
                default -> in.skipField(tag);
            }
        }
        return new TemplateConfig(question, answer);
    }

    /** Deck.KindContainer: a normal deck (with its description) or a filtered one. */
    record DeckKind(boolean filtered, String description) {
    }

    static DeckKind deckKind(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        boolean filtered = false;
        String description = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> description = normalDeckDescription(in.readBytes().newCodedInput());
                case 2 -> {
                    filtered = true;
                    in.skipField(tag);
                }
                default -> in.skipField(tag);
            }
        }
        return new DeckKind(filtered, description);
    }

    private static String normalDeckDescription(CodedInputStream in) throws IOException {
        String description = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == 4) {
                description = in.readString();
            } else {
                in.skipField(tag);
            }
        }
        return description;
    }
}
