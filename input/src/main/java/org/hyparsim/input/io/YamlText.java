package org.hyparsim.input.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.InputException;
import org.hyparsim.core.Limits;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * YAML read with YAML's own semantics before the mapper sees it: an alias stands for its
 * anchor's node (the mapper underneath would read it as the anchor's name), expanded here
 * within {@link Limits#maxYamlAliases()} aliases and {@link Limits#maxYamlNodes()} nodes; an
 * explicit tag ({@code !!int "4"}, {@code !foo}) is refused, as the README says; a key with
 * nothing after it is null, as {@code ~} is. A text with none of these is passed on unchanged, so that its syntax errors keep their lines and columns.
 */
final class YamlText {
    private final String source;
    private final List<Event> out = new ArrayList<>();
    private final Map<String, List<Event>> anchors = new HashMap<>();
    private final Deque<Object[]> open = new ArrayDeque<>();
    private int aliases;

    private YamlText(String source) {
        this.source = source;
    }

    /** The text to hand to the mapper: {@code text} itself, or its aliases expanded. */
    static String resolve(String text, String source, LoaderOptions options) {
        List<Event> events = new ArrayList<>();
        try {
            for (Event e : new Yaml(options).parse(new StringReader(text))) {
                events.add(e);
            }
        } catch (YAMLException e) {
            return text; // a syntax error: the mapper reports it with its line and column
        }
        boolean rewrite = false;
        for (Event e : events) {
            refuseTag(e, source);
            rewrite |= e instanceof AliasEvent || isEmptyPlain(e);
        }
        if (!rewrite) {
            return text;
        }
        YamlText x = new YamlText(source);
        for (Event e : events) {
            x.add(e);
        }
        return x.emit();
    }

    /** A key or item with nothing after it: YAML's null, which the mapper underneath would read as "". */
    private static boolean isEmptyPlain(Event e) {
        return e instanceof ScalarEvent s && s.getValue().isEmpty() && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
    }

    private static void refuseTag(Event e, String source) {
        String tag = e instanceof ScalarEvent s ? s.getTag() : e instanceof CollectionStartEvent c ? c.getTag() : null;
        if (tag != null) {
            throw new InputException(source, at(e.getStartMark()), "a YAML tag (" + shortTag(tag) + ") is not read: "
                    + "write the value itself (tags are refused, see the README)");
        }
    }

    private static String shortTag(String tag) {
        return tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : tag;
    }

    private static String at(Mark m) {
        return m == null ? "" : "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
    }

    private void add(Event e) {
        if (e instanceof AliasEvent a) {
            List<Event> target = anchors.get(a.getAnchor());
            if (target == null) {
                throw new InputException(source, at(e.getStartMark()), "alias *" + a.getAnchor()
                        + " names no anchor (&" + a.getAnchor() + ") before it");
            }
            if (++aliases > Limits.maxYamlAliases()) {
                throw new InputException(source, at(e.getStartMark()), "more than " + Limits.maxYamlAliases()
                        + " YAML aliases " + Limits.note(Limits.Limit.MAX_YAML_ALIASES));
            }
            append(target, e);
        } else if (e instanceof ScalarEvent s) {
            ScalarEvent plain = new ScalarEvent(null, null, s.getImplicit(), isEmptyPlain(s) ? "~" : s.getValue(), s.getStartMark(),
                    s.getEndMark(), s.getScalarStyle());
            if (s.getAnchor() != null) {
                anchors.put(s.getAnchor(), List.of(plain));
            }
            append(List.of(plain), e);
        } else if (e instanceof CollectionStartEvent c) {
            open.push(new Object[] {c.getAnchor(), out.size()});
            append(List.of(withoutAnchor(c)), e);
        } else if (e instanceof CollectionEndEvent) {
            Object[] top = open.pop();
            append(List.of(e), e);
            if (top[0] != null) {
                anchors.put((String) top[0], List.copyOf(out.subList((Integer) top[1], out.size())));
            }
        } else {
            out.add(e);
        }
    }

    private void append(List<Event> events, Event at) {
        if (out.size() + events.size() > Limits.maxYamlNodes() * 2L) {
            throw new InputException(source, at(at.getStartMark()), "the YAML expands to more than "
                    + Limits.maxYamlNodes() + " values once its aliases are replaced "
                    + Limits.note(Limits.Limit.MAX_YAML_NODES));
        }
        out.addAll(events);
    }

    private static Event withoutAnchor(CollectionStartEvent c) {
        if (c instanceof MappingStartEvent m) {
            return new MappingStartEvent(null, null, true, m.getStartMark(), m.getEndMark(), m.getFlowStyle());
        }
        SequenceStartEvent s = (SequenceStartEvent) c;
        return new SequenceStartEvent(null, null, true, s.getStartMark(), s.getEndMark(), s.getFlowStyle());
    }

    private String emit() {
        StringWriter w = new StringWriter();
        DumperOptions d = new DumperOptions();
        d.setWidth(Integer.MAX_VALUE);
        d.setSplitLines(false);
        Emitter emitter = new Emitter(w, d);
        try {
            for (Event e : out) {
                emitter.emit(e);
            }
        } catch (IOException | YAMLException e) {
            throw new InputException(source, "", "cannot expand the YAML aliases: " + e.getMessage());
        }
        return w.toString();
    }
}
