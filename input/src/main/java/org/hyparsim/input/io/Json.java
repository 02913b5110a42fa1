package org.hyparsim.input.io;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.reader.UnicodeReader;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hyparsim.core.InputException;
import org.hyparsim.core.Limits;

/**
 * The one place that reads JSON and YAML input files: strict mappers (unknown fields, null
 * primitives and trailing content fail) and the translation of Jackson's errors into an
 * {@link InputException} naming the file, the field path and the reason.
 */
public final class Json {
    private static final ObjectMapper JSON = configure(new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(constraints()).build()));
    private static final ObjectMapper YAML = configure(new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions()).streamReadConstraints(constraints()).build()));

    private Json() {
    }

    /** Bounds on what one input may make the parser do: nesting depth, string and number sizes. */
    private static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth((int) Math.min(10_000, Limits.maxNestingDepth()))
                .maxNumberLength(100)
                .build();
    }

    /** SnakeYAML's own bounds: aliases expanded (billion laughs), nesting depth, size; no duplicate keys. */
    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections((int) Math.min(10_000, Limits.maxYamlAliases()));
        o.setNestingDepthLimit((int) Math.min(10_000, Limits.maxNestingDepth()));
        o.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Limits.maxFileBytes()));
        o.setAllowDuplicateKeys(false);
        return o;
    }

    /**
     * Null ({@code null}, {@code ~} or a key with no value) is refused everywhere, the same way:
     * a field is given a value or left out (and then takes its default).
     */
    private static ObjectMapper configure(ObjectMapper m) {
        return m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /** YAML for .yaml/.yml, JSON otherwise (JSON is also valid YAML, but JSON errors read better). */
    public static boolean isYaml(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** Reads a file into a record, or fails with one clear message naming the file and the field. */
    public static <T> T read(Path file, Class<T> type) {
        String source = file.toString();
        checkSize(file);
        try (InputStream in = Files.newInputStream(file)) {
            ObjectMapper mapper = isYaml(file) ? YAML : JSON;
            byte[] text = isYaml(file) ? YamlText.resolve(yamlText(in, source), source, loaderOptions())
                    .getBytes(StandardCharsets.UTF_8) : in.readAllBytes();
            JsonNode tree;
            try {
                tree = mapper.readTree(text);
            } catch (JsonProcessingException e) {
                mapper.readValue(text, type); // its error names the field as well as the line
                throw e;
            }
            if (tree == null || tree.isMissingNode()) {
                throw new InputException(source, "", "empty file");
            }
            refuseNulls(tree, source);
            // from the text, not the tree: a string field keeps the text as written (off, 1.10, 0x10)
            return type == JsonNode.class ? type.cast(tree) : mapper.readValue(text, type);
        } catch (NoSuchFileException e) {
            throw new InputException(source, "", "no such file");
        } catch (JsonProcessingException e) {
            throw translate(source, e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read: " + e.getMessage());
        }
    }

    /**
     * Null ({@code null}, {@code ~} or a key with nothing after the colon) is refused everywhere,
     * the same way: a field is given a value or left out (and then takes its default).
     */
    private static void refuseNulls(JsonNode tree, String source) {
        List<InputException.Problem> problems = new ArrayList<>();
        nulls(tree, "", source, problems);
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
    }

    private static void nulls(JsonNode node, String path, String source, List<InputException.Problem> out) {
        if (node.isNull()) {
            out.add(new InputException.Problem(source, path, "no value (null, ~ or nothing after the colon): give a "
                    + "value, or leave the key out for its default"));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> nulls(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                    source, out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                nulls(node.get(i), path + "[" + i + "]", source, out);
            }
        }
    }

    private static String yamlText(InputStream in, String source) throws IOException {
        try (Reader r = new UnicodeReader(in)) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        } catch (CharacterCodingException e) {
            throw new InputException(source, "", "not UTF-8 (or UTF-16) text");
        }
    }

    /**
     * The one reading policy for input files, checked before a byte is read: only a regular file
     * (no directory, device, FIFO or socket), no larger than the input limit. Every file that
     * passes is recorded for the fingerprint of what a run read ({@link InputFiles}).
     */
    public static void checkSize(Path file) {
        String source = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(source, "", "is a directory, not a file");
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new InputException(source, "", "not a regular file (a device, FIFO or socket): input is read "
                        + "only from regular files");
            }
            long size = Files.size(file);
            if (size > Limits.maxFileBytes()) {
                throw new InputException(source, "", size + " bytes: larger than the input limit of " + Limits.maxFileBytes()
                        + " bytes (system property " + Limits.property("maxFileBytes") + ")");
            }
            InputFiles.record(file);
        } catch (NoSuchFileException e) {
            throw new InputException(source, "", "no such file");
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read: " + e.getMessage());
        }
    }

    /** Reads a file into a JSON tree (YAML for .yaml/.yml). */
    public static JsonNode readTree(Path file) {
        return read(file, JsonNode.class);
    }

    /**
     * Converts part of an input file (already read as a tree) into a record; errors name the
     * file and the path of that part ({@code prefix}) within it.
     */
    public static <T> T convert(JsonNode node, Class<T> type, String source, String prefix) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            InputException x = translate(source, e);
            return Json.<T>rethrowWithPrefix(x, prefix);
        } catch (IllegalArgumentException e) {
            throw new InputException(source, prefix, "cannot read: " + ourWords(e.getMessage()));
        }
    }

    private static <T> T rethrowWithPrefix(InputException x, String prefix) {
        throw new InputException(x.problems().stream().map(p -> new InputException.Problem(p.source(),
                p.path().isEmpty() ? prefix : prefix + (p.path().startsWith("[") ? "" : ".") + p.path(), p.reason()))
                .toList());
    }

    /** Reads a resource bundled with the program. */
    public static <T> T readResource(String resource, Class<T> type) {
        try (InputStream in = Json.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + resource);
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("bundled resource " + resource + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** Jackson's error as one readable problem. */
    public static InputException translate(String source, JsonProcessingException e) {
        String path = "";
        if (e instanceof JsonMappingException jm) {
            path = path(jm);
        }
        String reason;
        if (e instanceof UnrecognizedPropertyException u) {
            Collection<Object> known = u.getKnownPropertyIds();
            reason = "unknown field '" + u.getPropertyName() + "'"
                    + (known == null || known.isEmpty() ? "" : "; known fields: "
                    + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        } else if (e instanceof InvalidFormatException f) {
            reason = "cannot read " + quote(f.getValue()) + " as " + typeName(f.getTargetType());
        } else if (e instanceof MismatchedInputException m) {
            reason = "wrong type: expected " + typeName(m.getTargetType());
        } else {
            // a syntax error: say where in the text it is
            String m = ourWords(firstLine(e.getOriginalMessage()));
            reason = m.isEmpty() ? "malformed input" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
            JsonLocation loc = e.getLocation();
            if (loc != null && loc.getLineNr() > 0) {
                String at = "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
                path = path.isEmpty() ? at : path + " (" + at + ")";
            }
        }
        return new InputException(source, path, reason);
    }

    /** "layers[2].in_ch" from Jackson's reference chain. */
    public static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String quote(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    static String typeName(Class<?> t) {
        if (t == null) {
            return "another type";
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "an integer";
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return "a number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "a list";
        }
        if (t.isEnum()) {
            return "one of " + Arrays.stream(t.getEnumConstants()).map(Object::toString)
                    .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
        return "an object";
    }

    /**
     * A parser's message in our words: its limits named by our system properties, and no class
     * names, code references or "reference chain" of the library underneath.
     */
    public static String ourWords(String message) {
        if (message == null) {
            return "malformed input";
        }
        String m = message;
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("nesting depth")) {
            return "nested more than " + Limits.maxNestingDepth() + " deep " + Limits.note(Limits.Limit.MAX_NESTING_DEPTH);
        }
        if (lower.contains("number value length") || lower.contains("number length")) {
            return "a number of more than 100 digits";
        }
        if (lower.contains("string value length") || lower.contains("code point limit")) {
            return "a value longer than the input limit " + Limits.note(Limits.Limit.MAX_FILE_BYTES);
        }
        m = m.replaceAll("\\s*\\(through reference chain[^)]*\\)", "");
        m = m.replaceAll("\\s*\\(from `[^`]*`\\)", "");
        m = m.replaceAll("`[^`]*`", "a value");
        m = m.replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)", "value");
        m = m.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "");
        m = m.replaceAll("\\s*(at )?\\[Source:.*$", "");
        m = m.replaceFirst("^Unexpected end-of-input", "the text ends too early");
        m = m.replace("close marker for Object", "the closing }").replace("close marker for Array", "the closing ]");
        return m.trim().isEmpty() ? "malformed input" : m.trim();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed input";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
