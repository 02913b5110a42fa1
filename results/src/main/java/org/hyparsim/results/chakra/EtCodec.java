package org.hyparsim.results.chakra;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.hyparsim.core.InputException;
import org.hyparsim.results.chakra.EtSchema.AttrField;
import org.hyparsim.results.chakra.EtSchema.NodeType;

/**
 * Chakra ET files in the protobuf wire format of et_def.proto, encoded and decoded by hand with
 * protobuf-java's coded streams: a length-delimited GlobalMetadata, then length-delimited Nodes.
 * Written as proto3 does (fields at their default left out, repeated integers packed); read
 * leniently (packed or not, any integer width, unknown fields skipped, plain or gzip).
 */
public final class EtCodec {
    private EtCodec() {
    }

    /** A file's contents: the metadata's version and the nodes in file order. */
    public record EtFile(String version, List<EtNode> nodes) {
    }

    /** GlobalMetadata{version}, with its length prefix. */
    public static byte[] metadata(String version) {
        return delimited(out -> out.writeString(EtSchema.METADATA_VERSION, version));
    }

    /** One Node, with its length prefix. */
    public static byte[] node(EtNode n) {
        return delimited(out -> writeNode(out, n));
    }

    /** Writes a whole file: the metadata then every node. */
    public static void write(OutputStream out, List<EtNode> nodes) throws IOException {
        out.write(metadata(EtSchema.VERSION));
        for (EtNode n : nodes) {
            out.write(node(n));
        }
    }

    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            body.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] delimited(Body body) {
        byte[] m = message(body);
        return message(out -> {
            out.writeUInt32NoTag(m.length);
            out.writeRawBytes(m);
        });
    }

    private static void writeNode(CodedOutputStream out, EtNode n) throws IOException {
        if (n.id() != 0) {
            out.writeUInt64(EtSchema.NODE_ID, n.id());
        }
        if (!n.name().isEmpty()) {
            out.writeString(EtSchema.NODE_NAME, n.name());
        }
        if (n.type().number() != 0) {
            out.writeEnum(EtSchema.NODE_TYPE, n.type().number());
        }
        packed(out, EtSchema.NODE_CTRL_DEPS, n.ctrlDeps());
        packed(out, EtSchema.NODE_DATA_DEPS, n.dataDeps());
        if (n.startTimeMicros() != 0) {
            out.writeUInt64(EtSchema.NODE_START_TIME_MICROS, n.startTimeMicros());
        }
        if (n.durationMicros() != 0) {
            out.writeUInt64(EtSchema.NODE_DURATION_MICROS, n.durationMicros());
        }
        for (EtAttr a : n.attrs()) {
            out.writeByteArray(EtSchema.NODE_ATTR, message(o -> writeAttr(o, a)));
        }
    }

    private static void packed(CodedOutputStream out, int field, List<Long> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        int size = 0;
        for (long v : values) {
            size += CodedOutputStream.computeUInt64SizeNoTag(v);
        }
        out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(size);
        for (long v : values) {
            out.writeUInt64NoTag(v);
        }
    }

    private static void writeAttr(CodedOutputStream out, EtAttr a) throws IOException {
        out.writeString(EtSchema.ATTR_NAME, a.name());
        int f = a.field().number();
        switch (a.field()) {
            case INT64_VAL -> out.writeInt64(f, a.integer());
            case INT32_VAL -> out.writeInt32(f, (int) a.integer());
            case UINT64_VAL -> out.writeUInt64(f, a.integer());
            case BOOL_VAL -> out.writeBool(f, a.flag());
            case STRING_VAL -> out.writeString(f, a.text());
            case DOUBLE_VAL -> out.writeDouble(f, a.real());
            default -> throw new IllegalArgumentException("not written: " + a.field());
        }
    }

    /** Reads a file, plain or gzip; a broken file is refused naming it. */
    public static EtFile read(Path file) {
        String source = file.toString();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            return read(gzip ? new GZIPInputStream(raw) : raw, source);
        } catch (NoSuchFileException e) {
            throw new InputException(source, "", "no such file");
        } catch (InvalidProtocolBufferException e) {
            throw new InputException(source, "", "not a Chakra ET file, or a truncated one (its protobuf data ends "
                    + "inside a message or holds a malformed one)");
        } catch (IOException e) {
            throw new InputException(source, "", "not a Chakra ET file, or a truncated one: " + e.getMessage());
        }
    }

    static EtFile read(InputStream stream, String source) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(stream);
        in.setSizeLimit(Integer.MAX_VALUE);
        if (in.isAtEnd()) {
            throw new InputException(source, "", "empty: a Chakra ET file starts with its GlobalMetadata");
        }
        String version = "";
        int limit = in.pushLimit(in.readRawVarint32());
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == EtSchema.METADATA_VERSION) {
                version = in.readString();
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(limit);
        List<EtNode> nodes = new ArrayList<>();
        while (!in.isAtEnd()) {
            int l = in.pushLimit(in.readRawVarint32());
            nodes.add(readNode(in));
            if (!in.isAtEnd()) {
                throw new IOException("a node ends before its length");
            }
            in.popLimit(l);
        }
        return new EtFile(version, nodes);
    }

    private static EtNode readNode(CodedInputStream in) throws IOException {
        long id = 0;
        String name = "";
        long type = 0;
        List<Long> ctrl = new ArrayList<>();
        List<Long> data = new ArrayList<>();
        long start = 0;
        long duration = 0;
        List<EtAttr> attrs = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case EtSchema.NODE_ID -> id = in.readUInt64();
                case EtSchema.NODE_NAME -> name = in.readString();
                case EtSchema.NODE_TYPE -> type = in.readEnum();
                case EtSchema.NODE_CTRL_DEPS -> repeated(in, tag, ctrl);
                case EtSchema.NODE_DATA_DEPS -> repeated(in, tag, data);
                case EtSchema.NODE_START_TIME_MICROS -> start = in.readUInt64();
                case EtSchema.NODE_DURATION_MICROS -> duration = in.readUInt64();
                case EtSchema.NODE_ATTR -> attrs.add(readAttr(CodedInputStream.newInstance(in.readByteArray())));
                default -> in.skipField(tag);
            }
        }
        final long t = type;
        NodeType nodeType = NodeType.of(type).orElseThrow(() -> new IOException("unknown node type " + t));
        return new EtNode(id, name, nodeType, ctrl, data, start, duration, attrs);
    }

    private static void repeated(CodedInputStream in, int tag, List<Long> out) throws IOException {
        if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int limit = in.pushLimit(in.readRawVarint32());
            while (in.getBytesUntilLimit() > 0) {
                out.add(in.readUInt64());
            }
            in.popLimit(limit);
        } else {
            out.add(in.readUInt64());
        }
    }

    private static EtAttr readAttr(CodedInputStream in) throws IOException {
        String name = "";
        EtAttr value = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int f = WireFormat.getTagFieldNumber(tag);
            if (f == EtSchema.ATTR_NAME) {
                name = in.readString();
                continue;
            }
            AttrField field = AttrField.of(f).orElse(null);
            if (field == null) {
                in.skipField(tag); // doc_string and the list members
                continue;
            }
            value = switch (field) {
                case DOUBLE_VAL -> new EtAttr("", field, 0, in.readDouble(), false, null);
                case FLOAT_VAL -> new EtAttr("", field, 0, in.readFloat(), false, null);
                case BOOL_VAL -> new EtAttr("", field, 0, 0, in.readBool(), null);
                case STRING_VAL -> new EtAttr("", field, 0, 0, false, in.readString());
                case BYTES_VAL -> new EtAttr("", field, 0, 0, false, in.readBytes().toStringUtf8());
                default -> new EtAttr("", field, readInteger(in, field), 0, false, null);
            };
        }
        return value == null ? new EtAttr(name, null, 0, 0, false, null)
                : new EtAttr(name, value.field(), value.integer(), value.real(), value.flag(), value.text());
    }

    private static long readInteger(CodedInputStream in, AttrField field) throws IOException {
        return switch (field) {
            case INT32_VAL -> in.readInt32();
            case INT64_VAL -> in.readInt64();
            case UINT32_VAL -> in.readUInt32() & 0xffffffffL;
            case UINT64_VAL -> in.readUInt64();
            case SINT32_VAL -> in.readSInt32();
            case SINT64_VAL -> in.readSInt64();
            case FIXED32_VAL -> in.readFixed32() & 0xffffffffL;
            case FIXED64_VAL -> in.readFixed64();
            case SFIXED32_VAL -> in.readSFixed32();
            case SFIXED64_VAL -> in.readSFixed64();
            default -> throw new IllegalArgumentException("not an integer: " + field);
        };
    }
}
