package org.hyparsim.input.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Initializers and constants: their dims always, their values only for small integer tensors (shape data). */
final class OnnxTensors {
    /** Integer constants up to this many elements are read (Reshape targets, axes, split sizes). */
    static final int MAX_SHAPE_DATA = 64;

    private OnnxTensors() {
    }

    static OnnxValue constant(String name, TensorProto t) {
        long[] dims = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
        return OnnxValue.constant(name, dims, ints(t, dims));
    }

    private static long[] ints(TensorProto t, long[] dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        boolean int64 = t.getDataType() == TensorProto.DataType.INT64_VALUE;
        boolean int32 = t.getDataType() == TensorProto.DataType.INT32_VALUE;
        if (!(int64 || int32) || n > MAX_SHAPE_DATA
                || t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            return null;
        }
        if (t.hasRawData()) {
            ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            long[] out = new long[(int) n];
            for (int i = 0; i < n && raw.remaining() >= (int64 ? 8 : 4); i++) {
                out[i] = int64 ? raw.getLong() : raw.getInt();
            }
            return out;
        }
        return int64 ? t.getInt64DataList().stream().mapToLong(Long::longValue).toArray()
                : t.getInt32DataList().stream().mapToLong(Integer::longValue).toArray();
    }
}
