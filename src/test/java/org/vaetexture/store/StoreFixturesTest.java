package org.vaetexture.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaetexture.ErrorAssertions.assertMessage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads the arrays that zarr-python (numcodecs) wrote, see make_fixtures.py: whole, across chunk
 * borders, and a box inside one chunk; edge chunks, every codec and shuffle, big-endian values,
 * nested chunk keys, missing chunks, OME-Zarr and N5.
 */
class StoreFixturesTest {

	@ParameterizedTest
	@ValueSource(strings = { "u1_blosc_lz4", "u2_blosc_zstd", "f4_blosc_lz4", "f8_blosc_zlib_blocks",
		"u2_blosc_bitshuffle", "i1_blosc_noshuffle", "f4_zlib_3d", "i2_gzip", "u4_raw", "u2_big_endian",
		"i4_nested" })
	void zarrArraysReadAsWritten(final String name) {
		final ChunkedArray a = ZarrArray.open(Fixtures.DIR.resolve(name + ".zarr"));
		assertBoxes(a, name.substring(0, 2));
	}

	@ParameterizedTest
	@ValueSource(strings = { "f4_gzip", "u2_raw" })
	void n5DatasetsReadAsWritten(final String name) {
		final N5Array a = N5Array.open(Fixtures.DIR.resolve(name + ".n5"));
		assertArrayEquals(new long[] { 5, 37, 29 }, a.shape());
		assertArrayEquals(new int[] { 2, 16, 16 }, a.chunkShape());
		assertBoxes(a, name.substring(0, 2));
		final OmeZarr image = OmeZarr.open(Fixtures.DIR.resolve(name + ".n5"));
		assertEquals(List.of("z", "y", "x"), image.axes());
		assertThrows(IllegalStateException.class, image::writable);
	}

	/**
	 * zarr-python pads N5 edge blocks to the full block size; n5-java writes them at their own size
	 * (the header says which). The raw fixture with every edge block cut to its own size, as n5-java
	 * writes it, reads the same values.
	 */
	@Test
	void n5EdgeBlocksOfTheirOwnSizeReadAsWritten(@TempDir final Path dir) throws IOException {
		final Path source = Fixtures.DIR.resolve("u2_raw.n5"), n5 = dir.resolve("u2_raw.n5");
		final long[] shape = { 29, 37, 5 }; // x, y, z, as N5 lists them
		final int[] block = { 16, 16, 2 };
		int cut = 0;
		try (Stream<Path> files = Files.walk(source)) {
			for (final Path p : (Iterable<Path>) files::iterator) {
				final Path target = n5.resolve(source.relativize(p).toString());
				if (Files.isDirectory(p) || p.getFileName().toString().equals("attributes.json")) {
					Files.copy(p, target);
					continue;
				}
				// the block's grid position, x first: <x>/<y>/<z>
				final Path relative = source.relativize(p);
				final int[] own = new int[3];
				for (int d = 0; d < 3; d++)
					own[d] = (int) Math.min(block[d], shape[d] - Long.parseLong(relative.getName(d)
						.toString()) * block[d]);
				if (Arrays.equals(own, block)) Files.copy(p, target);
				else {
					Files.write(target, ownSize(Files.readAllBytes(p), block, own));
					cut++;
				}
			}
		}
		assertEquals(2 * 3 * 3 - 2 * 2, cut, "blocks at an edge in x, y or z");
		assertBoxes(N5Array.open(n5), "u2");
	}

	/** A raw uint16 N5 block of the full size cut to its first {@code own} values in x, y, z. */
	private static byte[] ownSize(final byte[] full, final int[] block, final int[] own) {
		final ByteBuffer in = ByteBuffer.wrap(full).order(ByteOrder.BIG_ENDIAN);
		final ByteBuffer out = ByteBuffer.allocate(16 + 2 * own[0] * own[1] * own[2]).order(
			ByteOrder.BIG_ENDIAN);
		out.putShort((short) 0).putShort((short) 3).putInt(own[0]).putInt(own[1]).putInt(own[2]);
		for (int z = 0; z < own[2]; z++)
			for (int y = 0; y < own[1]; y++)
				for (int x = 0; x < own[0]; x++)
					out.putShort(in.getShort(16 + 2 * (x + block[0] * (y + block[1] * z))));
		return out.array();
	}

