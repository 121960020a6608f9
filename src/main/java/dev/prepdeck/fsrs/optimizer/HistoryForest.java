package dev.prepdeck.fsrs.optimizer;

import java.util.Arrays;

/**
 * A set of items as a prefix tree of their histories: every distinct history prefix is one node, so a card's
 * items share the steps they have in common, and so do cards with identical early histories (all cards first
 * rated Good, say). The memory model then runs once per node instead of once per review of every item, and
 * each item is a target hanging off the node of its history. Nodes are numbered parents first, so a forward
 * pass runs in node order and a backward pass in reverse.
 */
final class HistoryForest {
    final int nodeCount;
    /** The node before, or -1 for a card's first review. */
    final int[] parent;
    final double[] elapsedDays;
    final int[] rating;

    final int targetCount;
    final int[] targetNode;
    final double[] targetElapsedDays;
    final boolean[] targetRecalled;
    final double[] targetWeight;

    private HistoryForest(int nodeCount, int[] parent, double[] elapsedDays, int[] rating, int[] targetNode,
            double[] targetElapsedDays, boolean[] targetRecalled, double[] targetWeight) {
        this.nodeCount = nodeCount;
        this.parent = parent;
        this.elapsedDays = elapsedDays;
        this.rating = rating;
        this.targetCount = targetNode.length;
        this.targetNode = targetNode;
        this.targetElapsedDays = targetElapsedDays;
        this.targetRecalled = targetRecalled;
        this.targetWeight = targetWeight;
    }

    /** The items {@code items} of {@code set} with their weights, targets in the order given. */
    static HistoryForest of(TrainingSet set, int[] items, double[] weights) {
        long steps = 0;
        for (int item : items) {
            steps += set.length(item) - 1;
        }
        // Each node is some card's review placed once, so there are never more nodes than reviews.
        int capacity = (int) Math.min(steps, set.reviewCount()) + 16;
        int[] parent = new int[capacity];
        double[] elapsed = new double[capacity];
        int[] rating = new int[capacity];
        NodeIndex index = new NodeIndex(capacity);
        int nodes = 0;
        int[] targetNode = new int[items.length];
        double[] targetElapsed = new double[items.length];
        boolean[] targetRecalled = new boolean[items.length];
        for (int t = 0; t < items.length; t++) {
            int item = items[t];
            int node = -1;
            for (int step = 0; step < set.length(item) - 1; step++) {
                int review = set.reviewIndex(item, step);
                int days = set.elapsedDays(review);
                int grade = set.rating(review);
                long key = ((long) (node + 1) << 32) | ((long) days << 3) | grade;
                int child = index.get(key);
                if (child < 0) {
                    child = nodes++;
                    parent[child] = node;
                    elapsed[child] = days;
                    rating[child] = grade;
                    index.put(key, child);
                }
                node = child;
            }
            targetNode[t] = node;
            targetElapsed[t] = set.currentElapsedDays(item);
            targetRecalled[t] = set.recalled(item);
        }
        return new HistoryForest(nodes, Arrays.copyOf(parent, nodes), Arrays.copyOf(elapsed, nodes),
                Arrays.copyOf(rating, nodes), targetNode, targetElapsed, targetRecalled, weights.clone());
    }

    /** Open-addressing map from a (parent, elapsed days, rating) key to a node; keys are never negative. */
    private static final class NodeIndex {
        private final long[] keys;
        private final int[] values;
        private final int mask;

        NodeIndex(int expected) {
            int size = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
            keys = new long[size];
            values = new int[size];
            Arrays.fill(keys, -1);
            mask = size - 1;
        }

        int get(long key) {
            for (int slot = slot(key); ; slot = (slot + 1) & mask) {
                if (keys[slot] == key) {
                    return values[slot];
                }
                if (keys[slot] < 0) {
                    return -1;
                }
            }
        }

        void put(long key, int value) {
            int slot = slot(key);
            while (keys[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = value;
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 29)) & mask;
        }
    }
}
