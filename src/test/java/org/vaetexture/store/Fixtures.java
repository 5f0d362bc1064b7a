package org.vaetexture.store;

import java.nio.file.Path;
import java.nio.file.Paths;

/** The fixtures of src/test/resources/store and the formula their values follow. */
final class Fixtures {

	static final Path DIR = Paths.get("src", "test", "resources", "store");

	private Fixtures() {}

	/** make_fixtures.py's value at (z, y, x) for a numpy type code such as "u2". */
	static float value(final String dtype, final long z, final long y, final long x) {
		final long v = (3 * x + 5 * y + 7 * z) % 251;
		switch (dtype) {
			case "u1": return v;
			case "i1": return v - 125;
			case "u2": return v * 257;
			case "i2": return (v - 125) * 257;
			case "u4": return v * 16777;
			case "i4": return (v - 125) * 65537;
			case "f4": return v / 4f - 30;
			case "f8": return v / 8f + 0.5f;
			default: throw new IllegalArgumentException(dtype);
		}
	}

	/** The formula over a box of a 2D (y, x) or 3D (z, y, x) array, in C order. */
	static float[] values(final String dtype, final long[] offset, final int[] size) {
		final boolean is3d = offset.length == 3;
		final int nz = is3d ? size[0] : 1;
		final int ny = size[size.length - 2];
		final int nx = size[size.length - 1];
		final float[] out = new float[nz * ny * nx];
		int i = 0;
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++)
					out[i++] = value(dtype, is3d ? offset[0] + z : 0, offset[offset.length - 2] + y,
						offset[offset.length - 1] + x);
		return out;
	}
}
