package org.vaetexture.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaetexture.ErrorAssertions.assertMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Arrays written chunk by chunk read back exactly, for every type and codec, edge chunks included;
 * create() re-opens what it made and refuses a different array; OME-Zarr groups too.
 */
class ZarrRoundTripTest {

	private static final long[] SHAPE = { 37, 29 };
	private static final int[] CHUNKS = { 16, 16 };

	@TempDir
	Path dir;

	static Stream<Arguments> typesAndCodecs() {
		final List<Arguments> all = new ArrayList<>();
		for (final DataType type : DataType.values())
			for (final String codec : new String[] { "raw", "zlib", "gzip:9", "blosc-lz4",
				"blosc-zstd:1", "blosc-zlib" })
				all.add(Arguments.of(type, codec));
		return all.stream();
	}

	@ParameterizedTest
	@MethodSource("typesAndCodecs")
	void writtenChunksReadBack(final DataType type, final String codec) {
		final ZarrArray a = ZarrArray.create(dir.resolve("a.zarr"), SHAPE, CHUNKS, type, ZarrCodec
			.parse(codec), Map.of());
		final String dtype = type.zarrDtype().substring(1);
		writeAll(a, dtype);
		final ZarrArray b = ZarrArray.open(dir.resolve("a.zarr"));
		assertEquals(ZarrCodec.parse(codec), b.codec());
		final int[] all = { 37, 29 };
		assertArrayEquals(Fixtures.values(dtype, new long[2], all), b.read(new long[2], all));
		final long[] offset = { 13, 11 };
		final int[] size = { 20, 18 };
		assertArrayEquals(Fixtures.values(dtype, offset, size), b.read(offset, size));
	}

	@Test
	void threeDimensionsAndNestedChunksOfManyBlocksReadBack() {
		final long[] shape = { 3, 300, 250 };
		final ZarrArray a = ZarrArray.create(dir.resolve("3d.zarr"), shape, new int[] { 2, 290, 256 },
			DataType.FLOAT32, ZarrCodec.blosc("lz4", 5, 1), Map.of("unit", "um"));
		for (long z = 0; z < 2; z++)
			a.writeChunk(new long[] { z, 0, 0 }, Fixtures.values("f4", new long[] { 2 * z, 0, 0 },
				new int[] { (int) Math.min(2, 3 - 2 * z), 290, 250 }));
		final int[] all = { 3, 300, 250 };
		final float[] v = a.read(new long[3], all);
		final float[] expected = Fixtures.values("f4", new long[3], all);
		for (int z = 0; z < 3; z++)
			for (int y = 290; y < 300; y++)
				for (int x = 0; x < 250; x++)
					expected[(z * 300 + y) * 250 + x] = 0; // chunks (z, 1, 0) were not written
		assertArrayEquals(expected, v);
		assertEquals(Map.of("unit", "um"), ZarrArray.open(dir.resolve("3d.zarr")).attributes());
	}

	/**
	 * Arrays of other tools take chunks (here 2.1 beside their 0.0): big-endian, Blosc lz4hc (lz4
	 * streams) with bit shuffle (written with none; frames say which).
	 */
	@Test
	void openedArraysOfOtherToolsTakeChunks() throws IOException {
		for (final String name : new String[] { "u2_big_endian", "u2_blosc_bitshuffle" }) {
			final Path copy = dir.resolve(name + ".zarr");
			Files.createDirectory(copy);
			for (final String file : new String[] { ".zarray", "0.0" })
				Files.copy(Fixtures.DIR.resolve(name + ".zarr").resolve(file), copy.resolve(file));
			final String zarray = Files.readString(copy.resolve(".zarray"));
			Files.writeString(copy.resolve(".zarray"), zarray.replace("\"lz4\"", "\"lz4hc\""));
			final ZarrArray a = ZarrArray.open(copy);
			a.writeChunk(new long[] { 2, 1 }, Fixtures.values("u2", new long[] { 32, 16 }, new int[] {
				5, 13 }));
			final float[] all = ZarrArray.open(copy).read(new long[2], new int[] { 37, 29 });
			final float[] expected = Fixtures.values("u2", new long[2], new int[] { 37, 29 });
			for (int y = 0; y < 37; y++)
				for (int x = 0; x < 29; x++)
					if ((y >= 16 || x >= 16) && (y < 32 || x < 16)) expected[y * 29 + x] = 0;
			assertArrayEquals(expected, all, name);
		}
	}

