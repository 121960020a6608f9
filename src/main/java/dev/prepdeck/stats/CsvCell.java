package dev.prepdeck.stats;

/**
 * One cell of a CSV file meant for spreadsheets. A cell that starts with = + - @ tab or carriage return is a
 * formula to Excel, LibreOffice and Google Sheets ({@code =HYPERLINK(...)} in a deck name would run when the file
 * is opened), so it gets a leading single quote and is quoted (OWASP's rule for CSV injection). Otherwise RFC 4180:
 * a cell with a comma, quote or line break is quoted, its quotes doubled.
 */
final class CsvCell {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCell() {
    }

    static String of(String value) {
        if (!value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
            return quoted("'" + value);
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return quoted(value);
        }
        return value;
    }

    /** A row of cells, each made safe, with the CRLF line end RFC 4180 asks for. */
    static String row(String... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            line.append(i == 0 ? "" : ",").append(of(values[i]));
        }
        return line.append("\r\n").toString();
    }

    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
