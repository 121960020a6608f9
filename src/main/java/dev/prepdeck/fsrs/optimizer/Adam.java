package dev.prepdeck.fsrs.optimizer;

/** Adam (beta1 0.9, beta2 0.999, epsilon 1e-8) with bias correction, as fsrs-rs steps its parameters. */
final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double[] mean;
    private final double[] meanSquare;
    private int steps;

    Adam(int size) {
        mean = new double[size];
        meanSquare = new double[size];
    }

    /** Moves {@code parameters} one step against {@code gradient}. */
    void step(double[] parameters, double[] gradient, double learningRate) {
        steps++;
        double correction1 = 1.0 - Math.pow(BETA1, steps);
        double correction2 = 1.0 - Math.pow(BETA2, steps);
        for (int i = 0; i < parameters.length; i++) {
            mean[i] = BETA1 * mean[i] + (1.0 - BETA1) * gradient[i];
            meanSquare[i] = BETA2 * meanSquare[i] + (1.0 - BETA2) * gradient[i] * gradient[i];
            double m = mean[i] / correction1;
            double v = meanSquare[i] / correction2;
            parameters[i] -= learningRate * m / (Math.sqrt(v) + EPSILON);
        }
    }
}
