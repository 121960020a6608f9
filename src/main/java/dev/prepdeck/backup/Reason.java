package dev.prepdeck.backup;

import java.util.Arrays;
import java.util.Optional;

/** Why a backup was written; its code is part of the file name, so the list shows it without reading the file. */
public enum Reason {
    START("start"),
    INTERVAL("interval"),
    MANUAL("manual"),
    IMPORT("import"),
    DELETE("delete"),
    RESCHEDULE("reschedule"),
    UPGRADE("upgrade"),
    CHECK("check"),
    RESTORE("before-restore");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static Optional<Reason> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
