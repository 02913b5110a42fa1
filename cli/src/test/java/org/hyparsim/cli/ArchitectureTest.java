package org.hyparsim.cli;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as DESIGN.md draws it, checked on the compiled classes (fully qualified names
 * in code count, as the bytecode holds them) and on the sources: which module may use which, no
 * cycle between packages, and the size limits of classes, methods and parameter lists.
 */
class ArchitectureTest {
    /** The most lines a main class may have. */
    static final int MAX_CLASS_LINES = 600;
    /** The most lines a method or constructor may have. */
    static final int MAX_METHOD_LINES = 80;
    /** The most parameters a method or constructor may take (canonical record constructors aside). */
    static final int MAX_PARAMETERS = 8;
    /** The largest share of the main lines one module may hold. */
    static final double MAX_MODULE_SHARE = 0.25;

    /** Each module's packages and the modules it may use (DESIGN.md's table). */
    static final Map<String, Set<String>> MAY_USE = new LinkedHashMap<>();

    static {
        MAY_USE.put("core", Set.of());
        MAY_USE.put("accel", Set.of("core"));
        MAY_USE.put("noc", Set.of("core"));
        MAY_USE.put("partition", Set.of("core"));
        MAY_USE.put("results", Set.of("core"));
        MAY_USE.put("input", Set.of("core", "accel", "noc", "partition"));
        MAY_USE.put("scenarios", Set.of("core", "accel", "noc", "partition", "results", "input"));
        MAY_USE.put("paper", Set.of("core", "accel", "noc", "partition", "results", "input", "scenarios"));
        MAY_USE.put("cli", Set.of("core", "accel", "noc", "partition", "results", "input", "scenarios", "paper"));
    }

    private static JavaClasses classes;
    private static Path root;

    @BeforeAll
    static void load() {
        // the modules' main classes, from their class folders or jars (a test jar is not main code)
        ImportOption mainOnly = location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");
        classes = new ClassFileImporter().withImportOption(mainOnly).importPackages("org.hyparsim");
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("sim-core"))) {
            root = root.getParent();
        }
    }

    private static String moduleOf(String className) {
        String rest = className.substring("org.hyparsim.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? "" : rest.substring(0, dot);
    }

    @Test
    void modulesUseOnlyTheModulesBelowThem() {
        assertTrue(classes.size() > 100, "the main classes were found: " + classes.size());
        List<String> wrong = new ArrayList<>();
        for (JavaClass c : classes) {
            String from = moduleOf(c.getName());
            Set<String> allowed = MAY_USE.get(from);
            if (allowed == null) {
                continue; // benchmarks and the like: not part of the layers
            }
            c.getDirectDependenciesFromSelf().forEach(d -> {
                String target = d.getTargetClass().getName();
                if (target.startsWith("org.hyparsim.")) {
                    String to = moduleOf(target);
                    if (!to.equals(from) && !allowed.contains(to)) {
                        wrong.add(c.getName() + " -> " + target);
                    }
                }
            });
        }
        assertTrue(wrong.isEmpty(), "dependencies against the layers:\n" + String.join("\n", wrong.stream()
                .distinct().limit(40).toList()));
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.hyparsim.(**)").should().beFreeOfCycles().check(classes);
    }

    /** Every main source file of the project's modules. */
    private static List<Path> mainSources() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path m : modules.filter(p -> Files.isDirectory(p.resolve("src/main/java"))).toList()) {
                try (Stream<Path> files = Files.walk(m.resolve("src/main/java"))) {
                    files.filter(p -> p.toString().endsWith(".java")).forEach(out::add);
                }
            }
        }
        return out;
    }

    private static int lines(Node n) {
        return n.getRange().map(r -> r.end.line - r.begin.line + 1).orElse(0);
    }

    @Test
    void classesMethodsAndParameterListsStayWithinTheirLimits() throws IOException {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        List<String> over = new ArrayList<>();
        for (Path f : mainSources()) {
            CompilationUnit cu = StaticJavaParser.parse(f);
            String name = root.relativize(f).toString();
            for (TypeDeclaration<?> t : cu.getTypes()) {
                if (lines(t) > MAX_CLASS_LINES) {
                    over.add(name + ": class " + t.getNameAsString() + " has " + lines(t) + " lines");
                }
            }
            for (CallableDeclaration<?> c : cu.findAll(CallableDeclaration.class)) {
                if (lines(c) > MAX_METHOD_LINES) {
                    over.add(name + ": " + c.getNameAsString() + " has " + lines(c) + " lines");
                }
                boolean canonical = c instanceof ConstructorDeclaration && c.getParentNode()
                        .filter(RecordDeclaration.class::isInstance).isPresent();
                if (c.getParameters().size() > MAX_PARAMETERS && !canonical) {
                    over.add(name + ": " + c.getNameAsString() + " takes " + c.getParameters().size() + " parameters");
                }
            }
        }
        assertTrue(over.isEmpty(), "over the limits:\n" + String.join("\n", over));
    }

    @Test
    void noModuleHoldsMoreThanAQuarterOfTheMainLines() throws IOException {
        Map<String, Long> byModule = new TreeMap<>();
        long total = 0;
        for (Path f : mainSources()) {
            long n;
            try (Stream<String> l = Files.lines(f)) {
                n = l.count();
            }
            byModule.merge(root.relativize(f).getName(0).toString(), n, Long::sum);
            total += n;
        }
        for (Map.Entry<String, Long> e : byModule.entrySet()) {
            assertTrue(e.getValue() <= MAX_MODULE_SHARE * total, e.getKey() + " holds " + e.getValue() + " of " + total
                    + " main lines: " + byModule);
        }
    }
}
