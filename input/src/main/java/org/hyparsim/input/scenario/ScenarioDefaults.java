package org.hyparsim.input.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.input.io.InputFiles;
import org.hyparsim.noc.Arbitration;
import org.hyparsim.noc.LinkPerturbation;
import org.hyparsim.partition.Accounting;

/**
 * What a scenario gets for the keys it leaves out, each read from where it is defined: a changed
 * default changes results without a changed file, so a sweep's fingerprint carries these beside
 * the tool's version and its files' digests, and a resume or a merge across such a change is
 * refused. The bundled profiles (their values and their default collective) are in by digest.
 */
public final class ScenarioDefaults {
    private static final String PREFIX = InputFiles.DEFAULT_PREFIX;

    private ScenarioDefaults() {
    }

    /** Each default by name ("default linkModel" -> "flow"), a bundled profile by the digest of its file. */
    public static Map<String, String> fingerprint() {
        Map<String, String> m = new TreeMap<>();
        m.put(PREFIX + "linkModel", LinkModel.DEFAULT_RULE);
        m.put(PREFIX + "chunks per step", String.valueOf(LinkModel.CHUNKS_PER_STEP));
        m.put(PREFIX + "arbitration", Arbitration.DEFAULT.label());
        m.put(PREFIX + "symmetry", SymmetryMode.DEFAULT.label());
        m.put(PREFIX + "schedule", ScenarioReader.DEFAULT_SCHEDULE.label());
        m.put(PREFIX + "batch", String.valueOf(Accounting.DEFAULT_BATCH));
        m.put(PREFIX + "accelerators", String.valueOf(ScenarioReader.DEFAULT_ACCELERATORS));
        m.put(PREFIX + "strategies", String.join(" ", ScenarioReader.DEFAULT_STRATEGIES.stream()
                .map(StrategyKind::label).toList()));
        m.put(PREFIX + "samples", String.valueOf(LinkPerturbation.DEFAULT_SAMPLES));
        m.put(PREFIX + "seed", String.valueOf(LinkPerturbation.DEFAULT_SEED));
        for (BuiltInProfile p : BuiltInProfile.values()) {
            m.put(PREFIX + "collective on " + p.label(), p.defaultCollective().label());
            m.put(PREFIX + "profile " + p.label(), profileDigest(p));
        }
        return m;
    }

    private static String profileDigest(BuiltInProfile p) {
        try (InputStream in = ScenarioDefaults.class.getResourceAsStream("/profiles/" + p.label() + ".json")) {
            return in == null ? "missing" : InputFiles.sha256(in.readAllBytes());
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
