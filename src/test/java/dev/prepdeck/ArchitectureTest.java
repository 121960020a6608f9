package dev.prepdeck;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The layers of ARCHITECTURE.md, checked on the compiled classes: every dependency between two packages points
 * down to a lower layer, so there is no cycle and no arrow back up (web/ importing a feature, deck/ importing
 * review/). Packages in one layer do not use each other. A new package must be given its layer here.
 */
class ArchitectureTest {
    private static final String BASE = "dev.prepdeck";

    /** From the top: each layer may use only the layers below it. */
    private static final List<List<String>> LAYERS = List.of(
            List.of(""),                                       // Main, App and the commands: the wiring
            List.of("dashboard", "study"),                     // pages that combine several features
            List.of("stats", "notes", "practice", "fsrs.replay", "search", "ankisync", "judge", "check", "backup", "account"),
            List.of("optimize"),                               // fitting FSRS to the review log, and applying it
            List.of("review"),
            List.of("deck"),
            List.of("deck.file"),
            List.of("media"),                                  // images and sounds cards show, and their route
            List.of("settings"),                               // the learner's settings, read by every layer above
            List.of("web"),                                    // the toolkit every handler uses
            List.of("db"),
            List.of("anki.text"),                              // the Anki formats: plain models, no storage
            List.of("anki.apkg", "anki.importing"),
            List.of("anki.exporting"),
            List.of("anki.render"),
            List.of("anki"),
            List.of("fsrs.optimizer"),
            List.of("fsrs", "error"));                         // the scheduler and the app's exceptions

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    private static final Map<String, Integer> LAYER_OF = layerOfPackage();

    private static Map<String, Integer> layerOfPackage() {
        Map<String, Integer> layers = new HashMap<>();
        for (int i = 0; i < LAYERS.size(); i++) {
            for (String name : LAYERS.get(i)) {
                layers.put(name.isEmpty() ? BASE : BASE + "." + name, i);
            }
        }
        return layers;
    }

    @Test
    void every_package_has_its_place_in_the_layers_and_every_layer_names_a_package() {
        TreeSet<String> packages = new TreeSet<>();
        CLASSES.forEach(c -> packages.add(c.getPackageName()));
        assertThat(packages).as("packages of src/main (a new one needs its layer here and in ARCHITECTURE.md)")
                .containsExactlyInAnyOrderElementsOf(LAYER_OF.keySet());
    }

    @Test
    void every_dependency_between_packages_points_down_a_layer() {
        List<String> upward = new ArrayList<>();
        for (JavaClass origin : CLASSES) {
            Integer from = LAYER_OF.get(origin.getPackageName());
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                String targetPackage = target.getPackageName();
                Integer to = LAYER_OF.get(targetPackage);
                if (from == null || to == null || targetPackage.equals(origin.getPackageName())) {
                    continue;
                }
                if (to <= from) {
                    upward.add(dependency.getDescription());
                }
            }
        }
        assertThat(upward).as("dependencies that go up a layer or across one").isEmpty();
    }

    @Test
    void packages_are_free_of_cycles() {
        slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
