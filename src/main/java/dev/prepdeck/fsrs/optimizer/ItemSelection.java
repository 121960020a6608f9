package dev.prepdeck.fsrs.optimizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which items initialise the first four stabilities and which are trained on, after fsrs-rs's outlier
 * filter. The initialisation items are those with exactly one review on a later day (the first interval a
 * card was tested on). They are grouped by first rating and by that interval; within each first rating the
 * smallest groups are dropped until at least max(20, 5%) of its items are gone, and every other group smaller
 * than 6 items or with an interval over 100 days (365 after Easy) goes too. Every item whose first interval
 * fell in a dropped group leaves the training items as well.
 */
record ItemSelection(int[] initialisation, int[] training) {

    static ItemSelection of(TrainingSet set) {
        List<Map<Integer, List<Integer>>> groups = new ArrayList<>();
        for (int rating = 0; rating <= 4; rating++) {
            groups.add(new TreeMap<>());
        }
        for (int item = 0; item < set.itemCount(); item++) {
            if (set.longTermReviewCount(item) == 1) {
                groups.get(set.firstRating(item))
                        .computeIfAbsent(set.currentElapsedDays(item), days -> new ArrayList<>()).add(item);
            }
        }
        List<Integer> kept = new ArrayList<>();
        List<Set<Integer>> removed = new ArrayList<>();
        for (int rating = 0; rating <= 4; rating++) {
            removed.add(new HashSet<>());
            List<Map.Entry<Integer, List<Integer>>> byGroup = new ArrayList<>(groups.get(rating).entrySet());
            // smallest groups first, shorter intervals first among equals
            byGroup.sort((a, b) -> a.getValue().size() != b.getValue().size()
                    ? Integer.compare(a.getValue().size(), b.getValue().size())
                    : Integer.compare(a.getKey(), b.getKey()));
            int total = byGroup.stream().mapToInt(group -> group.getValue().size()).sum();
            int alreadyRemoved = 0;
            int maximumDays = rating == 4 ? 365 : 100;
            for (Map.Entry<Integer, List<Integer>> group : byGroup) {
                int size = group.getValue().size();
                if (alreadyRemoved + size >= Math.max(20, total / 20)) {
                    if (size >= 6 && group.getKey() <= maximumDays) {
                        kept.addAll(group.getValue());
                    } else {
                        removed.get(rating).add(group.getKey());
                    }
                } else {
                    alreadyRemoved += size;
                    removed.get(rating).add(group.getKey());
                }
            }
        }
        List<Integer> training = new ArrayList<>();
        for (int item = 0; item < set.itemCount(); item++) {
            if (!removed.get(set.firstRating(item)).contains(set.firstLongTermElapsedDays(item))) {
                training.add(item);
            }
        }
        return new ItemSelection(kept.stream().mapToInt(Integer::intValue).toArray(),
                training.stream().mapToInt(Integer::intValue).toArray());
    }
}