	@Test
	void valuesAreRoundedAndClampedToTheType() {
		final ZarrArray a = ZarrArray.create(dir.resolve("c.zarr"), new long[] { 5 }, new int[] { 8 },
			DataType.UINT8, ZarrCodec.raw(), Map.of());
		a.writeChunk(new long[1], new float[] { -5, 3.6f, 300, Float.NaN, 2.5f });
		assertArrayEquals(new float[] { 0, 4, 255, 0, 3 }, a.read(new long[1], new int[] { 5 }));
		final ZarrArray i = ZarrArray.create(dir.resolve("i.zarr"), new long[] { 2 }, new int[] { 2 },
			DataType.INT16, ZarrCodec.zlib(1), Map.of());
		i.writeChunk(new long[1], new float[] { -1e9f, 1e9f });
		assertArrayEquals(new float[] { -32768, 32767 }, i.read(new long[1], new int[] { 2 }));
	}

	@Test
	void missingChunksReadAsZeroAndExistAfterTheyAreWritten() {
		final ZarrArray a = ZarrArray.create(dir.resolve("m.zarr"), SHAPE, CHUNKS, DataType.INT8,
			ZarrCodec.gzip(1), Map.of());
		assertFalse(a.chunkExists(new long[] { 2, 1 }));
		assertArrayEquals(new float[4], a.read(new long[] { 35, 27 }, new int[] { 2, 2 }));
		a.writeChunk(new long[] { 2, 1 }, Fixtures.values("i1", new long[] { 32, 16 }, new int[] { 5,
			13 }));
		assertTrue(a.chunkExists(new long[] { 2, 1 }));
		assertTrue(Files.isRegularFile(dir.resolve("m.zarr/2.1")));
		assertArrayEquals(Fixtures.values("i1", new long[] { 35, 27 }, new int[] { 2, 2 }), a.read(
			new long[] { 35, 27 }, new int[] { 2, 2 }));
		assertThrows(IllegalArgumentException.class, () -> a.chunkExists(new long[] { 3, 0 }));
		assertThrows(IllegalArgumentException.class, () -> a.writeChunk(new long[] { 2, 1 },
			new float[16 * 16]));
		assertThrows(IllegalArgumentException.class, () -> a.read(new long[] { 30, 0 }, new int[] { 8,
			1 }));
	}

	@Test
	void chunksWrittenInParallelAllArrive() {
		final ZarrArray a = ZarrArray.create(dir.resolve("p.zarr"), new long[] { 64, 64 }, new int[] {
			8, 8 }, DataType.UINT16, ZarrCodec.parse("blosc-zstd"), Map.of());
		Stream.iterate(0, i -> i + 1).limit(64).parallel().forEach(i -> a.writeChunk(new long[] { i /
			8, i % 8 }, Fixtures.values("u2", new long[] { i / 8 * 8, i % 8 * 8 }, new int[] { 8, 8 })));
		assertArrayEquals(Fixtures.values("u2", new long[2], new int[] { 64, 64 }), a.read(new long[2],
			new int[] { 64, 64 }));
	}

	@Test
	void createAgainReopensTheSameArrayAndRefusesAnother() {
		final Path path = dir.resolve("r.zarr");
		final Map<String, Object> attrs = Map.of("model", "m.zip", "tile", 64);
		final ZarrArray a = ZarrArray.create(path, SHAPE, CHUNKS, DataType.FLOAT32, ZarrCodec.parse(
			"blosc-lz4"), attrs);
		a.writeChunk(new long[2], new float[256]);
		final ZarrArray again = ZarrArray.create(path, SHAPE, CHUNKS, DataType.FLOAT32, ZarrCodec
			.parse("blosc-lz4"), attrs);
		assertTrue(again.chunkExists(new long[2]), "the chunk written before is kept");
		assertEquals(Map.of("model", "m.zip", "tile", 64.0), again.attributes());
		assertMessage("cannot create '" + path + "': it already holds an array whose shape is [37, " +
			"29], not [37, 30]; delete it or choose another output", () -> ZarrArray.create(path,
				new long[] { 37, 30 }, CHUNKS, DataType.FLOAT32, ZarrCodec.parse("blosc-lz4"), attrs));
		assertMessage("whose chunks are [16, 16], not [8, 16]", () -> ZarrArray.create(path, SHAPE,
			new int[] { 8, 16 }, DataType.FLOAT32, ZarrCodec.parse("blosc-lz4"), attrs));
		assertMessage("whose type is FLOAT32, not INT32", () -> ZarrArray.create(path, SHAPE, CHUNKS,
			DataType.INT32, ZarrCodec.parse("blosc-lz4"), attrs));
		assertMessage("whose compression is blosc-lz4:5, not blosc-zstd:5", () -> ZarrArray.create(
			path, SHAPE, CHUNKS, DataType.FLOAT32, ZarrCodec.parse("blosc-zstd"), attrs));
		assertMessage("whose attributes differ", () -> ZarrArray.create(path, SHAPE, CHUNKS,
			DataType.FLOAT32, ZarrCodec.parse("blosc-lz4"), Map.of("model", "other.zip")));
	}

