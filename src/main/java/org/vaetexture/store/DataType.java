package org.vaetexture.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The element types of stored arrays, with their conversion to and from floats: reading widens
 * (uint32 and float64 lose precision beyond float's 24 bits), writing rounds and clamps integers to
 * the type's range and stores NaN as 0.
 */
public enum DataType {

	UINT8(1, 'u', 0, 0xFF), INT8(1, 'i', Byte.MIN_VALUE, Byte.MAX_VALUE), UINT16(2, 'u', 0, 0xFFFF),
	INT16(2, 'i', Short.MIN_VALUE, Short.MAX_VALUE), UINT32(4, 'u', 0, 0xFFFF_FFFFL), INT32(4, 'i',
		Integer.MIN_VALUE, Integer.MAX_VALUE), FLOAT32(4, 'f', 0, 0), FLOAT64(8, 'f', 0, 0);

	/** The names of the types, for messages. */
	static final String NAMES = "uint8, int8, uint16, int16, uint32, int32, float32 or float64";

	private final int bytes;
	private final char kind;
	private final long min;
	private final long max;

	DataType(final int bytes, final char kind, final long min, final long max) {
		this.bytes = bytes;
		this.kind = kind;
		this.min = min;
		this.max = max;
	}

	/** Whether a float holds every value of the type exactly (8- and 16-bit integers, float32). */
	public boolean exactInFloat() {
		return bytes <= 2 || this == FLOAT32;
	}

	/** Bytes per element. */
	public int bytes() {
		return bytes;
	}

	/** The type of a numpy type code's kind ('u', 'i', 'f') and size, or null if there is none. */
	static DataType of(final char kind, final int bytes) {
		for (final DataType t : values())
			if (t.kind == kind && t.bytes == bytes) return t;
		return null;
	}

	/** The Zarr v2 dtype, little-endian: "|u1", "<i2", "<f4"... */
	String zarrDtype() {
		return (bytes == 1 ? "|" : "<") + kind + bytes;
	}

	/** Elements of {@code data} in the given byte order, as floats. */
	float[] toFloats(final byte[] data, final ByteOrder order) {
		final ByteBuffer b = ByteBuffer.wrap(data).order(order);
		final float[] out = new float[data.length / bytes];
		switch (this) {
			case UINT8:
				for (int i = 0; i < out.length; i++) out[i] = data[i] & 0xFF;
				break;
			case INT8:
				for (int i = 0; i < out.length; i++) out[i] = data[i];
				break;
			case UINT16:
				for (int i = 0; i < out.length; i++) out[i] = b.getShort(2 * i) & 0xFFFF;
				break;
			case INT16:
				for (int i = 0; i < out.length; i++) out[i] = b.getShort(2 * i);
				break;
			case UINT32:
				for (int i = 0; i < out.length; i++) out[i] = b.getInt(4 * i) & 0xFFFF_FFFFL;
				break;
			case INT32:
				for (int i = 0; i < out.length; i++) out[i] = b.getInt(4 * i);
				break;
			case FLOAT32:
				b.asFloatBuffer().get(out);
				break;
			default:
				for (int i = 0; i < out.length; i++) out[i] = (float) b.getDouble(8 * i);
		}
		return out;
	}

	/** {@code values} as elements of this type in the given byte order. */
	byte[] toBytes(final float[] values, final ByteOrder order) {
		final ByteBuffer b = ByteBuffer.allocate(values.length * bytes).order(order);
		for (final float v : values) {
			switch (this) {
				case FLOAT32: b.putFloat(v); break;
				case FLOAT64: b.putDouble(v); break;
				default:
					final long n = Float.isNaN(v) ? 0 : Math.max(min, Math.min(max, Math.round(
						(double) v)));
					if (bytes == 1) b.put((byte) n);
					else if (bytes == 2) b.putShort((short) n);
					else b.putInt((int) n);
			}
		}
		return b.array();
	}
}