	@Test
	void typesAndCodecsComeFromTheMetadata() {
		final ZarrArray a = ZarrArray.open(Fixtures.DIR.resolve("u2_blosc_zstd.zarr"));
		assertEquals(DataType.UINT16, a.dataType());
		assertEquals("blosc-zstd:3", a.codec().toString());
		assertArrayEquals(new long[] { 3, 2 }, a.chunkGrid());
		assertEquals(DataType.FLOAT64, ZarrArray.open(Fixtures.DIR.resolve(
			"f8_blosc_zlib_blocks.zarr")).dataType());
		assertEquals("raw", ZarrArray.open(Fixtures.DIR.resolve("u4_raw.zarr")).codec().toString());
		assertEquals(DataType.FLOAT32, N5Array.open(Fixtures.DIR.resolve("f4_gzip.n5")).dataType());
	}

	@Test
	void missingChunksReadAsTheFillValue() {
		final ZarrArray sparse = ZarrArray.open(Fixtures.DIR.resolve("u1_sparse.zarr"));
		assertTrue(sparse.chunkExists(new long[] { 0, 0 }));
		assertTrue(!sparse.chunkExists(new long[] { 1, 0 }));
		final float[] v = sparse.read(new long[] { 10, 10 }, new int[] { 10, 10 });
		assertEquals(Fixtures.value("u1", 0, 15, 15), v[5 * 10 + 5]);
		assertEquals(7, v[5 * 10 + 6]);
		assertEquals(7, v[9 * 10 + 9]);
		final float[] nan = ZarrArray.open(Fixtures.DIR.resolve("f4_nan_fill.zarr")).read(new long[] {
			15, 15 }, new int[] { 2, 2 });
		assertTrue(Float.isNaN(nan[0]) && Float.isNaN(nan[1]) && Float.isNaN(nan[2]));
		assertEquals(Fixtures.value("f4", 0, 16, 16), nan[3]);
	}

	@Test
	void omeZarrOpensLevelZeroWithItsAxes() {
		final OmeZarr image = OmeZarr.open(Fixtures.DIR.resolve("ome.zarr"));
		assertEquals(List.of("c", "y", "x"), image.axes());
		assertArrayEquals(new long[] { 2, 37, 29 }, image.array().shape());
		assertEquals(Map.of("note", "made by make_fixtures.py"), image.attributes());
		final float[] v = image.array().read(new long[] { 1, 30, 20 }, new int[] { 1, 2, 2 });
		assertEquals(Fixtures.value("u2", 1, 31, 21), v[3]);
		assertEquals(List.of("y", "x"), OmeZarr.open(Fixtures.DIR.resolve("i2_gzip.zarr")).axes());
		assertEquals(List.of("z", "y", "x"), OmeZarr.open(Fixtures.DIR.resolve("f4_zlib_3d.zarr"))
			.axes());
		assertTrue(OmeZarr.isChunkedStore(Fixtures.DIR.resolve("ome.zarr")));
		assertTrue(OmeZarr.isChunkedStore(Fixtures.DIR.resolve("u2_raw.n5")));
		assertTrue(!OmeZarr.isChunkedStore(Fixtures.DIR.resolve("make_fixtures.py")));
		assertTrue(!OmeZarr.isChunkedStore(Fixtures.DIR));
	}

	@Test
	void unsupportedBloscCodecsSaySoOnOneLine() {
		assertMessage("u1_blosclz.zarr': its .zarray blosc cname 'blosclz' is not supported; " +
			"rewrite the array with cname 'lz4' or 'zstd'", () -> ZarrArray.open(Fixtures.DIR.resolve(
				"u1_blosclz.zarr")));
	}

	/** The whole array, a box across chunk borders (edge chunks included), one inside a chunk. */
	private static void assertBoxes(final ChunkedArray a, final String dtype) {
		final long[] shape = a.shape();
		final int n = shape.length;
		final int[] all = Arrays.stream(shape).mapToInt(s -> (int) s).toArray();
		assertArrayEquals(Fixtures.values(dtype, new long[n], all), a.read(new long[n], all), "all");
		final long[] offset = new long[n];
		final int[] size = new int[n];
		for (int d = 0; d < n; d++) {
			offset[d] = shape[d] / 3;
			size[d] = (int) (shape[d] - offset[d]);
		}
		assertArrayEquals(Fixtures.values(dtype, offset, size), a.read(offset, size), "across");
		final long[] inner = new long[n];
		final int[] one = new int[n];
		for (int d = 0; d < n; d++) {
			inner[d] = Math.min(shape[d] - 1, 1);
			one[d] = (int) Math.min(2, shape[d] - inner[d]);
		}
		assertArrayEquals(Fixtures.values(dtype, inner, one), a.read(inner, one), "inside");
	}
}
