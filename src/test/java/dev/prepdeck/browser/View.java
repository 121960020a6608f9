package dev.prepdeck.browser;

/** The screen sizes pages are laid out for, in CSS pixels; the phone is a 390×844 handset. */
public enum View {
    PHONE("phone", 390, 844, true),
    LAPTOP("laptop", 1280, 800, false);

    final String label;
    final int width;
    final int height;
    final boolean mobile;

    View(String label, int width, int height, boolean mobile) {
        this.label = label;
        this.width = width;
        this.height = height;
        this.mobile = mobile;
    }

    /** The system colour setting a page follows through prefers-color-scheme. */
    public enum Scheme {
        LIGHT, DARK;

        String label() {
            return name().toLowerCase();
        }
    }
}
