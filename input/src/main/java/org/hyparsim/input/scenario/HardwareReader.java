package org.hyparsim.input.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyparsim.accel.AcceleratorEnergy;
import org.hyparsim.accel.AcceleratorProfile;
import org.hyparsim.accel.ComputeModelKind;
import org.hyparsim.accel.MemorySystem;
import org.hyparsim.accel.PeArray;
import org.hyparsim.core.Checks;
import org.hyparsim.core.InputException;
import org.hyparsim.core.Named;
import org.hyparsim.core.Ranges;
import org.hyparsim.noc.Arbitration;
import org.hyparsim.noc.LinkProfile;

/**
 * Reads hardware: a bundled profile (hmc-rs, paper) by name, with overrides of its values, into
 * the accelerator and link profiles. Every unknown field or bad value is reported with its path.
 */
public final class HardwareReader {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .registerModule(new SimpleModule("arbitration").addDeserializer(Arbitration.class,
                    new JsonDeserializer<Arbitration>() {
                        @Override
                        public Arbitration deserialize(JsonParser p, DeserializationContext c) throws IOException {
                            String name = p.getValueAsString();
                            return Arbitration.fromName(name).orElseThrow(() -> new IOException(
                                    Named.notOneOf(Arbitration.class, name)));
                        }
                    }));

    private HardwareReader() {
    }

    /**
     * The profile's values as a JSON object, without its sources; the packet model's arbitration,
     * which no bundled profile states, at {@link Arbitration#DEFAULT} unless the profile names one.
     */
    static ObjectNode values(BuiltInProfile profile) {
        ObjectNode node = file(profile);
        node.remove("sources");
        if (!node.has("arbitration")) {
            node.put("arbitration", Arbitration.DEFAULT.label());
        }
        return node;
    }

    /** Each value's source, or "ASSUMPTION: ..." (for documentation and reports). */
    public static Map<String, String> sources(BuiltInProfile profile) {
        Map<String, String> out = new TreeMap<>();
        file(profile).path("sources").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static ObjectNode file(BuiltInProfile profile) {
        try (InputStream in = HardwareReader.class.getResourceAsStream("/profiles/" + profile.label() + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no bundled profile " + profile.label());
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("bundled profile " + profile.label() + " is unreadable", e);
        }
    }

    /** A bundled profile as it is. */
    public static Hardware builtIn(BuiltInProfile profile) {
        return resolve(profile.label(), null, "built-in", "hardware");
    }

    /**
     * A profile by name with overrides (field -> value, the key "profile" aside); every unknown
     * field or bad value is reported with its path.
     */
    public static Hardware resolve(String name, JsonNode overrides, String source, String path) {
        BuiltInProfile profile = BuiltInProfile.fromName(name).orElseThrow(() -> new InputException(source,
                overrides == null ? path : field(path, "profile"), "unknown hardware profile '" + name
                        + "': expected one of " + String.join(", ", BuiltInProfile.names())));
        ObjectNode values = values(profile);
        List<Hardware.Override> given = new ArrayList<>();
        if (overrides != null) {
            override(values, overrides, given, source, path);
        }
        ComputeModelKind compute = Named.require(ComputeModelKind.class, values.path("computeModel").asText(), source,
                field(path, "computeModel"));
        AcceleratorProfile accelerator;
        LinkProfile links;
        Hardware.MemoryCapacity capacity;
        try {
            accelerator = new AcceleratorProfile(values.path("name").asText(), compute, part(values, PeArray.class),
                    part(values, MemorySystem.class), part(values, AcceleratorEnergy.class));
            links = part(values, LinkProfile.class);
            capacity = part(values, Hardware.MemoryCapacity.class);
        } catch (IOException e) {
            throw new InputException(source, path, "invalid hardware values: " + e.getMessage().split("\n")[0]);
        }
        List<Checks.Problem> bad = new ArrayList<>(accelerator.problems());
        bad.addAll(links.problems());
        bad.addAll(capacity.problems());
        List<InputException.Problem> problems = new ArrayList<>();
        for (Checks.Problem pr : bad) {
            problems.add(new InputException.Problem(source, field(path, pr.field()), pr.reason()));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new Hardware(profile, given, accelerator, links, capacity);
    }

    /**
     * Sets each override (the key "profile" aside) into the profile's values and records it in
     * {@code given}; every unknown field or bad value is reported at once.
     */
    private static void override(ObjectNode values, JsonNode overrides, List<Hardware.Override> given, String source,
            String path) {
        List<InputException.Problem> problems = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = overrides.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("profile")) {
                continue;
            }
            given.add(new Hardware.Override(e.getKey(), e.getValue().toString()));
            if (e.getKey().equals("name") || !values.has(e.getKey())) {
                problems.add(new InputException.Problem(source, field(path, e.getKey()), "unknown hardware field '"
                        + e.getKey() + "'; known fields: " + knownFields(values)));
                continue;
            }
            String problem = overrideProblem(values, e.getKey(), e.getValue());
            if (problem != null) {
                problems.add(new InputException.Problem(source, field(path, e.getKey()), problem));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
    }

    /** Sets one known field to its new value, or says why the value does not fit (and sets nothing). */
    private static String overrideProblem(ObjectNode values, String key, JsonNode given) {
        JsonNode old = values.get(key);
        JsonNode v = given;
        boolean whole = Ranges.table().containsKey(key) && Ranges.of(key).whole();
        if (whole && v.isNumber() && v.asDouble() != Math.rint(v.asDouble())) {
            return "must be a whole number, got " + v;
        }
        if (whole && v.isNumber() && !v.isIntegralNumber() && Math.abs(v.asDouble()) < 1e15) {
            v = LongNode.valueOf((long) v.asDouble());
        }
        boolean ok = old.isNumber() ? v.isNumber() : old.isArray() ? v.isArray() : old.isBoolean() ? v.isBoolean()
                : v.isTextual();
        if (!ok) {
            return "wrong type: expected " + (old.isNumber() ? "a number" : old.isArray() ? "a list of numbers"
                    : old.isBoolean() ? "true or false" : "a string");
        }
        String range = rangeProblem(key, v);
        if (range != null) {
            return range;
        }
        if (key.equals("arbitration") && Arbitration.fromName(v.asText()).isEmpty()) {
            return Named.notOneOf(Arbitration.class, v.asText());
        }
        values.set(key, v);
        return null;
    }

    /**
     * Why a given value is outside its field's range in {@link Ranges}, or null: every override is
     * checked, whether or not the profile's compute model uses the field.
     */
    private static String rangeProblem(String key, JsonNode v) {
        if (!Ranges.table().containsKey(key)) {
            return null;
        }
        Ranges.Range r = Ranges.of(key);
        if (v.isNumber()) {
            return r.contains(v.asDouble()) ? null : "must be " + r.describe() + ", got " + v.asDouble();
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isNumber()) {
                return "[" + i + "]: wrong type: expected a number";
            }
            if (!r.contains(e.asDouble())) {
                return "[" + i + "]: must be " + r.describe() + ", got " + e.asDouble();
            }
        }
        return null;
    }

    /** The record of the values named like its components. */
    private static <R extends Record> R part(ObjectNode values, Class<R> type) throws IOException {
        ObjectNode node = MAPPER.createObjectNode();
        for (RecordComponent c : type.getRecordComponents()) {
            if (values.has(c.getName())) {
                node.set(c.getName(), values.get(c.getName()));
            }
        }
        return MAPPER.treeToValue(node, type);
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
