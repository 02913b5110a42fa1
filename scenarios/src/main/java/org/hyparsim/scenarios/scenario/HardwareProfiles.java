package org.hyparsim.scenarios.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyparsim.accel.HardwareProfile;
import org.hyparsim.core.InputException;

/** The bundled hardware profiles (hmc-rs, paper) with their sources, and overrides of their values. */
public final class HardwareProfiles {
    public static final List<String> NAMES = List.of("hmc-rs", "paper");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private HardwareProfiles() {
    }

    /** The profile's values as a JSON object, without its sources. */
    static ObjectNode values(String name) {
        ObjectNode node = file(name);
        node.remove("sources");
        return node;
    }

    /** Each value's source, or "ASSUMPTION: ..." (for documentation and reports). */
    public static Map<String, String> sources(String name) {
        Map<String, String> out = new TreeMap<>();
        file(name).path("sources").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static ObjectNode file(String name) {
        try (InputStream in = HardwareProfiles.class.getResourceAsStream("/profiles/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled profile " + name);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("bundled profile " + name + " is unreadable", e);
        }
    }

    public static HardwareProfile named(String name) {
        return resolve(name, null, "built-in", "hardware");
    }

    /**
     * A profile by name with overrides (field -> value); every unknown field or bad value is
     * reported with its path.
     */
    public static HardwareProfile resolve(String name, JsonNode overrides, String source, String path) {
        if (name == null || !NAMES.contains(name)) {
            throw new InputException(source, overrides == null ? path : field(path, "profile"),
                    "unknown hardware profile '" + name + "': expected one of " + String.join(", ", NAMES));
        }
        ObjectNode values = values(name);
        List<InputException.Problem> problems = new ArrayList<>();
        if (overrides != null) {
            Iterator<Map.Entry<String, JsonNode>> it = overrides.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("profile")) {
                    continue;
                }
                if (e.getKey().equals("name") || !values.has(e.getKey())) {
                    problems.add(new InputException.Problem(source, field(path, e.getKey()), "unknown hardware field '"
                            + e.getKey() + "'; known fields: " + knownFields(values)));
                    continue;
                }
                JsonNode old = values.get(e.getKey());
                JsonNode v = e.getValue();
                boolean ok = old.isNumber() ? v.isNumber() : old.isArray() ? v.isArray() : v.isTextual();
                if (!ok) {
                    problems.add(new InputException.Problem(source, field(path, e.getKey()), "wrong type: expected "
                            + (old.isNumber() ? "a number" : old.isArray() ? "a list of numbers" : "a string")));
                    continue;
                }
                values.set(e.getKey(), v);
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        HardwareProfile p;
        try {
            p = MAPPER.treeToValue(values, HardwareProfile.class);
        } catch (IOException e) {
            throw new InputException(source, path, "invalid hardware values: " + e.getMessage().split("\n")[0]);
        }
        for (String[] pr : p.problems()) {
            problems.add(new InputException.Problem(source, field(path, pr[0]), pr[1]));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return p;
    }

    /** "hardware.linkBandwidthGBps", or "linkBandwidthGBps" at the top of a hardware file. */
    private static String field(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String knownFields(ObjectNode values) {
        List<String> names = new ArrayList<>();
        values.fieldNames().forEachRemaining(n -> {
            if (!n.equals("name")) {
                names.add(n);
            }
        });
        return String.join(", ", names);
    }
}
