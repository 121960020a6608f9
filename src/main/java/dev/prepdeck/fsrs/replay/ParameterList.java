package dev.prepdeck.fsrs.replay;

import dev.prepdeck.fsrs.FsrsParameters;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** 21 FSRS-6 parameters given on the command line as "w0,w1,...,w20". */
record ParameterList(double[] values) {

    /** Reads the 21 comma-separated numbers. */
    static final class Converter implements ITypeConverter<ParameterList> {
        @Override
        public ParameterList convert(String text) {
            return new ParameterList(parse(text));
        }
    }

    private static double[] parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != FsrsParameters.WEIGHT_COUNT) {
            throw new TypeConversionException("expected 21 comma-separated numbers, got " + parts.length);
        }
        double[] w = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("w" + i + " is not a number: \"" + parts[i].trim() + "\"");
            }
            if (!Double.isFinite(w[i])) {
                throw new TypeConversionException("w" + i + " is not a finite number");
            }
        }
        return w;
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