	@Test
	void omeZarrGroupsAreCreatedReopenedAndRead() throws IOException {
		final Path group = dir.resolve("features.ome.zarr");
		final OmeZarr image = OmeZarr.create(group, "features", List.of("c", "y", "x"), new long[] { 4,
			37, 29 }, new int[] { 1, 16, 16 }, DataType.FLOAT32, ZarrCodec.parse("blosc-zstd"), Map.of(
				"vae-texture", Map.of("model", "m.zip")));
		image.writable().writeChunk(new long[] { 3, 2, 1 }, Fixtures.values("f4", new long[] { 32, 16 },
			new int[] { 5, 13 }));
		assertEquals("{\"zarr_format\":2}", Files.readString(group.resolve(".zgroup")).replaceAll("\\s",
			""));
		final OmeZarr read = OmeZarr.open(group);
		assertEquals(List.of("c", "y", "x"), read.axes());
		assertEquals(Map.of("vae-texture", Map.of("model", "m.zip")), read.attributes());
		assertArrayEquals(Fixtures.values("f4", new long[] { 32, 16 }, new int[] { 5, 13 }), read
			.array().read(new long[] { 3, 32, 16 }, new int[] { 1, 5, 13 }));
		assertThrows(IllegalStateException.class, read::writable);
		final String zattrs = Files.readString(group.resolve(".zattrs")).replaceAll("\\s", "");
		assertTrue(zattrs.contains("\"version\":\"0.4\",\"name\":\"features\",\"axes\":[{\"name\":" +
			"\"c\",\"type\":\"channel\"},{\"name\":\"y\",\"type\":\"space\"},{\"name\":\"x\",\"type\":" +
			"\"space\"}],\"datasets\":[{\"path\":\"0\",\"coordinateTransformations\":[{\"type\":" +
			"\"scale\",\"scale\":[1.0,1.0,1.0]}]}]"), zattrs);
		OmeZarr.create(group, "features", List.of("c", "y", "x"), new long[] { 4, 37, 29 }, new int[] {
			1, 16, 16 }, DataType.FLOAT32, ZarrCodec.parse("blosc-zstd"), Map.of("vae-texture", Map.of(
				"model", "m.zip")));
		assertMessage("cannot create '" + group + "': it already holds a different image; delete it " +
			"or choose another output", () -> OmeZarr.create(group, "features", List.of("c", "y", "x"),
				new long[] { 4, 37, 29 }, new int[] { 1, 16, 16 }, DataType.FLOAT32, ZarrCodec.parse(
					"blosc-zstd"), Map.of()));
	}

	/** Writes the formula into every chunk, edge chunks with only their part inside the array. */
	private static void writeAll(final ZarrArray a, final String dtype) {
		final long[] grid = a.chunkGrid();
		for (long cy = 0; cy < grid[0]; cy++)
			for (long cx = 0; cx < grid[1]; cx++) {
				final long[] origin = { cy * CHUNKS[0], cx * CHUNKS[1] };
				final int[] size = { (int) Math.min(CHUNKS[0], SHAPE[0] - origin[0]), (int) Math.min(
					CHUNKS[1], SHAPE[1] - origin[1]) };
				a.writeChunk(new long[] { cy, cx }, Fixtures.values(dtype, origin, size));
			}
	}
}
